package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.OrderStatus;
import java.util.Locale;

/**
 * eBay's Orders report has no status column: an order is paid once Paid On Date is filled in and shipped once
 * Shipped On Date is. A report that has an order status column (other Seller Hub downloads) is read by its words.
 */
final class EbayStatus {

    private EbayStatus() {
    }

    static OrderStatus of(String explicit, boolean paid, boolean shipped) {
        if (explicit != null && !explicit.isBlank()) {
            String s = explicit.trim().toLowerCase(Locale.ROOT);
            if (s.contains("partial") && s.contains("refund")) {
                return OrderStatus.PARTIALLY_REFUNDED;
            }
            if (s.contains("refund")) {
                return OrderStatus.REFUNDED;
            }
            if (s.contains("cancel")) {
                return OrderStatus.CANCELLED;
            }
            if (s.contains("awaiting payment") || s.contains("unpaid")) {
                return OrderStatus.UNPAID;
            }
        }
        if (!paid) {
            return OrderStatus.UNPAID;
        }
        return shipped ? OrderStatus.SHIPPED : OrderStatus.PAID;
    }
}
