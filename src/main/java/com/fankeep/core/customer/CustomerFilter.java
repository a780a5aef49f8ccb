package com.fankeep.core.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the customer list is narrowed to; null fields do not filter.
 *
 * @param platform   a shop platform the customer bought on (taobao, jd …) or has a nickname on
 * @param minSpend   net spend in CNY at least this
 * @param lastOrderFrom last order on or after this day (UTC)
 * @param hasWechat  true: only customers with a WeChat id; false: only without; null: either
 */
public record CustomerFilter(String city, String tag, String platform, BigDecimal minSpend, BigDecimal maxSpend,
                             LocalDate lastOrderFrom, LocalDate lastOrderTo, String recoveryState, Boolean hasWechat,
                             Boolean hasPhone) {

    public static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null, null, null, null, null, null);

    public CustomerFilter {
        city = blankToNull(city);
        tag = blankToNull(tag);
        platform = blankToNull(platform);
        recoveryState = blankToNull(recoveryState);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
