package com.fankeep.core.importing.model;

/** The platform-independent order status; it decides whether the paid amount is revenue. */
public enum OrderStatus {
    UNPAID, PAID, SHIPPED, COMPLETED, CANCELLED, CLOSED, REFUNDED, PARTIALLY_REFUNDED, UNKNOWN;

    /** The value stored in shop_order.status. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Paid, shipped, completed and partially refunded orders are revenue (net of refunds); the rest are not. */
    public boolean isRevenue() {
        return this == PAID || this == SHIPPED || this == COMPLETED || this == PARTIALLY_REFUNDED;
    }
}
