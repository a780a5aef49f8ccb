package com.fankeep.core.unassigned;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An order stored without a customer (ADR 0007), as the review list shows it. */
public record UnassignedOrder(long id, String platform, String orderNo, OffsetDateTime orderedAt, BigDecimal total,
                              String currency) {
}
