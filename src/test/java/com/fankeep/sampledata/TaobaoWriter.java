package com.fankeep.sampledata;

import static com.fankeep.sampledata.Catalog.*;

import com.fankeep.sampledata.People.Person;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Taobao classic CSV pair (EXPORT-FORMATS.md §1a): {@code ExportOrderList<ts>.csv} (one row per order,
 * the 40-column header with its trailing spaces) and {@code ExportOrderDetailList<ts>.csv} (one row
 * per item). GBK, comma, CRLF; order numbers as {@code ="…"} in both files; phones as {@code '138…}.
 */
final class TaobaoWriter {

    static final String STAMP = "202403151030";
    static final String ORDER_FILE = "ExportOrderList" + STAMP + ".csv";
    static final String ITEM_FILE = "ExportOrderDetailList" + STAMP + ".csv";

    static final List<String> ORDER_HEADER = List.of("订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费",
            "买家支付积分", "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址 ",
            "运送方式", "联系电话 ", "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注",
            "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息", "定金排名",
            "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易");

    static final List<String> ITEM_HEADER =
            List.of("订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码");

    enum Status {
        SUCCESS("交易成功", "订单未关闭"),
        SHIPPED("卖家已发货，等待买家确认", "订单未关闭"),
        PAID("买家已付款，等待卖家发货", "订单未关闭"),
        UNPAID("等待买家付款", "订单未关闭"),
        CLOSED_UNPAID("交易关闭", "买家未付款"),
        REFUNDED("交易关闭", "退款"),
        /** The order succeeded but its first item was refunded (that item's status is 交易关闭). */
        PARTIALLY_REFUNDED("交易成功", "订单未关闭");

        final String text;
        final String closeReason;

        Status(String text, String closeReason) {
            this.text = text;
            this.closeReason = closeReason;
        }

        boolean paid() {
            return this != UNPAID && this != CLOSED_UNPAID;
        }

        boolean shipped() {
            return this == SUCCESS || this == SHIPPED || this == PARTIALLY_REFUNDED;
        }
    }

    /** One order of the script below. */
    static final class Order {
        final Person buyer;
        final LocalDateTime created;
        final Status status;
        final List<Line> lines;
        String buyerMessage = "";
        String sellerMemo = "";
        boolean maskedPhone;
        String invoiceTitle = "";

        Order(String key, String created, Status status, Line... lines) {
            this.buyer = People.get(key);
            this.created = LocalDateTime.parse(created, TS);
            this.status = status;
            this.lines = List.of(lines);
        }

        Order msg(String m) {
            buyerMessage = m;
            return this;
        }

        Order memo(String m) {
            sellerMemo = m;
            return this;
        }

        Order masked() {
            maskedPhone = true;
            return this;
        }

        Order invoice(String title) {
            invoiceTitle = title;
            return this;
        }

        int goods() {
            return lines.stream().mapToInt(Line::cny).sum();
        }

        int postage() {
            return goods() >= 9900 ? 0 : 800;
        }

        int quantity() {
            return lines.stream().mapToInt(Line::qty).sum();
        }
    }

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static Order o(String key, String created, Status status, Line... lines) {
        return new Order(key, created, status, lines);
    }

    /** The script: who bought what, when, and how it ended. Listed oldest first. */
    static List<Order> orders() {
        return List.of(
                o("C01", "2022-06-18 20:15:33", Status.SUCCESS, line(MUG_WHITE, 2)),
                o("C02", "2022-07-02 11:03:10", Status.SUCCESS, line(SCARF_OAT, 1)),
                o("C03", "2022-08-15 09:47:21", Status.SUCCESS, line(SHIRT_WHITE_M, 1), line(TOTE_CREAM, 1)),
                o("C04", "2022-09-09 22:10:05", Status.SUCCESS, line(CANDLE_CEDAR, 3)),
                o("C05", "2022-10-01 14:22:48", Status.REFUNDED, line(TEAPOT_WOOD, 1))
                        .memo("买家七天无理由退货，已退款"),
                o("C06", "2022-11-11 00:03:12", Status.SUCCESS, line(MUG_SLATE, 1), line(CANDLE_OSMANTHUS, 2),
                        line(PILLOW_BLUE, 2)).msg("帮我爸妈买的，送到厦门"),
                o("C01", "2022-11-11 00:15:40", Status.SUCCESS, line(SCARF_OAT, 1)).msg("双十一快点发货哦"),
                o("C07", "2022-11-11 09:30:00", Status.CLOSED_UNPAID, line(SHIRT_BLUE_L, 1)),
                o("C08", "2022-12-12 21:05:55", Status.SUCCESS, line(TOTE_CREAM, 2)),
                o("C09", "2023-01-05 10:12:30", Status.SUCCESS, line(TEAPOT_WOOD, 1), line(MUG_WHITE, 2)),
                o("C10", "2023-02-14 13:14:00", Status.SUCCESS, line(CANDLE_OSMANTHUS, 2)).msg("送女朋友的，请不要放价格单"),
                o("C11", "2023-03-08 08:30:12", Status.SUCCESS, line(SHIRT_WHITE_M, 1)).invoice("深圳示例文化传播有限公司"),
                o("C02", "2023-03-20 19:40:08", Status.SUCCESS, line(MUG_SLATE, 2)),
                o("C12", "2023-04-22 16:18:33", Status.PARTIALLY_REFUNDED, line(SHIRT_WHITE_M, 1), line(SCARF_OAT, 1))
                        .memo("衬衫M码偏大，部分退款159.00元"),
                o("C13", "2023-05-20 05:20:00", Status.SUCCESS, line(PILLOW_BLUE, 4)).masked(),
                o("C14", "2023-06-18 00:01:22", Status.SUCCESS, line(TEAPOT_WOOD, 1)),
                o("C03", "2023-06-18 10:45:09", Status.SUCCESS, line(CANDLE_CEDAR, 1)),
                o("C15", "2023-07-07 18:26:41", Status.SUCCESS, line(TOTE_CREAM, 1)).msg("周末不在家\n请放快递柜"),
                o("C16", "2023-08-08 12:00:00", Status.SUCCESS, line(MUG_WHITE, 1)),
                o("C17", "2023-09-10 09:09:09", Status.SUCCESS, line(SCARF_OAT, 2)).msg("两条,一条送老师 \"包装好看一点\""),
                o("C18", "2023-10-01 20:20:20", Status.SUCCESS, line(CANDLE_OSMANTHUS, 1), line(CANDLE_CEDAR, 1))
                        .masked(),
                o("C01", "2023-11-11 00:00:58", Status.SUCCESS, line(TEAPOT_WOOD, 1), line(MUG_SLATE, 2))
                        .memo("老客户，送手写卡"),
                o("C19", "2023-11-11 08:12:45", Status.SUCCESS, line(SHIRT_BLUE_L, 1)),
                o("C20", "2023-12-12 12:12:12", Status.SUCCESS, line(PILLOW_BLUE, 2)),
                o("C29", "2024-01-08 15:30:00", Status.SUCCESS, line(MUG_WHITE, 2)),
                o("C21", "2024-02-20 10:05:33", Status.SUCCESS, line(TOTE_CREAM, 1)),
                o("C22", "2024-03-08 08:08:08", Status.SHIPPED, line(SHIRT_WHITE_M, 1)),
                o("C06", "2024-03-12 21:40:19", Status.SHIPPED, line(SCARF_OAT, 1)),
                o("C05", "2024-03-13 11:11:11", Status.SHIPPED, line(TEAPOT_WOOD, 1)).msg("上次的退了，这次再试一个"),
                o("C23", "2024-03-14 22:15:00", Status.PAID, line(CANDLE_CEDAR, 2)),
                o("C24", "2024-03-15 09:58:31", Status.UNPAID, line(MUG_SLATE, 1)));
    }

    private static final String[][] CARRIERS = {{"中通快递", ""}, {"圆通速递", "YT"}, {"韵达快递", ""}, {"顺丰速运", "SF"}};

    static void write(Path dir) throws IOException {
        Random rnd = new Random(20240315_01L);
        List<Order> orders = new ArrayList<>(orders());
        List<String> tids = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            tids.add(digits(rnd, 19));
        }
        // the real export lists the newest order first
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparing((Integer i) -> orders.get(i).created).reversed());

        Csv orderCsv = new Csv(Csv.CRLF).header(ORDER_HEADER);
        Csv itemCsv = new Csv(Csv.CRLF).header(ITEM_HEADER);
        for (int i : idx) {
            Order o = orders.get(i);
            Person p = o.buyer;
            Csv.Raw tid = Csv.raw("=\"" + tids.get(i) + "\""); // Excel formula, written bare
            int total = o.goods() + o.postage();
            String phone = o.maskedPhone ? People.Phones.masked(p.mobile()) : p.mobile();
            String alipay = o.maskedPhone ? People.Phones.masked(p.mobile()) : (p.email() != null ? p.email() : p.mobile());
            var a = p.home();
            String address = a.province() + " " + a.city() + " " + a.district() + " " + a.street() + "(" + a.zip() + ")";
            LocalDateTime paidAt = o.created.plusSeconds(20 + rnd.nextInt(600));
            String tracking = "";
            String carrier = "";
            if (o.status.shipped()) {
                String[] c = CARRIERS[rnd.nextInt(CARRIERS.length)];
                carrier = c[0];
                tracking = c[1] + digits(rnd, c[1].isEmpty() ? 14 : 13);
            }
            List<String> titles = o.lines.stream().map(l -> l.sku().titleCn()).distinct().toList();
            boolean mobileOrder = rnd.nextInt(3) > 0;
            orderCsv.row(tid, p.nick(), alipay, money(o.goods()), money(o.postage()), "0", money(total), "0",
                    o.status.paid() ? money(total) : "0.00", "0", o.status.text, o.buyerMessage, p.name(), address,
                    "快递", "", "'" + phone, o.created.format(TS), o.status.paid() ? paidAt.format(TS) : "",
                    String.join("，", titles), Integer.toString(o.lines.size()), tracking, carrier, o.sellerMemo,
                    Integer.toString(o.quantity()), "57301234", SHOP_CN, o.status.closeReason, "0", "0",
                    o.invoiceTitle, mobileOrder ? "手机订单" : "", "", "", "", "", "", "", "", "");
            for (int n = 0; n < o.lines.size(); n++) {
                Line l = o.lines.get(n);
                String itemStatus = o.status == Status.PARTIALLY_REFUNDED && n == 0 ? "交易关闭" : o.status.text;
                itemCsv.row(tid, l.sku().titleCn(), money(l.sku().cny()), Integer.toString(l.qty()), "",
                        Csv.quoted(l.sku().attrsCn()), "", "", itemStatus, l.sku().code());
            }
        }
        Charset gbk = Charset.forName("GBK");
        orderCsv.write(dir.resolve("taobao").resolve(ORDER_FILE), gbk, false);
        itemCsv.write(dir.resolve("taobao").resolve(ITEM_FILE), gbk, false);
    }

    private TaobaoWriter() {}
}
