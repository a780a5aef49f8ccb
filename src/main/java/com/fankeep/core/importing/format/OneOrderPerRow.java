package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.read.SheetRow;
import java.util.function.BiFunction;

/** The reader of layouts with one order per row (Taobao, Pinduoduo, Youzan, Etsy): no order number → a problem. */
final class OneOrderPerRow implements FormatReader {

    private final RowReader r;
    private final String orderNoColumn;
    private final BiFunction<RowReader, String, ImportedOrder> order;

    /** @param order makes the order of the current row, given the row reader and the order number */
    OneOrderPerRow(RowReader r, String orderNoColumn, BiFunction<RowReader, String, ImportedOrder> order) {
        this.r = r;
        this.orderNoColumn = orderNoColumn;
        this.order = order;
    }

    @Override
    public void accept(SheetRow row, ItemSink sink) {
        r.at(row, sink);
        String orderNo = r.text(orderNoColumn);
        if (orderNo == null) {
            r.problem(orderNoColumn, "missing_order_no", "no order number", false);
            return;
        }
        sink.item(order.apply(r, orderNo));
    }

    @Override
    public void finish(ItemSink sink) {
        // one row per order: nothing pending
    }
}
