package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.ImportItem;
import com.fankeep.core.importing.read.SheetRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The reader of layouts whose orders span consecutive rows, one per item (JD, Douyin, Taobao's item file): the first
 * row of an order gives its head, every row a line, and the order is emitted when the next order's rows begin.
 *
 * @param <H> what the first row says about the whole order
 * @param <L> what each row says about its item
 */
final class ConsecutiveOrderRows<H, L> implements FormatReader {

    /** Makes the item of one order from its head and lines (or null to emit nothing). */
    interface Emit<H, L> {
        ImportItem item(String orderNo, H head, List<L> lines);
    }

    private final RowReader r;
    private final String orderNoColumn;
    private final BiFunction<RowReader, String, H> head;
    private final BiFunction<RowReader, Integer, L> line;
    private final Emit<H, L> emit;
    private String orderNo;
    private H current;
    private List<L> lines = new ArrayList<>();

    /**
     * @param head reads the order's head from its first row, given the order number
     * @param line reads one row's item, given its 1-based position in the order
     */
    ConsecutiveOrderRows(RowReader r, String orderNoColumn, BiFunction<RowReader, String, H> head,
                         BiFunction<RowReader, Integer, L> line, Emit<H, L> emit) {
        this.r = r;
        this.orderNoColumn = orderNoColumn;
        this.head = head;
        this.line = line;
        this.emit = emit;
    }

    @Override
    public void accept(SheetRow row, ItemSink sink) {
        r.at(row, sink);
        String no = r.text(orderNoColumn);
        if (no == null) {
            r.problem(orderNoColumn, "missing_order_no", "no order number", false);
            return;
        }
        if (!no.equals(orderNo)) {
            flush(sink);
            orderNo = no;
            current = head.apply(r, no);
        }
        lines.add(line.apply(r, lines.size() + 1));
    }

    @Override
    public void finish(ItemSink sink) {
        flush(sink);
    }

    private void flush(ItemSink sink) {
        if (orderNo != null && !lines.isEmpty()) {
            ImportItem item = emit.item(orderNo, current, lines);
            if (item != null) {
                sink.item(item);
            }
        }
        lines = new ArrayList<>();
        current = null;
        orderNo = null;
    }
}
