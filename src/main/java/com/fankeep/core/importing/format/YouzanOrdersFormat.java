package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Youzan (有赞) order export: one row per order, 60 columns with 分销员 twice (the second becomes "分销员#2"). Item
 * prices and quantities are not in this file: 全部商品名称 (";"-joined) gives one line per product, quantity 1.
 * Refunds come from 订单退款状态 (部分退款 / 全额退款) and 订单已退款金额.
 */
public final class YouzanOrdersFormat implements ExportFormat {

    static final String ORDER_NO = "订单号";
    private static final String PAID = "订单实付金额";

    @Override
    public String id() {
        return "youzan_orders";
    }

    @Override
    public int score(Header h) {
        if (!h.has(ORDER_NO, "订单状态", PAID) || h.find("全部商品名称", "买家昵称", "收货人手机号/提货人手机号") < 0) {
            return 0;
        }
        return 10 + h.count("销售渠道", "归属店铺", "订单创建时间", "买家付款时间", "交易成功时间", "商品金额合计", "运费", "店铺优惠合计",
                "应收订单金额", "订单实收金额", "全部商品名称", "收货人省份", "收货人城市", "收货人地区", "详细收货地址/提货地址",
                "收货人/提货人", "收货人手机号/提货人手机号", "买家昵称", "买家手机号", "订单退款状态", "订单已退款金额", "分销员");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.YEAR_FIRST);
        return new OneOrderPerRow(r, ORDER_NO, YouzanOrdersFormat::order);
    }

    private static ImportedOrder order(RowReader r, String orderNo) {
        String platformStatus = r.text("订单状态");
        OrderStatus status = r.known(YouzanStatus.of(platformStatus), "订单状态", platformStatus);
        BigDecimal paid = r.money(PAID, "订单实收金额");
        String refundState = r.text("订单退款状态");
        BigDecimal refunded = r.money("订单已退款金额");
        if (refunded == null) {
            refunded = BigDecimal.ZERO.setScale(2);
        }
        boolean whole = refundState != null && refundState.contains("全额退款")
                || refunded.signum() > 0 && paid != null && refunded.compareTo(paid) >= 0;
        if (whole && (status.isRevenue() || status == OrderStatus.CLOSED)) {
            // a paid order closed by its refund (交易关闭 + 全额退款) was paid, then refunded
            status = OrderStatus.REFUNDED;
            if (refunded.signum() == 0 && paid != null) {
                refunded = paid;
            }
        } else if (refunded.signum() > 0 && status.isRevenue()) {
            status = OrderStatus.PARTIALLY_REFUNDED;
        } else if (status != OrderStatus.REFUNDED) {
            refunded = BigDecimal.ZERO.setScale(2);
        }

        String receiverName = r.text("收货人/提货人");
        String receiverPhone = r.text("收货人手机号/提货人手机号");
        String buyerPhone = r.text("买家手机号");
        // the buyer's own number; the receiver's only when the buyer's is missing (a gift's receiver is someone else)
        String phone = buyerPhone != null ? buyerPhone : receiverPhone;
        List<String> phones = phone == null ? List.of() : List.of(phone);
        // 买家昵称 is the fan's nickname in the shop: the Youzan account, as the customer list shows it too
        Buyer buyer = new Buyer(r.text("买家昵称"), receiverName, phones, null, null, null, null);
        Address receiver = new Address(receiverName, receiverPhone, "CN", r.text("收货人省份"), r.text("收货人城市"),
                r.text("收货人地区"), r.text("详细收货地址/提货地址"), null);

        List<ImportedLine> lines = new ArrayList<>();
        String titles = r.text("全部商品名称");
        if (titles != null) {
            for (String title : titles.split("[;；]")) {
                if (!title.isBlank()) {
                    lines.add(new ImportedLine(lines.size() + 1, null, null, title.trim(), null, 1, null, null, null));
                }
            }
        }
        return new ImportedOrder("youzan", orderNo, status, platformStatus, r.shopCurrency("youzan", "CNY"), r.money("商品金额合计"), r.money("运费"),
                r.money("店铺优惠合计"), r.money("应收订单金额"), paid, refunded, r.time("订单创建时间"), r.time("买家付款时间"), null,
                r.time("交易成功时间"), null, buyer, receiver, null, null, r.text("买家备注"), r.text("商家订单备注"), lines,
                r.source(), referrer(r));
    }

    /** The distributor who brought the order: "name / phone" (分销员, 分销员手机号), either part may be missing. */
    private static String referrer(RowReader r) {
        String name = r.text("分销员");
        if (name == null) {
            name = r.text("分销员#2"); // the second column repeats the first
        }
        String phone = r.text("分销员手机号");
        if (name == null || phone == null) {
            return name != null ? name : phone;
        }
        return name + " / " + phone;
    }
}
