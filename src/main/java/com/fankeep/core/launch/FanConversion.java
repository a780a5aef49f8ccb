package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An allocated fan's way to a sale: allocated → paid → delivered, with the order that shows it.
 *
 * @param state  allocated, paid or delivered
 * @param byHand the order was assigned to the fan by the owner
 */
public record FanConversion(long customerId, String name, int allocated, String state, Long orderId, String externalOrderId,
                            BigDecimal paidAmount, OffsetDateTime paidAt, boolean byHand) {
}
