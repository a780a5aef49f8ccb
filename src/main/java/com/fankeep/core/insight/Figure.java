package com.fankeep.core.insight;

import java.math.BigDecimal;

/**
 * One dashboard figure and its value in the previous period.
 *
 * @param key      what it is: {@code customers}, {@code active}, {@code revenue.CNY} … (the i18n key is dashboard.figure.+key
 *                 without the currency)
 * @param previous null when the figure has no previous period (follow-ups are due now, not in a period)
 * @param rule     the segment rule naming the customers behind it (the Customers page filter), null when none can
 */
public record Figure(String key, BigDecimal value, BigDecimal previous, String rule) {

    /** value − previous, null without a previous value. */
    public BigDecimal change() {
        return previous == null ? null : value.subtract(previous);
    }
}
