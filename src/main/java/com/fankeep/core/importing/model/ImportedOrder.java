package com.fankeep.core.importing.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One order as read from an export, platform quirks already undone. Amounts are exact decimals in {@code currency}.
 *
 * @param lines the items; empty when the file has none (Taobao's order file: the items come from its detail file)
 */
public record ImportedOrder(String platform, String externalOrderId, OrderStatus status, String platformStatus,
                            String currency, BigDecimal goodsAmount, BigDecimal shippingAmount,
                            BigDecimal discountAmount, BigDecimal totalAmount, BigDecimal paidAmount,
                            BigDecimal refundedAmount, OffsetDateTime orderedAt, OffsetDateTime paidAt,
                            OffsetDateTime shippedAt, OffsetDateTime completedAt, OffsetDateTime cancelledAt,
                            Buyer buyer, Address receiver, String trackingNo, String carrier, String buyerMessage,
                            String sellerNote, List<ImportedLine> lines, SourceRef source) implements ImportItem {

    public ImportedOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
        refundedAmount = refundedAmount == null ? BigDecimal.ZERO.setScale(2) : refundedAmount;
    }
}
