package com.fankeep.core.importing.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * Items for an order read from a separate file (Taobao's ExportOrderDetailList, Etsy's order items).
 *
 * @param refundedAmount what the items show as refunded (a 交易关闭 item in a 交易成功 order), or zero
 */
public record ImportedLines(String platform, String externalOrderId, List<ImportedLine> lines,
                            BigDecimal refundedAmount, SourceRef source) implements ImportItem {

    public ImportedLines {
        lines = List.copyOf(lines);
        refundedAmount = refundedAmount == null ? BigDecimal.ZERO.setScale(2) : refundedAmount;
    }
}
