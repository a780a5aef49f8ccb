package com.fankeep.core.importing.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One order as read from an export, platform quirks already undone. Amounts are exact decimals in {@code currency}.
 *
 * @param lines    the items; empty when the file has none (Taobao's order file: the items come from its detail file)
 * @param referrer who referred the buyer as the file names them (Youzan 分销员), or null
 */
public record ImportedOrder(String platform, String externalOrderId, OrderStatus status, String platformStatus,
                            String currency, BigDecimal goodsAmount, BigDecimal shippingAmount,
                            BigDecimal discountAmount, BigDecimal totalAmount, BigDecimal paidAmount,
                            BigDecimal refundedAmount, OffsetDateTime orderedAt, OffsetDateTime paidAt,
                            OffsetDateTime shippedAt, OffsetDateTime completedAt, OffsetDateTime cancelledAt,
                            Buyer buyer, Address receiver, String trackingNo, String carrier, String buyerMessage,
                            String sellerNote, List<ImportedLine> lines, SourceRef source, String referrer) implements ImportItem {

    public ImportedOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
        refundedAmount = refundedAmount == null ? BigDecimal.ZERO.setScale(2) : refundedAmount;
        referrer = referrer == null || referrer.isBlank() ? null : referrer.strip();
    }

    /** An order whose file names no referrer (most platforms). */
    public ImportedOrder(String platform, String externalOrderId, OrderStatus status, String platformStatus,
                         String currency, BigDecimal goodsAmount, BigDecimal shippingAmount,
                         BigDecimal discountAmount, BigDecimal totalAmount, BigDecimal paidAmount,
                         BigDecimal refundedAmount, OffsetDateTime orderedAt, OffsetDateTime paidAt,
                         OffsetDateTime shippedAt, OffsetDateTime completedAt, OffsetDateTime cancelledAt,
                         Buyer buyer, Address receiver, String trackingNo, String carrier, String buyerMessage,
                         String sellerNote, List<ImportedLine> lines, SourceRef source) {
        this(platform, externalOrderId, status, platformStatus, currency, goodsAmount, shippingAmount, discountAmount,
                totalAmount, paidAmount, refundedAmount, orderedAt, paidAt, shippedAt, completedAt, cancelledAt, buyer, receiver,
                trackingNo, carrier, buyerMessage, sellerNote, lines, source, null);
    }
}
