package com.fankeep.core.importing.model;

import java.util.List;

/** Items for an order read from a separate file (Taobao's ExportOrderDetailList, Etsy's order items). */
public record ImportedLines(String platform, String externalOrderId, List<ImportedLine> lines, SourceRef source)
        implements ImportItem {

    public ImportedLines {
        lines = List.copyOf(lines);
    }
}
