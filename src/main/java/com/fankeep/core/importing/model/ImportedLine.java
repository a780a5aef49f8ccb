package com.fankeep.core.importing.model;

import java.math.BigDecimal;

/** One item of an order. */
public record ImportedLine(int lineNo, String externalLineId, String sku, String title, String variant, int quantity,
                           BigDecimal unitPrice, BigDecimal lineTotal, String refundStatus) {
}
