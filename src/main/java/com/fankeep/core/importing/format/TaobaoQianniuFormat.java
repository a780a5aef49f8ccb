package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newer Taobao/Tmall order export from 千牛 (XLSX, 2021+; EXPORT-FORMATS.md §1b): one row per order, buyer data
 * desensitized. Usually there is no buyer column at all and 收货地址 is masked (`江苏省 南京市 建邺区 沙洲街道****`);
 * Tmall packs the receiver into it (`张三，86-13900139000，广东省深圳市…`). Buyer columns the merchant chose to export
 * (买家会员名, 收货人姓名, 联系手机) are read when present; masked values never identify anyone (ADR 0007).
 */
public final class TaobaoQianniuFormat implements ExportFormat {

    private static final String ORDER_NO = "订单编号";
    /** Tmall's "name，phone，address" in 收货地址 (full-width or ASCII commas). */
    private static final Pattern PACKED = Pattern.compile("^\\s*([^，,]{1,40})[，,]\\s*([+\\d*\\-\\s]{7,24})[，,]\\s*(.+)$");

    @Override
    public String id() {
        return "taobao_qianniu_orders";
    }

    @Override
    public int score(Header h) {
        // 商品标题 and 支付单号 are what the classic ExportOrderList (宝贝标题, no 支付单号) lacks
        if (!h.has(ORDER_NO, "订单状态", "买家实付金额", "商品标题") || h.find("支付单号", "商品属性SKU") < 0) {
            return 0;
        }
        return 10 + h.count("支付单号", "买家应付货款", "买家应付邮费", "总金额", "收货地址", "运送方式", "订单创建时间", "宝贝种类",
                "物流单号", "物流公司", "备注标签", "商家备注", "宝贝总数量", "开票信息", "手机订单", "商品属性SKU", "发货时间");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.YEAR_FIRST);
        return new OneOrderPerRow(r, ORDER_NO, TaobaoQianniuFormat::order);
    }

    private static ImportedOrder order(RowReader r, String orderNo) {
        BigDecimal paid = r.money("买家实付金额", "买家实际支付金额");
        BigDecimal refundColumn = r.money("退款金额");
        BigDecimal received = r.money("确认收货打款金额", "打款商家金额");
        String platformStatus = r.text("订单状态");
        String closeReason = r.text("订单关闭原因");
        boolean refundShown = refundColumn != null && refundColumn.signum() > 0;
        OrderStatus status = r.known(TaobaoStatus.of(platformStatus, refundShown && closeReason == null ? "退款" : closeReason),
                "订单状态", platformStatus);
        BigDecimal refunded = BigDecimal.ZERO.setScale(2);
        if (status == OrderStatus.REFUNDED && paid != null) {
            refunded = paid;
        } else if (status == OrderStatus.COMPLETED && paid != null) {
            BigDecimal partial = refundShown ? refundColumn
                    : received != null && received.compareTo(paid) < 0 ? paid.subtract(received) : null;
            if (partial != null && partial.compareTo(paid) < 0) {
                status = OrderStatus.PARTIALLY_REFUNDED;
                refunded = partial;
            }
        }
        Receiver who = receiver(r.text("收货地址"), r.text("收货人姓名"), r.text("联系手机", "联系电话"));
        String account = r.text("买家会员名");
        if (account != null && account.contains("*")) {
            account = null; // t**1: a masked nickname is nobody's key
        }
        Buyer buyer = new Buyer(account, who.address().name(), who.phone() == null ? List.of() : List.of(who.phone()),
                null, null, null, null);
        String title = r.text("商品标题");
        Integer quantity = r.integer("宝贝总数量");
        List<ImportedLine> lines = title == null ? List.of()
                : List.of(new ImportedLine(1, null, null, title, r.text("商品属性SKU"), quantity == null ? 1 : quantity,
                        null, null, null));
        return new ImportedOrder("taobao", orderNo, status, platformStatus, r.shopCurrency("taobao", "CNY"),
                r.money("买家应付货款"), r.money("买家应付邮费"), null, r.money("总金额"), paid, refunded,
                r.time("订单创建时间"), r.time("订单付款时间", "付款时间"), r.time("发货时间"), r.time("确认收货时间"), null,
                buyer, who.address(), r.text("物流单号"), r.text("物流公司"), r.text("买家留言"), r.text("商家备注"), lines,
                r.source());
    }

    /** The receiver as the export shows it, and the phone to read (null when there is none). */
    record Receiver(Address address, String phone) {
    }

    static Receiver receiver(String addressCell, String nameColumn, String phoneColumn) {
        String name = nameColumn;
        String phone = phoneColumn;
        String rest = addressCell;
        if (addressCell != null) {
            Matcher m = PACKED.matcher(addressCell);
            if (m.matches() && m.group(2).replaceAll("\\D", "").length() >= 7) {
                name = name != null ? name : m.group(1).strip();
                phone = phone != null ? phone : m.group(2).strip();
                rest = m.group(3).strip();
            }
        }
        return new Receiver(ChineseAddress.parse(rest, name, phone), phone);
    }
}
