package com.fankeep.core.tier;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The owner's tier thresholds and exchange rates (Settings; defaults and reasons in ADR 0015). Spend is compared in
 * the main currency: {@code rates} say how much of the main currency one unit of another currency is worth; a currency
 * without a rate does not count toward spend.
 *
 * @param newMaxOrders   a "new" customer has at most this many paid orders, the last within {@code newWithinDays}
 * @param lapsedAfterDays no paid order for more than this many days: lapsed, whatever came before
 * @param countReferrals every referred customer who has ordered counts as one more order of the referrer
 */
public record TierSettings(int ironMinOrders, BigDecimal ironMinSpend, int ironWithinDays,
                           int vipMinOrders, BigDecimal vipMinSpend, int vipWithinDays,
                           int newMaxOrders, int newWithinDays, int lapsedAfterDays, boolean countReferrals,
                           String mainCurrency, Map<String, BigDecimal> rates) {

    /** Rates of 2026-12 rounded: a starting point the owner is asked to check. */
    public static final Map<String, BigDecimal> DEFAULT_RATES = defaultRates();

    public static final TierSettings DEFAULTS = new TierSettings(5, new BigDecimal("2000"), 365, 3, new BigDecimal("800"), 365,
            1, 90, 365, false, "CNY", DEFAULT_RATES);

    public TierSettings {
        mainCurrency = currency(mainCurrency);
        Map<String, BigDecimal> sorted = new TreeMap<>();
        rates.forEach((k, v) -> sorted.put(currency(k), v == null ? null : plain(v)));
        sorted.put(mainCurrency, BigDecimal.ONE);
        rates = java.util.Collections.unmodifiableMap(sorted);
        ironMinSpend = plain(ironMinSpend);
        vipMinSpend = plain(vipMinSpend);
        check(ironMinOrders >= 1 && ironMinOrders <= 10_000, "iron fan: at least 1 order");
        check(vipMinOrders >= 1 && vipMinOrders <= 10_000, "VIP: at least 1 order");
        check(ironMinSpend.signum() >= 0 && vipMinSpend.signum() >= 0, "spend thresholds cannot be negative");
        check(newMaxOrders >= 1 && newMaxOrders <= 10_000, "new: at most 1 or more orders");
        for (int days : new int[] {ironWithinDays, vipWithinDays, newWithinDays, lapsedAfterDays}) {
            check(days >= 1 && days <= 36_500, "days must be 1 to 36500, not " + days);
        }
        for (Map.Entry<String, BigDecimal> e : rates.entrySet()) {
            check(e.getValue() != null && e.getValue().signum() > 0, "the rate of " + e.getKey() + " must be above 0");
        }
    }

    /** Every day threshold, for the daily pass (a customer moves when their last order crosses one). */
    int[] recencyDays() {
        return new int[] {ironWithinDays, vipWithinDays, newWithinDays, lapsedAfterDays};
    }

    /** As stored in the setting table (keys without the "tier." prefix). */
    Map<String, String> toValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("iron.minOrders", Integer.toString(ironMinOrders));
        v.put("iron.minSpend", ironMinSpend.toPlainString());
        v.put("iron.withinDays", Integer.toString(ironWithinDays));
        v.put("vip.minOrders", Integer.toString(vipMinOrders));
        v.put("vip.minSpend", vipMinSpend.toPlainString());
        v.put("vip.withinDays", Integer.toString(vipWithinDays));
        v.put("new.maxOrders", Integer.toString(newMaxOrders));
        v.put("new.withinDays", Integer.toString(newWithinDays));
        v.put("lapsed.afterDays", Integer.toString(lapsedAfterDays));
        v.put("countReferrals", Boolean.toString(countReferrals));
        v.put("mainCurrency", mainCurrency);
        StringBuilder r = new StringBuilder();
        rates.forEach((k, rate) -> r.append(r.isEmpty() ? "" : ",").append(k).append('=').append(rate.toPlainString()));
        v.put("rates", r.toString());
        return v;
    }

    /** From stored values; anything missing or unreadable falls back to the default. */
    static TierSettings fromValues(Map<String, String> v) {
        TierSettings d = DEFAULTS;
        try {
            return new TierSettings(num(v, "iron.minOrders", d.ironMinOrders), money(v, "iron.minSpend", d.ironMinSpend),
                    num(v, "iron.withinDays", d.ironWithinDays), num(v, "vip.minOrders", d.vipMinOrders),
                    money(v, "vip.minSpend", d.vipMinSpend), num(v, "vip.withinDays", d.vipWithinDays),
                    num(v, "new.maxOrders", d.newMaxOrders), num(v, "new.withinDays", d.newWithinDays),
                    num(v, "lapsed.afterDays", d.lapsedAfterDays),
                    Boolean.parseBoolean(v.getOrDefault("countReferrals", Boolean.toString(d.countReferrals))),
                    v.getOrDefault("mainCurrency", d.mainCurrency), rates(v.get("rates"), d.rates));
        } catch (IllegalArgumentException e) {
            return d;
        }
    }

    /** Parses "USD=7.1,EUR=7.8". */
    public static Map<String, BigDecimal> rates(String text, Map<String, BigDecimal> fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Map<String, BigDecimal> out = new TreeMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("a rate is written CUR=NUMBER, e.g. USD=7.1, not \"" + part.strip() + "\"");
            }
            out.put(currency(kv[0]), new BigDecimal(kv[1].strip()));
        }
        return out;
    }

    private static int num(Map<String, String> v, String key, int fallback) {
        String s = v.get(key);
        return s == null ? fallback : Integer.parseInt(s.strip());
    }

    private static BigDecimal money(Map<String, String> v, String key, BigDecimal fallback) {
        String s = v.get(key);
        return s == null ? fallback : new BigDecimal(s.strip());
    }

    private static String currency(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        check(c.matches("[A-Z]{3}"), "a currency is a three-letter code such as CNY, not \"" + code + "\"");
        return c;
    }

    /** 1.5E+3 as 1500: a negative scale would make the SQL cast the threshold to too few digits. */
    private static BigDecimal plain(BigDecimal v) {
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Map<String, BigDecimal> defaultRates() {
        Map<String, BigDecimal> m = new TreeMap<>();
        m.put("CNY", BigDecimal.ONE);
        m.put("USD", new BigDecimal("7.10"));
        m.put("EUR", new BigDecimal("7.80"));
        m.put("GBP", new BigDecimal("9.10"));
        m.put("HKD", new BigDecimal("0.91"));
        m.put("JPY", new BigDecimal("0.048"));
        m.put("TWD", new BigDecimal("0.22"));
        m.put("AUD", new BigDecimal("4.70"));
        m.put("CAD", new BigDecimal("5.20"));
        m.put("SGD", new BigDecimal("5.40"));
        return java.util.Collections.unmodifiableMap(m);
    }
}
