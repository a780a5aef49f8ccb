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
 * @param segment    only the members of this saved segment (its name) or rule text
 */
public record CustomerFilter(String city, String tag, String platform, BigDecimal minSpend, BigDecimal maxSpend,
                             LocalDate lastOrderFrom, LocalDate lastOrderTo, String recoveryState, Boolean hasWechat,
                             Boolean hasPhone, String segment) {

    public static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null, null, null, null, null, null, null);

    /** Without a segment. */
    public CustomerFilter(String city, String tag, String platform, BigDecimal minSpend, BigDecimal maxSpend,
                          LocalDate lastOrderFrom, LocalDate lastOrderTo, String recoveryState, Boolean hasWechat,
                          Boolean hasPhone) {
        this(city, tag, platform, minSpend, maxSpend, lastOrderFrom, lastOrderTo, recoveryState, hasWechat, hasPhone, null);
    }

    public CustomerFilter {
        segment = blankToNull(segment);
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
