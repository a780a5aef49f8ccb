package com.fankeep.ui.customers;

import com.fankeep.core.shared.Messages;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.MissingResourceException;

/** Display texts of customer values: states, kinds, money, dates. */
final class CustomerTexts {

    private CustomerTexts() {
    }

    static String or(Messages m, String key, String fallback) {
        try {
            return m.bundle().getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    static String state(Messages m, String state) {
        return state == null ? "" : or(m, "customers.state." + state, state);
    }

    static String tier(Messages m, String tier) {
        return tier == null ? "" : or(m, "customers.tier." + tier, tier);
    }

    static String kind(Messages m, String kind) {
        return or(m, "customers.channel." + kind, kind);
    }

    static String platform(Messages m, String platform) {
        return platform == null ? "" : or(m, "customers.platform." + platform, platform);
    }

    static String funnel(Messages m, String state) {
        return or(m, "customers.funnel." + state, state);
    }

    static String edit(Messages m, String kind) {
        return or(m, "customers.edit." + kind, kind);
    }

    /** Money as every page shows it (one formatter, {@link com.fankeep.core.shared.MoneyText}). */
    static String money(Messages m, Map<String, BigDecimal> spend) {
        return com.fankeep.core.shared.MoneyText.format(spend);
    }

    static String money(Messages m, String currency, BigDecimal amount) {
        return com.fankeep.core.shared.MoneyText.format(currency, amount);
    }

    static String date(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate().toString();
    }
}
