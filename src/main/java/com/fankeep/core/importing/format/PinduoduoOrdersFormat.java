package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Pinduoduo merchant order export orders_export*.csv (UTF-8 with BOM): one row per order, one SKU per order. Ids,
 * counts, phones and times carry a TAB against Excel (an empty time is a lone TAB); the cell cleaning drops it.
 */
public final class PinduoduoOrdersFormat implements ExportFormat {

    static final String ORDER_NO = "订单号";
    private static final String PAID = "用户实付金额(元)";

    @Override
    public String id() {
        return "pinduoduo_orders";
    }

    @Override
    public int score(Header h) {
        if (!h.has(ORDER_NO, "订单状态", "商品") || h.find(PAID, "商家实收金额(元)") < 0) {
            return 0;
        }
        return 10 + h.count("商品总价(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "邮费(元)", PAID, "商品数量(件)", "收货人", "手机",
                "省", "市", "区", "支付时间", "发货时间", "确认收货时间", "商品规格", "商家编码-SKU维度", "商家编码-规格维度", "快递单号",
                "售后状态", "买家留言");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.YEAR_FIRST);
        return new OneOrderPerRow(r, ORDER_NO, PinduoduoOrdersFormat::order);
    }

    private static ImportedOrder order(RowReader r, String orderNo) {
        String platformStatus = r.text("订单状态");
        OrderStatus status = r.known(PinduoduoStatus.of(platformStatus), "订单状态", platformStatus);
        String afterSale = r.text("售后状态");
        if (status.isRevenue() && "退款成功".equals(afterSale)) {
            status = OrderStatus.REFUNDED;
        }
        BigDecimal goods = r.money("商品总价(元)");
        BigDecimal paid = r.money(PAID, "商家实收金额(元)");
        BigDecimal refunded = status == OrderStatus.REFUNDED && paid != null ? paid : BigDecimal.ZERO.setScale(2);
        BigDecimal discount = sum(r.money("店铺优惠折扣(元)"), r.money("平台优惠折扣(元)"));

        String name = r.text("收货人");
        String mobile = r.text("手机");
        String buyerMobile = r.text("用户购买手机号");
        // the buyer's own number (用户购买手机号) when the export has it, else the receiver's
        String phone = buyerMobile != null ? buyerMobile : mobile;
        List<String> phones = phone == null ? List.of() : List.of(phone);
        // Pinduoduo shows no buyer account: the receiver is the buyer
        Buyer buyer = new Buyer(null, name, phones, null, null, null, null);
        Address receiver = new Address(name, mobile, "CN", r.text("省"), r.text("市"), r.text("区"), r.text("街道", "街道/镇"), null);

        Integer qty = r.integer("商品数量(件)");
        int quantity = qty == null ? 1 : qty;
        BigDecimal unit = goods == null || quantity == 0 ? null : goods.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
        String title = r.text("商品", "货品名称");
        List<ImportedLine> lines = title == null ? List.of() : List.of(new ImportedLine(1, r.text("样式ID"),
                r.text("商家编码-SKU维度", "商家编码-规格维度", "商家编码-商品维度"), title, r.text("商品规格"), quantity, unit, goods,
                afterSale == null || afterSale.equals("无售后或售后取消") ? null : afterSale));

        // the export has no order time: the first time it shows stands in (订单成交时间 in newer exports, else 支付时间)
        var orderedAt = r.time("订单成交时间", "支付时间");
        return new ImportedOrder("pinduoduo", orderNo, status, platformStatus, r.shopCurrency("pinduoduo", "CNY"), goods, r.money("邮费(元)"), discount,
                paid, paid, refunded, orderedAt, r.time("支付时间"), r.time("发货时间"), r.time("确认收货时间"), null, buyer,
                receiver, r.text("快递单号"), r.text("快递公司"), r.text("买家留言"), r.text("商家备注"), lines, r.source());
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }
}
