package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.OrderStatus;
import java.util.Locale;

/** Etsy's Status column of EtsySoldOrders (sold orders are paid; empty until the order is marked complete). */
final class EtsyStatus {

    private EtsyStatus() {
    }

    static OrderStatus of(String status, boolean shipped) {
        if (status == null || status.isBlank()) {
            return shipped ? OrderStatus.SHIPPED : OrderStatus.PAID;
        }
        return switch (status.trim().toLowerCase(Locale.ROOT)) {
            case "completed", "complete" -> OrderStatus.COMPLETED;
            case "paid", "open", "not shipped", "unshipped" -> shipped ? OrderStatus.SHIPPED : OrderStatus.PAID;
            case "shipped", "in transit", "delivered" -> OrderStatus.SHIPPED;
            case "canceled", "cancelled" -> OrderStatus.CANCELLED;
            case "refunded", "fully refunded" -> OrderStatus.REFUNDED;
            case "partially refunded", "partial refund" -> OrderStatus.PARTIALLY_REFUNDED;
            default -> OrderStatus.UNKNOWN;
        };
    }
}
