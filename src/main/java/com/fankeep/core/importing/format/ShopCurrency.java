package com.fankeep.core.importing.format;

import java.util.Map;

/**
 * The currency of amounts a file does not label: the one the owner chose for this import ({@code import --currency},
 * the preview), else the shop's currency for the platform (Settings), else none (the format says what it assumed).
 * A file's own currency column or money signs always win over this.
 *
 * @param chosen      the currency chosen for this import, or null
 * @param perPlatform the shop's currency per platform id ("woocommerce" → "EUR"), from the settings
 */
public record ShopCurrency(String chosen, Map<String, String> perPlatform) {

    public static final ShopCurrency NONE = new ShopCurrency(null, Map.of());

    public ShopCurrency {
        perPlatform = perPlatform == null ? Map.of() : Map.copyOf(perPlatform);
    }

    /** The currency for unlabelled amounts of this platform's files, or null when nobody said. */
    public String of(String platform) {
        return chosen != null ? chosen : perPlatform.get(platform);
    }
}
