package com.fankeep.sampledata;

import static com.fankeep.sampledata.Catalog.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * Douyin shop (抖店) order export (EXPORT-FORMATS.md §5): the confirmed 21-column subset, UTF-8 with
 * BOM, CRLF, every value quoted, ids/codes/times as {@code "\t…"}, {@code -} for empty, receivers
 * encrypted ({@code ##密文}, {@code $$密文}), one row per sub-order with 0.00 gift rows. The file
 * name starts with the export time in epoch seconds (2024-03-15 10:00 +08:00).
 */
final class DouyinWriter {

    static final String FILE = "1710468000_new.csv";

    static final List<String> HEADER = List.of("主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商家编码", "订单应付金额", "运费",
            "收件人", "收件人手机号", "详细地址", "订单提交时间", "商家备注", "订单完成时间", "订单状态", "售后状态", "取消原因", "发货时间",
            "平台实际承担优惠金额", "商家实际承担优惠金额", "达人实际承担优惠金额");

    /** A sub-order; {@code gift} rows cost 0.00. */
    record Sub(Line line, String status, String afterSale, String cancelReason) {}

    record Order(String created, List<Sub> subs) {}

    private static Sub sub(Line l, String status) {
        return new Sub(l, status, "-", "-");
    }

    static List<Order> orders() {
        return List.of(
                new Order("2024-02-01 20:31:07", List.of(sub(line(MUG_WHITE, 1), "已完成"),
                        sub(line(THANK_YOU_CARD, 1), "已完成"))),
                new Order("2024-02-14 11:02:56", List.of(sub(line(CANDLE_OSMANTHUS, 2), "已完成"))),
                new Order("2024-02-20 21:47:33", List.of(new Sub(line(SHIRT_WHITE_M, 1), "已关闭", "退款成功", "-"),
                        new Sub(line(THANK_YOU_CARD, 1), "已关闭", "-", "主品订单售后完成"))),
                new Order("2024-03-05 19:05:41", List.of(sub(line(TOTE_CREAM, 1), "已完成"),
                        sub(line(PILLOW_BLUE, 2), "已完成"))),
                new Order("2024-03-12 22:10:18", List.of(sub(line(SCARF_OAT, 1), "已发货"))),
                new Order("2024-03-14 20:58:02", List.of(sub(line(TEAPOT_WOOD, 1), "待发货"))));
    }

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static Csv.Quoted q(String s) {
        return Csv.quoted(s == null || s.isEmpty() ? "-" : s);
    }

    /** {@code "\t…"}: the leading TAB keeps spreadsheets from turning the value into a number. */
    private static Csv.Quoted t(String s) {
        return Csv.quoted(s == null || s.isEmpty() ? "-" : "\t" + s);
    }

    static void write(Path dir) throws IOException {
        Random rnd = new Random(20240315_05L);
        Csv csv = new Csv(Csv.CRLF).header(HEADER);
        int n = 0;
        for (Order o : orders()) {
            String main = "69" + digits(rnd, 17);
            LocalDateTime created = LocalDateTime.parse(o.created(), TS);
            boolean encryptedPhoneStyle = n++ % 2 == 0;
            for (Sub s : o.subs()) {
                String subId = "69" + digits(rnd, 17);
                boolean shipped = s.status().equals("已完成") || s.status().equals("已发货");
                boolean done = s.status().equals("已完成");
                int amount = s.line().cny();
                int merchantDiscount = amount >= 10000 ? 500 : 0;
                csv.row(t(main), t(subId), q(s.line().sku().titleCn()), q(s.line().sku().valuesCn()),
                        q(Integer.toString(s.line().qty())), t(s.line().sku().code()), q(money(amount - merchantDiscount)),
                        q("0.00"), q("##密文"), q(encryptedPhoneStyle ? "$$密文" : "##密文"), q("##密文"),
                        t(created.format(TS)), q(""), t(done ? created.plusDays(8).format(TS) : ""), q(s.status()),
                        q(s.afterSale()), q(s.cancelReason()), t(shipped ? created.plusHours(30).format(TS) : ""),
                        q("0.00"), q(money(merchantDiscount)), q("0.00"));
            }
        }
        csv.write(dir.resolve("douyin").resolve(FILE), StandardCharsets.UTF_8, true);
    }

    private DouyinWriter() {}
}
