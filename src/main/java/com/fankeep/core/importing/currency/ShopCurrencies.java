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

    static String defaultOf(String platform) {
        return CNY_PLATFORMS.contains(platform) ? "CNY" : null;
    }
}
