package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Taobao/Tmall classic order file ExportOrderList*.csv (GBK): one row per order; items come from the detail file. */
public final class TaobaoOrdersFormat implements ExportFormat {

    static final String ORDER_NO = "订单编号";

    @Override
    public String id() {
        return "taobao_orders";
    }

    @Override
    public int score(Header h) {
        if (!h.has(ORDER_NO, "买家会员名", "订单状态") || h.find("买家实际支付金额", "买家实付金额") < 0) {
            return 0;
        }
        return 10 + h.count("买家支付宝账号", "收货人姓名", "收货地址", "联系手机", "联系电话", "订单创建时间",
                "订单付款时间", "宝贝标题", "物流单号", "物流公司", "订单备注", "宝贝总数量", "订单关闭原因", "打款商家金额");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.YEAR_FIRST);
        return new OneOrderPerRow(r, ORDER_NO, TaobaoOrdersFormat::order);
    }

    private static ImportedOrder order(RowReader r, String orderNo) {
        BigDecimal paid = r.money("买家实际支付金额", "买家实付金额");
        BigDecimal received = r.money("打款商家金额", "确认收货打款金额");
        String platformStatus = r.text("订单状态");
        String closeReason = r.text("订单关闭原因");
        OrderStatus status = r.known(TaobaoStatus.of(platformStatus, closeReason), "订单状态", platformStatus);
        BigDecimal refunded = BigDecimal.ZERO.setScale(2);
        if (status == OrderStatus.REFUNDED && paid != null) {
            refunded = paid;
        } else if (status == OrderStatus.COMPLETED && paid != null && received != null && received.compareTo(paid) < 0) {
            status = OrderStatus.PARTIALLY_REFUNDED;
            refunded = paid.subtract(received);
        }
        String receiverName = r.text("收货人姓名");
        String mobile = r.text("联系手机");
        String landline = r.text("联系电话");
        List<String> phones = new ArrayList<>(2);
        if (mobile != null) {
            phones.add(mobile);
        }
        if (landline != null && !landline.equals(mobile)) {
            phones.add(landline);
        }
        Buyer buyer = new Buyer(r.text("买家会员名"), receiverName, phones, null, null, null, null);
        String title = r.text("宝贝标题");
        Integer quantity = r.integer("宝贝总数量");
        List<ImportedLine> lines = title == null ? List.of()
                : List.of(new ImportedLine(1, null, null, title, null, quantity == null ? 1 : quantity, null, null, null));
        var orderedAt = r.time("订单创建时间");
        var paidAt = r.time("订单付款时间");
        var completedAt = r.time("确认收货时间");
        return new ImportedOrder("taobao", orderNo, status, platformStatus, r.shopCurrency("taobao", "CNY"),
                r.money("买家应付货款"), r.money("买家应付邮费"), null, r.money("总金额"), paid, refunded,
                orderedAt, paidAt, null, completedAt, null, buyer,
                ChineseAddress.parse(r.text("收货地址"), receiverName, mobile != null ? mobile : landline),
                r.text("物流单号"), r.text("物流公司"), r.text("买家留言"), r.text("订单备注"), lines, r.source());
    }
}
