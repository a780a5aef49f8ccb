package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedLines;
import com.fankeep.core.importing.model.SourceRef;
import java.math.BigDecimal;
import java.util.List;

/** Taobao/Tmall item file ExportOrderDetailList*.csv: one row per item, rows of one order together. */
public final class TaobaoDetailsFormat implements ExportFormat {

    @Override
    public String id() {
        return "taobao_details";
    }

    @Override
    public int score(Header h) {
        if (!h.has(TaobaoOrdersFormat.ORDER_NO, "标题", "价格", "购买数量") || h.has("买家会员名")) {
            return 0;
        }
        return 10 + h.count("外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码");
    }

    @Override
    public int pass() {
        return 1;
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.YEAR_FIRST);
        return new ConsecutiveOrderRows<SourceRef, ImportedLine>(r, TaobaoOrdersFormat.ORDER_NO, (reader, no) -> reader.source(),
                TaobaoDetailsFormat::line, (no, first, lines) -> new ImportedLines("taobao", no, lines, refunded(lines), first));
    }

    private static ImportedLine line(RowReader r, int lineNo) {
        Integer qty = r.integer("购买数量");
        BigDecimal price = r.money("价格");
        int quantity = qty == null ? 1 : qty;
        BigDecimal total = price == null ? null : price.multiply(BigDecimal.valueOf(quantity));
        String variant = join(r.text("商品属性"), r.text("套餐信息"));
        return new ImportedLine(lineNo, null, r.text("商家编码", "外部系统编号"), r.text("标题"), variant, quantity, price, total,
                r.text("订单状态"));
    }

    /** Items closed inside an order that went on: refunded. A wholly closed order is refunded at order level. */
    private static BigDecimal refunded(List<ImportedLine> lines) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        boolean anyOpen = false;
        for (ImportedLine l : lines) {
            if ("交易关闭".equals(l.refundStatus()) && l.lineTotal() != null) {
                sum = sum.add(l.lineTotal());
            } else {
                anyOpen = true;
            }
        }
        return anyOpen ? sum : BigDecimal.ZERO.setScale(2);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }
}
