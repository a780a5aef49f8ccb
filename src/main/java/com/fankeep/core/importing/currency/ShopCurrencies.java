package com.fankeep.core.importing.currency;

import com.fankeep.core.importing.format.ShopCurrency;
import com.fankeep.core.settings.SettingsService;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shop's currency per platform (Settings, {@code currency list|set}): what amounts of a file without a currency
 * column are in. Chinese platforms default to CNY; the overseas ones have no default, so an unlabelled file is
 * flagged rather than silently read as US dollars (issue #11).
 */
public final class ShopCurrencies {

    static final String PREFIX = "import.currency.";
    public static final List<String> PLATFORMS = List.of("taobao", "jd", "pinduoduo", "youzan", "douyin", "wechat",
            "shopify", "woocommerce", "etsy", "ebay");
    private static final List<String> CNY_PLATFORMS = List.of("taobao", "jd", "pinduoduo", "youzan", "douyin", "wechat");

    private final SettingsService settings;

    public ShopCurrencies(SettingsService settings) {
        this.settings = settings;
    }

    /** Every platform with its currency (set, or the default), null where neither; in {@link #PLATFORMS} order. */
    public Map<String, String> all() {
        Map<String, String> stored = settings.values(PREFIX);
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : PLATFORMS) {
            String v = stored.get(p);
            out.put(p, v != null && !v.isBlank() ? v : defaultOf(p));
        }
        return out;
    }

    /** Sets (or, with a blank code, clears back to the default) one platform's currency. */
    public void set(String platform, String code) {
        String p = platform == null ? "" : platform.strip().toLowerCase(Locale.ROOT);
        if (!PLATFORMS.contains(p)) {
            throw new CurrencyRefusedException("import.currency.unknownPlatform", "unknown platform: " + platform,
                    platform, String.join(", ", PLATFORMS));
        }
        String c = code == null || code.isBlank() ? "" : checked(code);
        settings.putValues(PREFIX, Map.of(p, c));
    }

    /**
     * The currencies to read these files with: {@code chosen} (may be null) wins over the settings, which win over the
     * currency of the country all the rows bill or ship to (Shopify/WooCommerce/Etsy/eBay files without a currency column).
     */
    public ShopCurrency forImport(String chosen, List<java.nio.file.Path> files) {
        ShopCurrency set = forImport(chosen);
        return chosen != null ? set : new ShopCurrency(null, set.perPlatform(), ofRows(files));
    }

    /** The currency of the one country all these files' rows bill or ship to, or null (files with a currency column aside). */
    public static String ofRows(List<java.nio.file.Path> files) {
        return com.fankeep.core.importing.format.RowsCountry.currencyOf(com.fankeep.core.importing.format.RowsCountry.of(files));
    }

    /** The currencies to read this import's files with; {@code chosen} (may be null) wins over the settings. */
    public ShopCurrency forImport(String chosen) {
        Map<String, String> known = new LinkedHashMap<>();
        all().forEach((p, c) -> {
            if (c != null) {
                known.put(p, c);
            }
        });
        return new ShopCurrency(chosen == null ? null : checked(chosen), known);
    }

    /** An ISO 4217 code in upper case, or a refusal naming what was typed. */
    public static String checked(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        try {
            if (c.length() == 3 && Currency.getInstance(c) != null) {
                return c;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new CurrencyRefusedException("import.currency.unknownCode", "not a currency code: " + code, code);
    }

    /** Codes the pickers offer first (any ISO code is accepted by {@link #set}). */
    public static final List<String> COMMON = List.of("CNY", "USD", "EUR", "GBP", "HKD", "TWD", "JPY", "KRW", "SGD",
            "MYR", "THB", "AUD", "CAD", "NZD", "CHF");

    /**
     * What the import preview asks or shows about the currency of unlabelled amounts, or null when none of the files is
     * an order export of a known platform.
     *
     * @param formatIds the formats of the files read (FileSummary.format)
     * @param chosen    the currency chosen for this import, or null
     */
    public CurrencyQuestion question(List<String> formatIds, String chosen) {
        return question(formatIds, chosen, null);
    }

    /**
     * The same, proposing the currency of the rows' one billing/shipping country ({@code ofRows}, may be null) to a
     * first-run question about Shopify/WooCommerce/Etsy/eBay before the platform's usual one (GB → GBP, not USD).
     */
    public CurrencyQuestion question(List<String> formatIds, String chosen, String ofRows) {
        List<String> platforms = formatIds.stream().map(ShopCurrencies::platformOf).filter(java.util.Objects::nonNull)
                .distinct().toList();
        if (platforms.isEmpty()) {
            return null;
        }
        Map<String, String> stored = settings.values(PREFIX);
        List<String> unset = platforms.stream().filter(p -> blank(stored.get(p))).toList();
        String first = platforms.getFirst();
        String usual = ofRows != null && com.fankeep.core.importing.format.ShopCurrency.OVERSEAS.contains(first) ? ofRows : usualOf(first);
        String code = chosen != null ? chosen : !blank(stored.get(first)) ? stored.get(first) : usual;
        return new CurrencyQuestion(platforms, unset, code);
    }

    /** The owner answered the first-run question: the platforms without a currency yet keep this one. */
    public void remember(CurrencyQuestion answered, String code) {
        String c = checked(code);
        Map<String, String> values = new LinkedHashMap<>();
        answered.unset().forEach(p -> values.put(p, c));
        if (!values.isEmpty()) {
            settings.putValues(PREFIX, values);
        }
    }

    /** The platform whose order export a format reads ("shopify_orders" → "shopify"), or null. */
    static String platformOf(String formatId) {
        if (formatId == null || !formatId.endsWith("_orders")) {
            return null;
        }
        String p = formatId.substring(0, formatId.indexOf('_'));
        return PLATFORMS.contains(p) ? p : null;
    }

    /** The currency a shop on this platform usually sells in: what the first-run question proposes. */
    public static String usualOf(String platform) {
        return CNY_PLATFORMS.contains(platform) ? "CNY" : "USD";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String defaultOf(String platform) {
        return CNY_PLATFORMS.contains(platform) ? "CNY" : null;
    }
}
