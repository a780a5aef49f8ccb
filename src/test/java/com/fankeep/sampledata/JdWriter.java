package com.fankeep.sampledata;

import static com.fankeep.sampledata.Catalog.*;

import com.fankeep.sampledata.People.Address;
import com.fankeep.sampledata.People.Person;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * JD POP seller export (EXPORT-FORMATS.md §2): the 30-column header, GBK, CRLF, text values
 * double-quoted, numbers bare, one row per SKU with the order-level money repeated on every row.
 * The file name is not confirmed by the reference, so it is descriptive.
 */
final class JdWriter {

    static final String FILE = "jd_orders_20240315.csv";

    static final List<String> HEADER = List.of("订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额",
            "结算金额", "余额支付", "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话", "订单备注", "发票类型", "发票抬头",
            "发票内容", "商家备注", "商家备注等级（等级1-5为由高到低）", "运费金额", "付款确认时间", "增值税发票", "货号", "订单完成时间", "订单来源", "订单渠道");

    record Order(String key, String created, String status, int discount, boolean masked, String note,
                 List<Line> lines) {}

    private static Order o(String key, String created, String status, Line... lines) {
        return new Order(key, created, status, 0, false, "", List.of(lines));
    }

    static List<Order> orders() {
        return List.of(
                o("C01", "2023-06-18 00:05:11", "完成", line(TEAPOT_WOOD, 1), line(CANDLE_CEDAR, 2)),
                o("C04", "2023-07-20 14:30:00", "完成", line(MUG_WHITE, 4)),
                o("C07", "2023-08-08 20:20:20", "完成", line(SHIRT_BLUE_L, 1)),
                new Order("C22", "2023-10-10 10:10:10", "完成", 0, true, "", List.of(line(SCARF_OAT, 1))),
                o("C25", "2023-11-11 00:30:45", "已取消", line(PILLOW_BLUE, 2), line(TOTE_CREAM, 1)),
                new Order("C11", "2024-01-15 09:00:00", "完成", 2000, false, "满300减20", List.of(
                        line(CANDLE_OSMANTHUS, 2), line(MUG_SLATE, 1), line(SCARF_OAT, 1))),
                o("C01", "2024-02-28 21:45:30", "等待确认收货", line(MUG_SLATE, 2)),
                new Order("C26", "2024-03-14 16:40:00", "(删除)等待出库", 0, true, "", List.of(line(TOTE_CREAM, 1))),
                o("C14", "2024-03-15 08:20:00", "等待出库", line(SHIRT_WHITE_M, 1)));
    }

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** JD writes the address as one string without separators: 上海浦东新区… / 浙江杭州市西湖区…. */
    static String jdAddress(Address a) {
        String province = a.province().replace("省", "").replace("壮族自治区", "");
        String city = a.city().startsWith(province) ? "" : a.city();
        return province + city + a.district() + a.street();
    }

    static void write(Path dir) throws IOException {
        Random rnd = new Random(20240315_02L);
        Csv csv = new Csv(Csv.CRLF).header(HEADER);
        for (Order o : orders()) {
            Person p = People.get(o.key());
            String orderNo = "2" + digits(rnd, 11);
            LocalDateTime created = LocalDateTime.parse(o.created(), TS);
            int amount = o.lines().stream().mapToInt(Line::cny).sum();
            int settled = amount - o.discount();
            int freight = settled >= 9900 ? 0 : 600;
            boolean cancelled = o.status().equals("已取消");
            String paidAt = cancelled ? "" : created.plusSeconds(30 + rnd.nextInt(300)).format(TS);
            String doneAt = o.status().equals("完成") ? created.plusDays(4).plusHours(2).format(TS) : "";
            String phone = o.masked() ? People.Phones.maskedJd(p.mobile()) : p.mobile();
            String account = "jd_" + p.firstEn().toLowerCase() + p.lastEn().toLowerCase() + (10 + rnd.nextInt(90));
            for (Line l : o.lines()) {
                csv.row(orderNo, stableId("100", l.sku().code(), 9), Csv.quoted(l.sku().titleCn()), Integer.toString(l.qty()),
                        Csv.quoted("在线支付"), Csv.quoted(created.format(TS)), money(l.sku().cny()), money(amount),
                        money(settled), "0.00", money(settled + freight), Csv.quoted(o.status()), Csv.quoted("普通订单"),
                        Csv.quoted(account), Csv.quoted(p.name()), Csv.quoted(jdAddress(p.home())), Csv.quoted(phone),
                        Csv.quoted(o.note()), Csv.quoted("电子发票"), Csv.quoted("个人"), Csv.quoted("商品明细"),
                        Csv.quoted(""), Csv.quoted(""), money(freight), Csv.quoted(paidAt), Csv.quoted("否"),
                        Csv.quoted(l.sku().code()), Csv.quoted(doneAt), Csv.quoted("移动端订单"), Csv.quoted("暂无来源"));
            }
        }
        csv.write(dir.resolve("jd").resolve(FILE), Charset.forName("GBK"), false);
    }

    private JdWriter() {}
}
