package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import com.fankeep.core.importing.model.SourceRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Douyin shop (抖店) order export (UTF-8 with BOM): one row per sub-order (子订单编号), the rows of a main order
 * (主订单编号) together; ids and times written as "\t…", "-" for empty. Consecutive rows of one 主订单编号 become one
 * order whose lines are its sub-orders; 订单应付金额 is the sub-order's own amount (a gift row shows 0.00), so the
 * order's paid amount is their sum. Receivers are encrypted (##密文, $$密文): such values are dropped, and an order
 * whose buyer is nobody identifiable is stored without a customer.
 */
public final class DouyinOrdersFormat implements ExportFormat {

    static final String ORDER_NO = "主订单编号";
    static final String SUB_NO = "子订单编号";

    @Override
    public String id() {
        return "douyin_orders";
    }

    @Override
    public int score(Header h) {
        if (!h.has(ORDER_NO, SUB_NO, "订单状态")) {
            return 0;
        }
        return 10 + h.count("选购商品", "商品规格", "商品数量", "商家编码", "订单应付金额", "运费", "收件人", "收件人手机号", "详细地址",
                "订单提交时间", "订单完成时间", "售后状态", "取消原因", "发货时间", "支付完成时间", "快递信息");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.YEAR_FIRST);
        return new ConsecutiveOrderRows<Head, Sub>(r, ORDER_NO, (reader, no) -> head(reader), DouyinOrdersFormat::sub,
                DouyinOrdersFormat::order);
    }

    /** What the first row of a main order says about all of it. */
    private record Head(OffsetDateTime orderedAt, OffsetDateTime paidAt, Buyer buyer, Address receiver, String trackingNo,
                        String carrier, String buyerMessage, String sellerNote, SourceRef source, String currency) {
    }

    /** One sub-order row. */
    private record Sub(OrderStatus status, String platformStatus, boolean refunded, BigDecimal amount, BigDecimal shipping,
                       BigDecimal discount, OffsetDateTime shippedAt, OffsetDateTime completedAt, ImportedLine line) {
    }

    private static Head head(RowReader r) {
        String name = plain(r.text("收件人"));
        String phone = plain(r.text("收件人手机号"));
        String address = plain(r.text("详细地址"));
        Buyer buyer = new Buyer(null, name, phone == null ? List.of() : List.of(phone), null, null, null, null);
        String tracking = null;
        String carrier = null;
        String parcel = r.text("快递信息"); // SF123-顺丰速运
        if (parcel != null) {
            int dash = parcel.indexOf('-');
            tracking = dash > 0 ? parcel.substring(0, dash).trim() : parcel;
            carrier = dash > 0 ? parcel.substring(dash + 1).trim() : null;
        }
        return new Head(r.time("订单提交时间"), r.time("支付完成时间"), buyer, ChineseAddress.parse(address, name, phone), tracking,
                carrier, plain(r.text("买家留言")), r.text("商家备注"), r.source(), r.shopCurrency("douyin", "CNY"));
    }

    private static Sub sub(RowReader r, int lineNo) {
        String platformStatus = r.text("订单状态");
        OrderStatus status = r.known(DouyinStatus.of(platformStatus), "订单状态", platformStatus);
        String afterSale = r.text("售后状态");
        BigDecimal amount = r.money("订单应付金额");
        Integer qty = r.integer("商品数量");
        int quantity = qty == null ? 1 : qty;
        BigDecimal unit = amount == null || quantity == 0 ? null
                : amount.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
        ImportedLine line = new ImportedLine(lineNo, r.text(SUB_NO), r.text("商家编码"), r.text("选购商品"), r.text("商品规格"),
                quantity, unit, amount, afterSale != null ? afterSale : status == OrderStatus.CLOSED ? platformStatus : null);
        BigDecimal discount = sum(sum(r.money("平台实际承担优惠金额"), r.money("商家实际承担优惠金额")), r.money("达人实际承担优惠金额"));
        return new Sub(status, platformStatus, DouyinStatus.refunded(afterSale), amount, r.money("运费"), discount,
                r.time("发货时间"), r.time("订单完成时间"), line);
    }

    /**
     * The main order's status from its sub-orders: all closed → refunded when one was refunded, else closed; some
     * closed → the live ones decide, and the closed or refunded ones' money is a partial refund.
     */
    private static ImportedOrder order(String orderNo, Head head, List<Sub> subs) {
        BigDecimal paid = null;
        BigDecimal shipping = null;
        BigDecimal discount = null;
        BigDecimal gone = BigDecimal.ZERO.setScale(2);
        boolean anyRefund = false;
        boolean anyUnknown = false;
        boolean allCancelled = true;
        OrderStatus live = null;
        boolean someShipped = false;
        OffsetDateTime shippedAt = null;
        OffsetDateTime completedAt = null;
        Set<String> statuses = new LinkedHashSet<>();
        List<ImportedLine> lines = new ArrayList<>(subs.size());
        for (Sub s : subs) {
            lines.add(s.line());
            paid = sum(paid, s.amount());
            shipping = max(shipping, s.shipping());
            discount = sum(discount, s.discount());
            statuses.add(s.platformStatus() == null ? "?" : s.platformStatus());
            shippedAt = shippedAt == null ? s.shippedAt() : shippedAt;
            completedAt = completedAt == null ? s.completedAt() : completedAt;
            anyRefund |= s.refunded();
            anyUnknown |= s.status() == OrderStatus.UNKNOWN;
            allCancelled &= s.status() == OrderStatus.CANCELLED;
            boolean closed = s.status() == OrderStatus.CLOSED || s.status() == OrderStatus.CANCELLED;
            if (closed || s.refunded()) {
                gone = s.amount() == null ? gone : gone.add(s.amount());
            }
            if (!closed) {
                someShipped |= s.status() == OrderStatus.SHIPPED || s.status() == OrderStatus.COMPLETED;
                live = live == null || rank(s.status()) < rank(live) ? s.status() : live;
            }
        }
        OrderStatus status;
        BigDecimal refunded = BigDecimal.ZERO.setScale(2);
        if (anyUnknown) {
            status = OrderStatus.UNKNOWN;
        } else if (live == null) {
            status = anyRefund ? OrderStatus.REFUNDED : allCancelled ? OrderStatus.CANCELLED : OrderStatus.CLOSED;
            refunded = anyRefund && paid != null ? paid : refunded;
        } else {
            status = live == OrderStatus.PAID && someShipped ? OrderStatus.SHIPPED : live;
            if (status.isRevenue() && gone.signum() > 0) {
                status = OrderStatus.PARTIALLY_REFUNDED;
                refunded = gone;
            }
        }
        return new ImportedOrder("douyin", orderNo, status, String.join("/", statuses), head.currency(), null, shipping, discount, paid,
                paid, refunded, head.orderedAt(), head.paidAt(), shippedAt, completedAt, null, head.buyer(), head.receiver(),
                head.trackingNo(), head.carrier(), head.buyerMessage(), head.sellerNote(), lines, head.source());
    }

    /** How far a live sub-order got: the order is as far as its least advanced live sub-order. */
    private static int rank(OrderStatus s) {
        return switch (s) {
            case UNPAID -> 0;
            case PAID -> 1;
            case SHIPPED -> 2;
            default -> 3;
        };
    }

    /** Null for the encrypted placeholders Douyin shows instead of receiver data (##密文, $$密文). */
    static String plain(String value) {
        if (value == null || value.startsWith("##") || value.startsWith("$$") || value.contains("密文")) {
            return null;
        }
        return value;
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
