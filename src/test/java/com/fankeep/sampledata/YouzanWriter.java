package com.fankeep.sampledata;

import static com.fankeep.sampledata.Catalog.*;

import com.fankeep.sampledata.People.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Youzan (有赞) order export (EXPORT-FORMATS.md §4): the 60-column header with {@code 分销员} twice,
 * 订单星级 a single space, 订单风险标签 {@code ——}; plus the customer export whose header (and rows)
 * end with a trailing comma and whose phones are masked {@code 138******02}. UTF-8 without BOM, CRLF.
 * File names are not confirmed by the reference, so they are descriptive.
 */
final class YouzanWriter {

    static final String ORDER_FILE = "youzan_orders_20240315.csv";
    static final String CUSTOMER_FILE = "youzan_customers_20240315.csv";

    static final List<String> ORDER_HEADER = List.of("订单号", "销售渠道", "归属店铺", "订单类型", "订单状态", "推广方式", "订单来源",
            "订单创建时间", "买家付款时间", "交易成功时间", "付款方式", "支付流水号", "商品金额合计", "运费", "店铺优惠合计", "应收订单金额", "订单实付金额",
            "支付优惠合计", "订单实收金额", "订单抵用积分数", "店铺优惠方式", "支付优惠方式", "全部商品名称", "商品种类数", "订单配送方式",
            "同城送达时间/提货时间", "收货人省份", "收货人城市", "收货人地区", "详细收货地址/提货地址", "收货人/提货人", "收货人手机号/提货人手机号", "买家备注",
            "订单星级", "买家昵称", "买家是否会员", "买家手机号", "下单网点", "收银员", "分销员", "销售导购", "专属导购", "订单退款状态", "订单已退款金额",
            "商家订单备注", "桌号", "挂账主体", "挂账手机号", "团长订单", "订单风险标签", "分销员", "分销员手机号", "分销员所属店铺", "分销员所属团队",
            "分销员所属分组", "分销员等级", "订单佣金类型", "订单佣金金额", "订单下级卖货提成类型", "订单下级卖货提成金额");

    /** Exactly as the real file: the last name is followed by a comma. */
    static final String CUSTOMER_HEADER_LINE = "客户姓名,客户昵称,客户手机号,客户生日,客户性别,标签,是否会员,成长值,免费等级,付费等级,权益卡,客户积分,"
            + "客户储值余额,消费次数,消费金额,累计退款金额,累计退款订单数,笔单价,上次消费时间,分销员,导购员,企微好友,来源渠道,来源方式,成为客户时间,成为会员时间,"
            + "成为会员店铺,公众号,公众号关注时间,最近浏览时间,微信地域,所属区域,指定时间消费次数,指定时间消费金额,";

    /**
     * @param nickname WeChat nickname shown by Youzan
     * @param referrer key of the distributor (分销员) who brought the buyer, or null
     * @param refund   "" / 部分退款 / 全额退款
     */
    record Order(String key, String nickname, String created, String status, String referrer, String refund,
                 int refundedCents, List<Line> lines) {}

    static List<Order> orders() {
        return List.of(
                new Order("C03", "娜娜🌸", "2023-04-10 20:12:45", "交易完成", null, "", 0,
                        List.of(line(MUG_WHITE, 2), line(CANDLE_CEDAR, 1))),
                new Order("C31", "晴天", "2023-05-05 12:30:00", "交易成功", "C03", "", 0, List.of(line(SCARF_OAT, 1))),
                new Order("C32", "小冉", "2023-08-18 08:18:18", "交易成功", "C03", "", 0, List.of(line(TOTE_CREAM, 2))),
                new Order("C12", "丽丽", "2023-10-24 21:00:09", "交易成功", null, "部分退款", 4900,
                        List.of(line(CANDLE_OSMANTHUS, 2), line(PILLOW_BLUE, 1))),
                new Order("C20", "婉婉", "2023-12-24 23:45:00", "交易关闭", null, "全额退款", 18800,
                        List.of(line(TEAPOT_WOOD, 1))),
                new Order("C28", "彭彭", "2024-02-05 10:00:00", "交易成功", "C31", "", 0, List.of(line(SHIRT_WHITE_M, 1))),
                new Order("C03", "娜娜🌸", "2024-03-10 19:19:19", "已发货", null, "", 0, List.of(line(TEAPOT_WOOD, 1))),
                new Order("C15", "琳琳", "2024-03-14 15:30:00", "待发货", null, "", 0, List.of(line(MUG_SLATE, 2))));
    }

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SN = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    static void write(Path dir) throws IOException {
        Random rnd = new Random(20240315_04L);
        Csv csv = new Csv(Csv.CRLF).header(ORDER_HEADER);
        Map<String, int[]> stats = new LinkedHashMap<>();
        Map<String, String> lastOrder = new LinkedHashMap<>();
        Map<String, String> firstOrder = new LinkedHashMap<>();
        Map<String, String> nicknames = new LinkedHashMap<>();
        for (Order o : orders()) {
            Person p = People.get(o.key());
            LocalDateTime created = LocalDateTime.parse(o.created(), TS);
            String sn = "E" + created.format(SN) + digits(rnd, 8);
            int goods = o.lines().stream().mapToInt(Line::cny).sum();
            int freight = goods >= 9900 ? 0 : 600;
            int total = goods + freight;
            String paidAt = created.plusSeconds(10 + rnd.nextInt(90)).format(TS);
            boolean done = o.status().equals("交易成功") || o.status().equals("交易完成");
            String doneAt = done ? created.plusDays(7).format(TS) : "";
            List<String> names = o.lines().stream().map(l -> l.sku().titleCn()).toList();
            Person ref = o.referrer() == null ? null : People.get(o.referrer());
            String refName = ref == null ? "" : ref.name();
            String refPhone = ref == null ? "" : ref.mobile();
            var a = p.home();
            List<Object> row = new ArrayList<>(List.of(sn, "微商城", SHOP_CN, "普通订单", o.status(), "", "微信",
                    o.created(), paidAt, doneAt, "微信支付", "42000" + digits(rnd, 23), money(goods), money(freight),
                    "0.00", money(total), money(total), "0.00", money(total), "0", "", "", String.join(";", names),
                    Integer.toString(names.size()), "快递发货", "", a.province(), a.city(), a.district(), a.street(),
                    p.name(), p.mobile(), "", " ", o.nickname(), o.key().equals("C03") ? "是" : "否", p.mobile(), "", "",
                    refName, "", "", o.refund(), money(o.refundedCents()), "", "", "", "", "", "——", refName, refPhone,
                    ref == null ? "" : SHOP_CN, "", "", ref == null ? "" : "一级", ref == null ? "" : "比例",
                    ref == null ? "" : money(total / 10), "", ""));
            csv.row(row);
            int[] s = stats.computeIfAbsent(o.key(), k -> new int[4]);
            s[0]++;
            s[1] += total;
            s[2] += o.refundedCents();
            s[3] += o.refundedCents() > 0 ? 1 : 0;
            lastOrder.put(o.key(), o.created());
            firstOrder.putIfAbsent(o.key(), o.created());
            nicknames.put(o.key(), o.nickname());
        }
        csv.write(dir.resolve("youzan").resolve(ORDER_FILE), StandardCharsets.UTF_8, false);

        Csv customers = new Csv(Csv.CRLF).line(CUSTOMER_HEADER_LINE);
        for (var e : stats.entrySet()) {
            Person p = People.get(e.getKey());
            int[] s = e.getValue();
            boolean member = s[0] > 1;
            List<Object> row = new ArrayList<>(List.of(p.name(), nicknames.get(p.key()),
                    People.Phones.maskedYouzan(p.mobile()), "", "未知", s[0] > 1 ? "老客户" : "", member ? "是" : "否",
                    Integer.toString(s[1] / 100), member ? "VIP1" : "", "", "", Integer.toString(s[1] / 100), "0.00",
                    Integer.toString(s[0]), money(s[1]), money(s[2]), Integer.toString(s[3]), money(s[1] / s[0]),
                    lastOrder.get(p.key()), "", "", "否", "微信", "购买商品", firstOrder.get(p.key()),
                    member ? firstOrder.get(p.key()) : "", member ? SHOP_CN : "", "已关注", firstOrder.get(p.key()),
                    lastOrder.get(p.key()), p.home().province().replace("省", "") + " " + p.home().city(), "",
                    Integer.toString(s[0]), money(s[1])));
            row.add(""); // the trailing comma of the real file
            customers.row(row);
        }
        customers.write(dir.resolve("youzan").resolve(CUSTOMER_FILE), StandardCharsets.UTF_8, false);
    }

    private YouzanWriter() {}
}
