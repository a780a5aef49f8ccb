package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedLines;
import com.fankeep.core.importing.model.SourceRef;
import com.fankeep.core.importing.read.SheetRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Etsy EtsySoldOrderItems*.csv (§9): one row per item (Transaction ID); Order Shipping / Order Sales Tax repeat on
 * every item of an order. Read after the orders file; the rows of one order are collected wherever they are in the
 * file (Etsy sorts by sale date, not by order), so an order's lines are complete when they are handed on.
 */
public final class EtsyItemsFormat implements ExportFormat {

    @Override
    public String id() {
        return "etsy_items";
    }

    @Override
    public int score(Header h) {
        if (!h.has("Sale Date", "Item Name", EtsyOrdersFormat.ORDER_ID) || h.find("Transaction ID", "Listing ID") < 0) {
            return 0;
        }
        return 10 + h.count("Buyer", "Quantity", "Price", "Item Total", "Currency", "Transaction ID", "Listing ID",
                "Date Paid", "Date Shipped", "Ship Name", "Ship Country", "Variations", "Order Shipping", "Order Sales Tax");
    }

    @Override
    public int pass() {
        return 1;
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.MONTH_FIRST);
        return new FormatReader() {
            private final Map<String, List<ImportedLine>> orders = new LinkedHashMap<>();
            private final Map<String, SourceRef> firstRows = new LinkedHashMap<>();

            @Override
            public void accept(SheetRow row, ItemSink sink) {
                r.at(row, sink);
                String no = r.text(EtsyOrdersFormat.ORDER_ID);
                if (no == null) {
                    r.problem(EtsyOrdersFormat.ORDER_ID, "missing_order_no", "no order number", false);
                    return;
                }
                List<ImportedLine> lines = orders.computeIfAbsent(no, k -> new ArrayList<>());
                firstRows.putIfAbsent(no, r.source());
                Integer qty = r.integer("Quantity");
                int quantity = qty == null ? 1 : qty;
                BigDecimal price = r.money("Price");
                BigDecimal total = r.money("Item Total");
                if (total == null && price != null) {
                    total = price.multiply(BigDecimal.valueOf(quantity));
                }
                lines.add(new ImportedLine(lines.size() + 1, r.text("Transaction ID"), r.text("SKU", "Listing ID"),
                        r.text("Item Name"), r.text("Variations"), quantity, price, total, null));
            }

            @Override
            public void finish(ItemSink sink) {
                for (Map.Entry<String, List<ImportedLine>> e : orders.entrySet()) {
                    sink.item(new ImportedLines("etsy", e.getKey(), e.getValue(), null, firstRows.get(e.getKey())));
                }
                orders.clear();
                firstRows.clear();
            }
        };
    }
}
