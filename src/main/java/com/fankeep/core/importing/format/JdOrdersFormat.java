package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import com.fankeep.core.importing.model.SourceRef;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * JD POP seller order export (GBK): one row per SKU, the order-level columns (订单金额, 应付金额, buyer, status…)
 * repeated on every row of the order. Consecutive rows of one 订单号 become one order with several lines; the
 * order-level values are taken once, from its first row.
 */
public final class JdOrdersFormat implements ExportFormat {

    static final String ORDER_NO = "订单号";

    @Override
    public String id() {
        return "jd_orders";
    }

    @Override
    public int score(Header h) {
        if (!h.has(ORDER_NO, "订单状态") || h.find("京东价", "下单帐号") < 0) {
            return 0;
        }
        return 10 + h.count("商品ID", "商品名称", "订购数量", "下单时间", "京东价", "订单金额", "结算金额", "余额支付", "应付金额",
                "下单帐号", "客户姓名", "客户地址", "联系电话", "付款确认时间", "订单完成时间", "货号", "运费金额");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.YEAR_FIRST);
        return new ConsecutiveOrderRows<Head, ImportedLine>(r, ORDER_NO, JdOrdersFormat::head, JdOrdersFormat::line,
                (no, head, lines) -> head.order(lines));
    }

    private static ImportedLine line(RowReader r, int lineNo) {
        Integer qty = r.integer("订购数量");
        int quantity = qty == null ? 1 : qty;
        BigDecimal price = r.money("京东价");
        BigDecimal total = price == null ? null : price.multiply(BigDecimal.valueOf(quantity));
        return new ImportedLine(lineNo, r.text("商品ID"), r.text("货号", "商家SKUID"), r.text("商品名称"), null, quantity, price,
                total, null);
    }

    /** The order-level values of an order's first row. */
    private record Head(String orderNo, OrderStatus status, String platformStatus, BigDecimal goods, BigDecimal shipping,
                        BigDecimal discount, BigDecimal paid, OffsetDateTime orderedAt, OffsetDateTime paidAt,
                        OffsetDateTime completedAt, Buyer buyer, Address receiver, String buyerMessage, String sellerNote,
                        SourceRef source, String currency) {

        ImportedOrder order(List<ImportedLine> lines) {
            return new ImportedOrder("jd", orderNo, status, platformStatus, currency, goods, shipping, discount, paid, paid,
                    BigDecimal.ZERO.setScale(2), orderedAt, paidAt, null, completedAt, null, buyer, receiver, null, null,
                    buyerMessage, sellerNote, lines, source);
        }
    }

    private static Head head(RowReader r, String orderNo) {
        String platformStatus = r.text("订单状态");
        OrderStatus status = r.known(JdStatus.of(platformStatus), "订单状态", platformStatus);
        BigDecimal goods = r.money("订单金额");
        BigDecimal settled = r.money("结算金额");
        // 应付金额 is what was left to pay after JD balance (余额支付): the buyer paid both
        BigDecimal due = r.money("应付金额");
        BigDecimal balance = r.money("余额支付");
        BigDecimal paid = due == null ? settled : balance == null ? due : due.add(balance);
        BigDecimal discount = goods != null && settled != null && settled.compareTo(goods) < 0 ? goods.subtract(settled) : null;
        String name = r.text("客户姓名");
        String phone = r.text("联系电话");
        Buyer buyer = new Buyer(r.text("下单帐号"), name, phone == null ? List.of() : List.of(phone), null, null, null, null);
        // JD writes the address as one string without separators (上海浦东新区张杨路…): kept whole as the street
        return new Head(orderNo, status, platformStatus, goods, r.money("运费金额"), discount, paid, r.time("下单时间"),
                r.time("付款确认时间"), r.time("订单完成时间"), buyer, ChineseAddress.parse(r.text("客户地址"), name, phone),
                r.text("订单备注"), r.text("商家备注"), r.source(), r.shopCurrency("jd", "CNY"));
    }
}
