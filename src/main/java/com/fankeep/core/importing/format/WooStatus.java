package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.OrderStatus;
import java.util.Locale;

/** WooCommerce order statuses (slugs, with or without "wc-") → FanKeep's status. */
final class WooStatus {

    private WooStatus() {
    }

    static OrderStatus of(String status) {
        if (status == null) {
            return OrderStatus.UNKNOWN;
        }
        String s = status.trim().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (s.startsWith("wc-")) {
            s = s.substring(3);
        }
        return switch (s) {
            // on-hold: waiting for a bank transfer or cheque to arrive
            case "pending", "pending-payment", "on-hold", "checkout-draft", "draft" -> OrderStatus.UNPAID;
            case "processing" -> OrderStatus.PAID;
            case "shipped", "partial-shipped", "partially-shipped" -> OrderStatus.SHIPPED;
            case "completed", "delivered" -> OrderStatus.COMPLETED;
            case "cancelled", "canceled" -> OrderStatus.CANCELLED;
            case "refunded" -> OrderStatus.REFUNDED;
            case "partially-refunded" -> OrderStatus.PARTIALLY_REFUNDED;
            case "failed", "trash" -> OrderStatus.CLOSED;
            default -> OrderStatus.UNKNOWN;
        };
    }
}
