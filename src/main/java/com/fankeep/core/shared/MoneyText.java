package com.fankeep.core.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How every page shows money, the same in both languages: ¥1,328.00, $12.50, €3.00; another currency as its code
 * before the amount (HKD 80.00). Several currencies: the shop's (CNY) first, then the others by code.
 */
public final class MoneyText {

    private MoneyText() {
    }

    public static String format(String currency, BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String number = f.format(amount.setScale(2, RoundingMode.HALF_UP));
        String sign = amount.signum() < 0 ? "-" : "";
        if (!sign.isEmpty()) {
            number = number.substring(1);
        }
        String symbol = switch (currency == null ? "" : currency) {
            case "CNY" -> "¥";
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "JPY" -> "JP¥";
            default -> currency + " ";
        };
        return sign + symbol + number;
    }

    /** Spend in several currencies: "¥1,328.00 + $12.50"; "" for none. */
    public static String format(Map<String, BigDecimal> perCurrency) {
        return perCurrency.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, BigDecimal> e) -> !"CNY".equals(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> format(e.getKey(), e.getValue())).collect(Collectors.joining(" + "));
    }
}
