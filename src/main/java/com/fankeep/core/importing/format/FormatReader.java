package com.fankeep.core.importing.format;

import com.fankeep.core.importing.read.SheetRow;

/**
 * Turns the data rows of one file (after its header) into items. Rows of one order may span several lines
 * (JD, Shopify, Douyin): the reader emits an order once it has seen all of it, at the latest in {@link #finish}.
 */
public interface FormatReader {

    void accept(SheetRow row, ItemSink sink);

    void finish(ItemSink sink);
}
