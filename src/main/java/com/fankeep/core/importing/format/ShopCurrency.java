package com.fankeep.core.importing.format;

import java.util.Map;

/**
 * The currency of amounts a file does not label: the one the owner chose for this import ({@code import --currency},
 * the preview), else the shop's currency for the platform (Settings), else for Shopify/WooCommerce/Etsy/eBay that of
 * the country all the rows bill or ship to ({@link RowsCountry}), else none (the format says what it assumed).
 * A file's own currency column or money signs always win over this.
 *
 * @param chosen      the currency chosen for this import, or null
 * @param perPlatform the shop's currency per platform id ("woocommerce" → "EUR"), from the settings
 * @param ofRows      the currency of the rows' one country, or null
 */
public record ShopCurrency(String chosen, Map<String, String> perPlatform, String ofRows) {

    public static final ShopCurrency NONE = new ShopCurrency(null, Map.of());

    /** The platforms whose files may be in any currency: only they follow the rows' country. */
    public static final java.util.Set<String> OVERSEAS = java.util.Set.of("shopify", "woocommerce", "etsy", "ebay");

    public ShopCurrency {
        perPlatform = perPlatform == null ? Map.of() : Map.copyOf(perPlatform);
    }

    public ShopCurrency(String chosen, Map<String, String> perPlatform) {
        this(chosen, perPlatform, null);
    }

    /** The currency for unlabelled amounts of this platform's files, or null when nobody said. */
    public String of(String platform) {
        if (chosen != null) {
            return chosen;
        }
        String set = perPlatform.get(platform);
        return set != null ? set : OVERSEAS.contains(platform) ? ofRows : null;
    }
}
