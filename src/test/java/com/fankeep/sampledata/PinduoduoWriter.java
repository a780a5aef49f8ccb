package com.fankeep.sampledata;

import static com.fankeep.sampledata.Catalog.*;

import com.fankeep.sampledata.People.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Pinduoduo merchant export (EXPORT-FORMATS.md §3): the 49-column order, UTF-8 with BOM, CRLF, one
 * SKU per order. Ids, counts, phones and times carry an appended TAB (an empty time is a lone TAB);
 * 商品规格 like {@code 白色,M} needs quoting.
 */
final class PinduoduoWriter {

    static final String FILE = "orders_export2024-03-15-10-00-00.csv";

    static final List<String> HEADER = List.of("商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "邮费(元)",
            "上门安装费(元)", "送货入户费(元)", "送货入户并安装费(元)", "用户实付金额(元)", "商品数量(件)", "身份证姓名", "身份证号码", "收货人", "手机",
            "是否异常", "省", "市", "区", "街道", "支付时间", "拼单成功时间", "订单确认时间", "承诺发货时间", "发货时间", "确认收货时间", "商品id",
            "商品规格", "用户购买手机号", "样式ID", "商家编码-SKU维度", "商家编码-商品维度", "快递单号", "快递公司", "海淘清关订单号", "支付ID", "支付方式",
            "是否抽奖或0元试用", "是否顺丰加价", "商家备注", "售后状态", "买家留言", "关联货品编码", "货品名称", "货品类型", "子货品", "仓库名称", "仓库所在地址");

    static final String TAB = "\t";

    record Order(String key, String created, String status, Line line, String afterSale, String message) {}

    private static Order o(String key, String created, String status, Line line) {
        return new Order(key, created, status, line, "无售后或售后取消", "");
    }

    static List<Order> orders() {
        return List.of(
                o("C08", "2023-05-01 10:10:10", "已签收", line(CANDLE_CEDAR, 2)),
                o("C27", "2023-06-06 06:06:06", "已签收", line(MUG_WHITE, 1)),
                new Order("C13", "2023-07-15 20:00:00", "已签收，退款成功", line(PILLOW_BLUE, 2), "退款成功", "颜色和图片不一样"),
                o("C30", "2023-09-09 19:09:00", "已签收", line(TOTE_CREAM, 1)),
                o("C01", "2023-12-01 12:00:00", "已签收", line(SCARF_OAT, 1)),
                o("C16", "2024-03-12 14:14:14", "已发货，待签收", line(SHIRT_WHITE_M, 1)),
                o("C10", "2024-03-13 22:22:22", "待发货", line(CANDLE_OSMANTHUS, 1)),
                o("C27", "2024-03-14 08:00:00", "已取消", line(SHIRT_BLUE_L, 1)),
                new Order("C05", "2024-03-15 09:40:00", "待支付", line(MUG_SLATE, 1), "无售后或售后取消", "能便宜点吗"));
    }

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SN = DateTimeFormatter.ofPattern("yyMMdd");

    static void write(Path dir) throws IOException {
        Random rnd = new Random(20240315_03L);
        Csv csv = new Csv(Csv.CRLF).header(HEADER);
        for (Order o : orders()) {
            Person p = People.get(o.key());
            Sku sku = o.line().sku();
            LocalDateTime created = LocalDateTime.parse(o.created(), TS);
            String sn = created.format(SN) + "-" + digits(rnd, 15);
            boolean paid = !o.status().equals("待支付") && !o.status().equals("已取消");
            boolean shipped = o.status().startsWith("已签收") || o.status().startsWith("已发货");
            boolean received = o.status().startsWith("已签收");
            int goods = o.line().cny();
            int platformDiscount = paid ? 300 : 0;
            Map<String, String> t = new HashMap<>();
            LocalDateTime paidAt = created.plusSeconds(15 + rnd.nextInt(120));
            t.put("支付时间", paid ? paidAt.format(TS) : "");
            t.put("拼单成功时间", paid ? paidAt.plusSeconds(1).format(TS) : "");
            t.put("订单确认时间", paid ? paidAt.plusSeconds(1).format(TS) : "");
            t.put("承诺发货时间", paid ? paidAt.plusHours(48).format(TS) : "");
            t.put("发货时间", shipped ? paidAt.plusHours(20).format(TS) : "");
            t.put("确认收货时间", received ? paidAt.plusDays(5).format(TS) : "");
            String tracking = shipped ? "YT" + digits(rnd, 13) : "";
            String payId = paid ? "42000" + digits(rnd, 23) : "";
            csv.row(sku.titleCn(), sn + TAB, o.status(), money(goods), "0.00", money(platformDiscount), "0.00", "0.00",
                    "0.00", "0.00", money(goods - platformDiscount), o.line().qty() + TAB, "", "", p.name(),
                    p.mobile() + TAB, "否", p.home().province(), p.home().city(), p.home().district(), p.home().street(),
                    t.get("支付时间") + TAB, t.get("拼单成功时间") + TAB, t.get("订单确认时间") + TAB, t.get("承诺发货时间") + TAB,
                    t.get("发货时间") + TAB, t.get("确认收货时间") + TAB, stableId("5", sku.product().enTitle(), 8) + TAB,
                    sku.valuesCn(), "", stableId("2", sku.code(), 10) + TAB, sku.code() + TAB,
                    String.join("-", List.of(sku.code().split("-")).subList(0, 2)) + TAB, tracking.isEmpty() ? "" : tracking + TAB,
                    tracking.isEmpty() ? "" : "圆通快递", "", payId.isEmpty() ? "" : payId + TAB,
                    paid ? (rnd.nextBoolean() ? "微信" : "支付宝") : "", "否", "否", "", o.afterSale(), o.message(), "", "", "",
                    "", "", "");
        }
        csv.write(dir.resolve("pinduoduo").resolve(FILE), StandardCharsets.UTF_8, true);
    }

    private PinduoduoWriter() {}
}
