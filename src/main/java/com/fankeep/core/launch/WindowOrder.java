package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * An imported order with the lines that matter for a launch.
 *
 * @param customerId the buyer the import identified (null: unknown)
 */
public record WindowOrder(long id, String externalId, Long customerId, String buyer, OffsetDateTime orderedAt,
                          OffsetDateTime paidAt, String status, BigDecimal paidAmount, String currency, List<Line> lines) {

    private static final Set<String> PAID = Set.of("paid", "shipped", "completed", "partially_refunded");
    private static final Set<String> DELIVERED = Set.of("shipped", "completed");

    public WindowOrder {
        lines = List.copyOf(lines);
    }

    public record Line(String sku, String title, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    public boolean paid() {
        return PAID.contains(status);
    }

    public boolean delivered() {
        return DELIVERED.contains(status);
    }
}
