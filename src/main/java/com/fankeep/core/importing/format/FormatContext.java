package com.fankeep.core.importing.format;

import java.time.ZoneId;

/**
 * What a reader needs besides the rows.
 *
 * @param fileName the file's name, for problem reports
 * @param zone     the shop's time zone, for times without an offset (Chinese platforms: Asia/Shanghai)
 * @param currency the currency of amounts the file does not label ({@link ShopCurrency})
 */
public record FormatContext(String fileName, ZoneId zone, ShopCurrency currency) {

    public FormatContext {
        currency = currency == null ? ShopCurrency.NONE : currency;
    }

    public FormatContext(String fileName, ZoneId zone) {
        this(fileName, zone, ShopCurrency.NONE);
    }
}
