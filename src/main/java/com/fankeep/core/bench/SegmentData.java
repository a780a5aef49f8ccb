package com.fankeep.core.bench;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Progress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Synthetic customers with every fact a segment rule can test (city, tier, orders with item titles, channels, tags,
 * groups, referrals …), written straight into a database with JDBC batches. The benchmark writes 300,000 of them;
 * tests write a few thousand and check segment counts against these generated facts in plain Java.
 */
public final class SegmentData {

    /** Cities with their province; some written with 市, as platforms do. */
    public static final String[][] CITIES = {{"上海", "上海"}, {"上海市", "上海市"}, {"北京", "北京"}, {"北京市", "北京"},
            {"杭州", "浙江"}, {"杭州市", "浙江省"}, {"宁波", "浙江省"}, {"广州", "广东"}, {"深圳", "广东省"}, {"成都", "四川"},
            {"重庆", "重庆"}, {"武汉", "湖北"}, {"南京", "江苏"}, {"苏州", "江苏省"}, {"西安", "陕西"}, {"长沙", "湖南"},
            {"天津", "天津"}, {"郑州", "河南"}, {"青岛", "山东"}, {"厦门", "福建"}, {"昆明", "云南"}, {"大连", "辽宁"},
            {"哈尔滨", "黑龙江"}, {"New York", "NY"}};
    public static final String[] TIERS = {"iron_fan", "vip", "regular", "new", "lapsed"};
    public static final String[] RECOVERY = {"none", "to_contact", "contacted", "added", "active_again"};
    public static final String[] FUNNEL = {"known", "exported", "requested", "connected"};
    public static final String[] PLATFORMS = {"taobao", "taobao", "taobao", "jd", "pinduoduo", "youzan", "douyin", "shopify"};
    public static final String[] STATUSES = {"completed", "completed", "completed", "shipped", "paid", "refunded",
            "cancelled", "closed", "unpaid"};
    public static final String[] TAGS = {"老客户", "送过赠品", "手作爱好者", "学生", "批发", "vip候选", "投诉过", "Instagram"};
    public static final String[] GROUPS = {"铁粉一群", "铁粉二群", "QQ 粉丝群", "上海同城", "杭州同城"};
    private static final String[] ADJ = {"手工", "复古", "极简", "森系", "日式", "法式", "国风", "北欧", "Vintage", "Handmade"};
    private static final String[] NOUN = {"银手链", "珍珠耳环", "香薰蜡烛", "陶瓷杯", "帆布包", "刺绣胸针", "木质发簪", "羊毛围巾",
            "Silver Ring", "Tote Bag", "明信片套装", "茶具礼盒"};

    public record Line(String title, String sku) {
    }

    /** @param paid the amount paid (null when not bought: unpaid, cancelled, closed); CNY */
    public record Order(String platform, String status, Instant orderedAt, List<Line> lines, BigDecimal paid) {
    }

    public record Channel(String kind, String platform, String funnelState) {
    }

    /** One customer as written; null fields are written as null. */
    public record Customer(long id, String city, String province, String tier, int orderCount, BigDecimal spend,
                           Instant firstOrderAt, Instant lastOrderAt, String recoveryState, boolean doNotContact,
                           Integer birthdayMonth, Long referredById, boolean erased, List<Channel> channels,
                           List<String> tags, List<String> groups, List<Order> orders) {
    }

    private SegmentData() {
    }

    /**
     * Writes {@code customers} customers with {@code orders} orders between them (ids 1…N) into an empty database.
     *
     * @param now  the generated dates lie in the five years before it
     * @param each receives every customer written (null: not kept)
     */
    public static void write(Database db, int customers, int orders, long seed, Instant now, Consumer<Customer> each,
            Progress progress) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                for (int i = 0; i < TAGS.length; i++) {
                    st.execute("insert into tag (id, name) values (" + (i + 1) + ", '" + TAGS[i] + "')");
                }
                for (int i = 0; i < GROUPS.length; i++) {
                    st.execute("insert into fan_group (id, name, kind) values (" + (i + 1) + ", '" + GROUPS[i] + "', 'other')");
                }
            }
            try (Writer w = new Writer(c)) {
                long orderSeq = 0;
                for (int id = 1; id <= customers; id++) {
                    long until = (long) id * orders / customers;
                    Customer cu = customer(r, id, (int) (until - orderSeq), orderSeq, now, customers);
                    orderSeq = until;
                    w.write(cu);
                    if (each != null) {
                        each.accept(cu);
                    }
                    if (id % 5_000 == 0) {
                        w.flush();
                        c.commit();
                        if (id % 50_000 == 0) {
                            progress.update(id, customers, "inserted customers");
                        }
                    }
                }
                w.flush();
                c.commit();
            }
            try (var st = c.createStatement()) {
                st.execute("alter table customer alter column id restart with " + (customers + 1));
                st.execute("alter table shop_order alter column id restart with " + (orders + 1));
                c.commit();
            }
        }
    }

    private static Customer customer(SplittableRandom r, long id, int orderCount, long firstOrderNo, Instant now, int customers) {
        String[] place = r.nextInt(12) == 0 ? null : CITIES[(int) (Math.pow(r.nextDouble(), 1.5) * CITIES.length)];
        List<Order> orders = new ArrayList<>();
        BigDecimal spend = BigDecimal.ZERO;
        Instant first = null;
        Instant last = null;
        int paid = 0;
        for (int i = 0; i < orderCount; i++) {
            Instant at = now.minus(r.nextInt(5 * 365 * 24), ChronoUnit.HOURS);
            String status = STATUSES[r.nextInt(STATUSES.length)];
            int lineCount = r.nextInt(4) == 0 ? 2 : 1;
            List<Line> lines = new ArrayList<>();
            for (int l = 0; l < lineCount; l++) {
                int a = r.nextInt(ADJ.length);
                int n = r.nextInt(NOUN.length);
                lines.add(new Line(ADJ[a] + NOUN[n] + (r.nextInt(3) == 0 ? " 礼盒装" : ""), "SKU-" + a + "-" + n));
            }
            String platform = PLATFORMS[r.nextInt(PLATFORMS.length)];
            BigDecimal amount = null;
            if (!status.equals("unpaid") && !status.equals("cancelled") && !status.equals("closed")) {
                paid++;
                amount = BigDecimal.valueOf(1_000 + r.nextInt(60_000), 2);
                spend = spend.add(amount);
                first = first == null || at.isBefore(first) ? at : first;
                last = last == null || at.isAfter(last) ? at : last;
            }
            orders.add(new Order(platform, status, at, lines, amount));
        }
        String tier = paid == 0 ? null : TIERS[r.nextInt(TIERS.length)];
        List<Channel> channels = new ArrayList<>();
        for (String kind : new String[] {"phone", "wechat", "qq", "email", "nickname"}) {
            if (r.nextInt(10) < (kind.equals("phone") ? 8 : kind.equals("nickname") ? 6 : 3)) {
                String platform = kind.equals("nickname") ? PLATFORMS[r.nextInt(PLATFORMS.length)] : null;
                channels.add(new Channel(kind, platform, kind.equals("nickname") ? "known" : FUNNEL[r.nextInt(FUNNEL.length)]));
            }
        }
        List<String> tags = new ArrayList<>();
        for (String t : TAGS) {
            if (r.nextInt(8) == 0) {
                tags.add(t);
            }
        }
        List<String> groups = new ArrayList<>();
        for (String g : GROUPS) {
            if (r.nextInt(15) == 0) {
                groups.add(g);
            }
        }
        Long referredBy = id > 10 && r.nextInt(10) == 0 ? 1 + (long) (Math.pow(r.nextDouble(), 3) * (id - 1)) : null;
        return new Customer(id, place == null ? null : place[0], place == null ? null : place[1], tier, paid,
                spend.setScale(2, RoundingMode.UNNECESSARY), first, last, RECOVERY[r.nextInt(10) < 6 ? 0 : r.nextInt(RECOVERY.length)],
                r.nextInt(20) == 0, r.nextInt(3) == 0 ? null : 1 + r.nextInt(12), referredBy, r.nextInt(200) == 0,
                channels, tags, groups, orders);
    }

    /** The JDBC batches. */
    private static final class Writer implements AutoCloseable {
        private final PreparedStatement customer;
        private final PreparedStatement tier;
        private final PreparedStatement spend;
        private final PreparedStatement channel;
        private final PreparedStatement tag;
        private final PreparedStatement group;
        private final PreparedStatement order;
        private final PreparedStatement line;
        private long orderId;

        Writer(Connection c) throws Exception {
            customer = c.prepareStatement("insert into customer (id, city, province, order_count, sort_spend, first_order_at,"
                    + " last_order_at, recovery_state, do_not_contact, birthday_month, referred_by_id, erased_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            tier = c.prepareStatement("insert into customer_tier (customer_id, tier) values (?, ?)");
            spend = c.prepareStatement("insert into customer_spend (customer_id, currency, net_spend, order_count) values (?, 'CNY', ?, ?)");
            channel = c.prepareStatement("insert into contact_channel (customer_id, kind, platform, raw_value, funnel_state) values (?, ?, ?, ?, ?)");
            tag = c.prepareStatement("insert into customer_tag (customer_id, tag_id) values (?, ?)");
            group = c.prepareStatement("insert into fan_group_member (group_id, customer_id) values (?, ?)");
            order = c.prepareStatement("insert into shop_order (id, platform, external_order_id, customer_id, status, ordered_at, paid_at,"
                    + " paid_amount, refunded_amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            line = c.prepareStatement("insert into order_line (order_id, line_no, sku, title) values (?, ?, ?, ?)");
        }

        void write(Customer cu) throws Exception {
            customer.setLong(1, cu.id());
            customer.setString(2, cu.city());
            customer.setString(3, cu.province());
            customer.setInt(4, cu.orderCount());
            customer.setBigDecimal(5, cu.spend());
            customer.setObject(6, cu.firstOrderAt() == null ? null : cu.firstOrderAt().atOffset(java.time.ZoneOffset.UTC));
            customer.setObject(7, cu.lastOrderAt() == null ? null : cu.lastOrderAt().atOffset(java.time.ZoneOffset.UTC));
            customer.setString(8, cu.recoveryState());
            customer.setBoolean(9, cu.doNotContact());
            customer.setObject(10, cu.birthdayMonth());
            customer.setObject(11, cu.referredById());
            customer.setObject(12, cu.erased() ? Instant.EPOCH.atOffset(java.time.ZoneOffset.UTC) : null);
            customer.addBatch();
            if (cu.tier() != null) {
                tier.setLong(1, cu.id());
                tier.setString(2, cu.tier());
                tier.addBatch();
            }
            if (cu.orderCount() > 0) {
                spend.setLong(1, cu.id());
                spend.setBigDecimal(2, cu.spend());
                spend.setInt(3, cu.orderCount());
                spend.addBatch();
            }
            for (Channel ch : cu.channels()) {
                channel.setLong(1, cu.id());
                channel.setString(2, ch.kind());
                channel.setString(3, ch.platform());
                channel.setString(4, ch.kind() + cu.id());
                channel.setString(5, ch.funnelState());
                channel.addBatch();
            }
            for (String t : cu.tags()) {
                tag.setLong(1, cu.id());
                tag.setLong(2, indexOf(TAGS, t) + 1);
                tag.addBatch();
            }
            for (String g : cu.groups()) {
                group.setLong(1, indexOf(GROUPS, g) + 1);
                group.setLong(2, cu.id());
                group.addBatch();
            }
            for (Order o : cu.orders()) {
                orderId++;
                order.setLong(1, orderId);
                order.setString(2, o.platform());
                order.setString(3, "B" + orderId);
                order.setLong(4, cu.id());
                order.setString(5, o.status());
                order.setObject(6, o.orderedAt().atOffset(java.time.ZoneOffset.UTC));
                order.setObject(7, o.orderedAt().atOffset(java.time.ZoneOffset.UTC));
                order.setBigDecimal(8, o.paid());
                // a refunded order gave its money back: net 0, as the importers write it
                order.setBigDecimal(9, o.status().equals("refunded") && o.paid() != null ? o.paid() : BigDecimal.ZERO);
                order.addBatch();
                int no = 0;
                for (Line l : o.lines()) {
                    line.setLong(1, orderId);
                    line.setInt(2, ++no);
                    line.setString(3, l.sku());
                    line.setString(4, l.title());
                    line.addBatch();
                }
            }
        }

        private static int indexOf(String[] a, String v) {
            for (int i = 0; i < a.length; i++) {
                if (a[i].equals(v)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(v);
        }

        void flush() throws Exception {
            // customers first: the others refer to them (referrals only point to lower ids, written earlier)
            customer.executeBatch();
            tier.executeBatch();
            spend.executeBatch();
            channel.executeBatch();
            tag.executeBatch();
            group.executeBatch();
            order.executeBatch();
            line.executeBatch();
        }

        @Override
        public void close() throws Exception {
            for (PreparedStatement ps : List.of(customer, tier, spend, channel, tag, group, order, line)) {
                ps.close();
            }
        }
    }
}
