package com.fankeep.core.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a large synthetic Taobao classic order export (ExportOrderList, GBK, the real 40-column header and quirks)
 * for benchmarks: invented buyers, about one buyer per 3.3 rows, phones written in the usual variety of ways.
 */
public final class TaobaoExportGenerator {

    static final String HEADER = "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,"
            + "买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,"
            + "订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,"
            + "买家服务费,发票抬头,是否手机订单,分阶段订单信息,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易";

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田",
            "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔"};
    static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
            "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晓雨", "欣怡", "子涵", "浩然", "雨桐", "梓萱", "喆", "堃", "昊天",
            "思远", "婉清", "嘉怡", "一鸣", "晨曦", "梦琪", "俊杰"};
    static final String[][] CITIES = {{"浙江省", "杭州市", "西湖区", "310012"}, {"上海", "上海市", "浦东新区", "200120"},
            {"北京", "北京市", "朝阳区", "100020"}, {"广东省", "深圳市", "南山区", "518052"}, {"广东省", "广州市", "天河区", "510620"},
            {"江苏省", "南京市", "鼓楼区", "210008"}, {"四川省", "成都市", "武侯区", "610041"}, {"湖北省", "武汉市", "洪山区", "430070"},
            {"福建省", "厦门市", "思明区", "361001"}, {"山东省", "青岛市", "市南区", "266001"}, {"陕西省", "西安市", "雁塔区", "710061"},
            {"辽宁省", "大连市", "中山区", "116001"}};
    static final String[] STREETS = {"文三路", "世纪大道", "建国路", "科技园路", "天河路", "中山路", "人民南路", "珞喻路",
            "鹭江道", "香港中路", "小寨东路", "人民路"};
    static final String[] ITEMS = {"小满手作 手工粗陶马克杯350ml", "大豆香薰蜡烛礼盒 伴手礼", "手工冷制皂 薰衣草", "亚麻桌旗 北欧风",
            "手绘陶瓷餐盘 8寸", "羊毛毡钥匙扣 小猫", "棉麻围裙 咖啡店同款", "木质杯垫 四只装"};
    static final String[] STATUSES = {"交易成功", "交易成功", "交易成功", "交易成功", "交易成功", "交易成功", "卖家已发货，等待买家确认",
            "买家已付款，等待卖家发货", "交易关闭", "等待买家付款"};
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TaobaoExportGenerator() {
    }

    /** @return the number of distinct buyers written */
    public static int write(Path file, int rows, long seed) throws IOException {
        return write(file, rows, seed, 0);
    }

    /**
     * As {@link #write(Path, int, long)} with order numbers counted on from {@code firstOrder}, so several files hold
     * different orders of the same buyers (the kill test imports one after another).
     */
    public static int write(Path file, int rows, long seed, long firstOrder) throws IOException {
        int buyers = Math.max(1, (int) Math.round(rows * 0.3));
        SplittableRandom random = new SplittableRandom(seed);
        LocalDateTime start = LocalDateTime.of(2019, 1, 1, 8, 0);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), Charset.forName("GBK")), 1 << 16)) {
            w.write(HEADER);
            w.write("\r\n");
            StringBuilder sb = new StringBuilder(512);
            for (int i = 0; i < rows; i++) {
                // the first `buyers` rows cover every buyer once; later rows repeat buyers with a skew toward loyal ones
                int buyer = i < buyers ? i : (int) (Math.pow(random.nextDouble(), 2) * buyers);
                sb.setLength(0);
                row(sb, i, firstOrder + i, buyer, random, start.plusMinutes(i * 3L));
                w.append(sb).append("\r\n");
            }
        }
        return buyers;
    }

    private static void row(StringBuilder sb, int i, long orderNo, int buyer, SplittableRandom r, LocalDateTime when) {
        String name = SURNAMES[buyer % SURNAMES.length] + GIVEN[(buyer / SURNAMES.length) % GIVEN.length];
        String[] city = CITIES[buyer % CITIES.length];
        String phone = phone(buyer, r);
        String status = STATUSES[r.nextInt(STATUSES.length)];
        int qty = 1 + r.nextInt(3);
        int price = 19 + r.nextInt(200);
        int paid = status.equals("等待买家付款") ? 0 : qty * price + 8;
        sb.append("=\"").append(3_000_000_000_000_000_000L + orderNo).append("\",");
        sb.append("buyer_").append(buyer).append(',');
        sb.append("alipay").append(buyer).append("@example.com,");
        sb.append(qty * price).append(".00,8.00,0,").append(qty * price + 8).append(".00,0,");
        sb.append(paid).append(".00,0,").append(status).append(',');
        sb.append(i % 7 == 0 ? "\"请包装好,谢谢\"" : "").append(',');
        sb.append(name).append(',');
        sb.append(city[0]).append(' ').append(city[1]).append(' ').append(city[2]).append(' ')
                .append(STREETS[buyer % STREETS.length]).append(buyer % 300 + 1).append('号').append('(').append(city[3]).append("),");
        sb.append("快递,,").append(phone).append(',');
        sb.append(when.format(TIME)).append(',');
        sb.append(status.equals("等待买家付款") ? "" : when.plusMinutes(2).format(TIME)).append(',');
        sb.append(ITEMS[i % ITEMS.length]).append(",1,");
        sb.append(status.equals("交易成功") || status.startsWith("卖家已发货") ? "SF" + (1_000_000_000L + i) : "").append(',');
        sb.append(status.equals("交易成功") || status.startsWith("卖家已发货") ? "顺丰速运" : "").append(',');
        sb.append(i % 11 == 0 ? "老客户，送小样" : "").append(',');
        sb.append(qty).append(",57301234,小满手作工作室,");
        sb.append(status.equals("交易关闭") ? "买家未付款" : "订单未关闭").append(",0,0,,手机订单,,,,,,,,");
    }

    /** The same buyer's number written one of the ways real exports write it; a few are masked. */
    private static String phone(int buyer, SplittableRandom r) {
        String n = "13" + (800_000_000L + buyer);
        return switch (r.nextInt(12)) {
            case 0 -> "'+86 " + n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
            case 1 -> "'86-" + n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7);
            case 2 -> "'" + n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7);
            case 3 -> n.substring(0, 3) + "****" + n.substring(7);
            default -> "'" + n;
        };
    }
}
