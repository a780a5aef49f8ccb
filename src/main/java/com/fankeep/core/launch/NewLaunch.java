package com.fankeep.core.launch;

import java.math.BigDecimal;

/** What the owner enters to create a launch; quantity, cost and expiry hours are optional (expiry default 48). */
public record NewLaunch(String name, String product, String skuPattern, String currency, Integer plannedQuantity,
                        BigDecimal unitCost, Integer expiryHours) {

    public NewLaunch {
        name = name == null ? "" : name.strip();
        product = product == null ? "" : product.strip();
        skuPattern = skuPattern == null || skuPattern.isBlank() ? null : skuPattern.strip();
        currency = currency == null || currency.isBlank() ? "CNY" : currency.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
