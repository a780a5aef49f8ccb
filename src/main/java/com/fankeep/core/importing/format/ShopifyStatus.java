package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.OrderStatus;
import java.util.Locale;

/** Shopify's Financial Status (+ Fulfillment Status, Cancelled at) → FanKeep's status. */
final class ShopifyStatus {

    private ShopifyStatus() {
    }

    /**
     * @param financial   paid, pending, authorized, partially_paid, partially_refunded, refunded, voided (§7)
     * @param fulfillment fulfilled, partial, unfulfilled… (decides shipped vs paid)
     * @param cancelled   true when Cancelled at is filled in
     */
    static OrderStatus of(String financial, String fulfillment, boolean cancelled) {
        if (financial == null) {
            return OrderStatus.UNKNOWN;
        }
        String f = financial.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        return switch (f) {
            case "pending", "authorized" -> cancelled ? OrderStatus.CANCELLED : OrderStatus.UNPAID;
            case "voided", "expired" -> OrderStatus.CANCELLED;
            case "refunded" -> OrderStatus.REFUNDED;
            case "partially_refunded" -> OrderStatus.PARTIALLY_REFUNDED;
            // partially_paid: what was paid is revenue (the reader takes Total minus Outstanding Balance)
            case "paid", "partially_paid" -> cancelled ? OrderStatus.CANCELLED : shipped(fulfillment) ? OrderStatus.SHIPPED : OrderStatus.PAID;
            default -> OrderStatus.UNKNOWN;
        };
    }

    private static boolean shipped(String fulfillment) {
        if (fulfillment == null) {
            return false;
        }
        String s = fulfillment.trim().toLowerCase(Locale.ROOT);
        return s.equals("fulfilled") || s.equals("partial") || s.equals("shipped");
    }
}
