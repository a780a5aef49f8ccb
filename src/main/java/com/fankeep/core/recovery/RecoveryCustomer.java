package com.fankeep.core.recovery;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A customer on the Recovery page: what ranks them (net spend over all currencies, orders, last order) and where they are.
 *
 * @param spendText net spend per currency, e.g. "¥1,204.00" (MoneyText)
 */
public record RecoveryCustomer(long id, String name, String city, int orderCount, BigDecimal netSpend, String spendText,
                               OffsetDateTime lastOrderAt, RecoveryState state, OffsetDateTime stateAt, boolean hasPhone) {
}
