package com.fankeep.core.bench;

import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.customer.CustomerFilter;
import com.fankeep.core.customer.CustomerQuery;
import com.fankeep.core.customer.CustomerSearchService;
import com.fankeep.core.customer.CustomerService;
import com.fankeep.core.customer.CustomerSort;
import com.fankeep.core.customer.TimelineService;
import com.fankeep.core.customer.PinyinKeys;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Search-as-you-type benchmark (PERF-FLOORS §4): N synthetic customers written straight into a temporary database
 * with JDBC batches, the index built from it by {@link CustomerSearchService}, then seeded as-you-type queries, each
 * timed as a keystroke in the customer list runs it: the best {@link CustomerService#SEARCH_LIMIT} hits from the index
 * and their rows read from the database ({@link CustomerService#page}).
 */
public final class SearchBenchmark {

    /** Common surnames, polyphonic ones (曾 单 翟 解 查) and a few rare ones. */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
            + "单翟解查仇朴区缪乐欧阳司马诸葛";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂晓雨欣怡子涵浩然桐梓萱喆堃昊天思远婉清嘉一鸣晨曦梦琪俊"
            + "玥昇珺彧翀赟犇淼焱鑫垚燚祎珏琰瑾璟";
    private static final String[] MOBILE_PREFIXES = {"138", "139", "137", "136", "150", "151", "158", "186", "187", "188",
            "131", "132", "155", "177", "199", "135"};

    public record Row(String kind, int queries, double p50, double p95, double p99, double max, int zeroHits) {
    }

    /** @param snapshotSeconds start-up from the index the last session saved ({@link CustomerSearchService#loadSnapshot}) */
    /**
     * @param buildCpuSeconds CPU time of the whole process during the build (the machine may be shared: wall time alone
     *                        says little when other work runs)
     * @param loadAverage     the system load average right after the build
     */
    public record Result(int customers, int orders, double insertSeconds, double buildSeconds, double buildCpuSeconds,
                         double loadAverage, double snapshotSeconds, long heapMb, List<Row> rows) {
    }

    private SearchBenchmark() {
    }

    public static Result run(Path work, int customers, Progress progress) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        List<String[]> sample = new ArrayList<>(); // name, phone digits, wechat, an order number
        try (Database db = Database.open(work.resolve("data"))) {
            long t0 = System.nanoTime();
            insert(db, customers, random, sample, progress);
            double insertSeconds = (System.nanoTime() - t0) / 1e9;

            progress.update(0, customers, "building the index");
            System.gc();
            long before = used();
            CustomerSearchService service = new CustomerSearchService(db);
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu1 = com.fankeep.core.shared.ProcessCpu.nanos(); // the packaged runtime has no com.sun.management
            long t1 = System.nanoTime();
            service.build((done, total, message) -> progress.update(done, total,
                    String.format("%.2f s %s", (System.nanoTime() - t1) / 1e9, message)), Cancellation.none());
            double buildSeconds = (System.nanoTime() - t1) / 1e9;
            double buildCpuSeconds = (com.fankeep.core.shared.ProcessCpu.nanos() - cpu1) / 1e9;
            double loadAverage = os.getSystemLoadAverage();
            System.gc();
            long heapMb = Math.max(0, used() - before) >> 20;

            service.saveSnapshot();
            progress.update(0, 0, "loading the saved index as the next start would");
            long t2 = System.nanoTime();
            boolean loaded = new CustomerSearchService(db).loadSnapshot();
            double snapshotSeconds = loaded ? (System.nanoTime() - t2) / 1e9 : Double.NaN;

            Map<String, List<String>> queries = queries(sample, new SplittableRandom(7));
            CustomerService customersList = new CustomerService(db, service, new TimelineService(db), CustomerChangeListener.NONE);
            progress.update(0, 0, "warming up");
            for (int round = 0; round < 2; round++) {
                for (List<String> qs : queries.values()) {
                    for (String q : qs) {
                        keystroke(customersList, q);
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            int allZero = 0;
            for (Map.Entry<String, List<String>> e : queries.entrySet()) {
                double[] ms = new double[e.getValue().size()];
                int zero = 0;
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    int hits = keystroke(customersList, e.getValue().get(i));
                    ms[i] = (System.nanoTime() - s) / 1e6;
                    if (hits == 0) {
                        zero++;
                    }
                    all.add(ms[i]);
                }
                allZero += zero;
                rows.add(row(e.getKey(), ms, zero));
            }
            rows.add(row("**all**", all.stream().mapToDouble(Double::doubleValue).toArray(), allZero));
            return new Result(customers, ordersFor(customers), insertSeconds, buildSeconds, buildCpuSeconds, loadAverage, snapshotSeconds, heapMb, rows);
        }
    }

    /** What the list does on a keystroke: the page of the best hits, rows read from the database; returns the rows. */
    private static int keystroke(CustomerService customers, String q) {
        return customers.page(new CustomerQuery(q, CustomerFilter.NONE, CustomerSort.ID, true), null, PAGE).rows().size();
    }

    /** The list's page size (CustomersViewModel). */
    private static final int PAGE = 200;

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static Row row(String kind, double[] ms, int zero) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Row(kind, sorted.length, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted[sorted.length - 1], zero);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void insert(Database db, int customers, SplittableRandom r, List<String[]> sample, Progress progress)
            throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement pc = c.prepareStatement("insert into customer (id, name) values (?, ?)");
                PreparedStatement po = c.prepareStatement(
                        "insert into shop_order (platform, external_order_id, customer_id, status) values (?, ?, ?, 'completed')");
                PreparedStatement ch = c.prepareStatement(
                        "insert into contact_channel (customer_id, kind, platform, raw_value, normalized_value, is_masked)"
                                + " values (?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            int orders = ordersFor(customers);
            long orderSeq = 0;
            for (int id = 1; id <= customers; id++) {
                String name = name(r);
                String national = MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", r.nextInt(100_000_000));
                pc.setLong(1, id);
                pc.setString(2, name);
                pc.addBatch();
                boolean masked = r.nextInt(20) == 0;
                if (masked) {
                    channel(ch, id, "phone", null, national.substring(0, 3) + "****" + national.substring(7), null, true);
                } else {
                    channel(ch, id, "phone", null, national, "+86" + national, false);
                }
                String pinyin = PinyinKeys.full(name);
                if (r.nextInt(10) < 6) {
                    channel(ch, id, "nickname", "taobao", "tb_" + pinyin + r.nextInt(10_000), null, false);
                }
                String wechat = null;
                if (r.nextInt(10) < 3) {
                    wechat = "wx_" + pinyin + "_" + (1970 + r.nextInt(40));
                    channel(ch, id, "wechat", "wechat", wechat, wechat, false);
                }
                if (r.nextInt(10) == 0) {
                    String qq = String.valueOf(10_000_000 + r.nextInt(900_000_000));
                    channel(ch, id, "qq", "qq", qq, qq, false);
                }
                String lastOrder = null;
                long until = (long) id * orders / customers;
                for (; orderSeq < until; orderSeq++) {
                    lastOrder = order(po, id, orderSeq, r);
                }
                if (id % 50 == 0) {
                    sample.add(new String[] {name, masked ? national.substring(7) : national, wechat, lastOrder});
                }
                if (id % 5_000 == 0) {
                    pc.executeBatch();
                    ch.executeBatch();
                    po.executeBatch();
                    c.commit();
                    if (id % 50_000 == 0) {
                        progress.update(id, customers, "inserted customers");
                    }
                }
            }
            pc.executeBatch();
            ch.executeBatch();
            po.executeBatch();
            com.fankeep.core.db.ShopCounters.recountAll(c); // written past the services: the status bar reads the counters
            c.commit();
            try (var st = c.createStatement()) {
                st.execute("alter table customer alter column id restart with " + (customers + 1));
            }
        }
    }

    /** 10 orders per 3 customers: 1,000,000 at 300,000 customers. */
    static int ordersFor(int customers) {
        return (int) Math.min(Integer.MAX_VALUE, customers * 10L / 3);
    }

    /** One order: mostly Taobao-like (19 digits: a random head, then the running number), 1 in 20 Shopify-like (#1001). */
    private static String order(PreparedStatement po, long customer, long seq, SplittableRandom r) throws Exception {
        boolean shopify = seq % 20 == 7;
        String number = shopify ? "#" + (1001 + seq / 20) : (1_000_000 + r.nextInt(9_000_000)) + String.format("%012d", seq);
        po.setString(1, shopify ? "shopify" : "taobao");
        po.setString(2, number);
        po.setLong(3, customer);
        po.addBatch();
        return number;
    }

    private static void channel(PreparedStatement ch, long id, String kind, String platform, String raw, String normalized,
            boolean masked) throws Exception {
        ch.setLong(1, id);
        ch.setString(2, kind);
        ch.setString(3, platform);
        ch.setString(4, raw);
        ch.setString(5, normalized);
        ch.setBoolean(6, masked);
        ch.addBatch();
    }

    private static String name(SplittableRandom r) {
        int s = r.nextInt(SURNAMES.length() + 8);
        String surname;
        if (s >= SURNAMES.length() - 4) {
            surname = r.nextBoolean() ? "欧阳" : "司马"; // compound surnames at the end of the list
        } else {
            // skewed toward the common surnames at the start
            surname = String.valueOf(SURNAMES.charAt((int) (Math.pow(r.nextDouble(), 1.7) * (SURNAMES.length() - 4))));
        }
        StringBuilder sb = new StringBuilder(surname);
        int given = r.nextInt(10) < 7 ? 2 : 1;
        for (int i = 0; i < given; i++) {
            sb.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }

    /** As-you-type queries drawn from the generated customers: every prefix of what a person would type. */
    static Map<String, List<String>> queries(List<String[]> sample, SplittableRandom r) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (String k : List.of("name prefix (汉字)", "name substring (汉字)", "pinyin prefix", "initials", "phone last 4",
                "phone prefix 3–7", "WeChat fragment", "order number (full)", "order number prefix 6–12", "no hit")) {
            q.put(k, new ArrayList<>());
        }
        for (int i = 0; i < 500 && i < sample.size(); i++) {
            String[] s = sample.get(r.nextInt(sample.size()));
            String name = s[0];
            for (int len = 1; len <= name.length(); len++) {
                q.get("name prefix (汉字)").add(name.substring(0, len));
            }
            q.get("name substring (汉字)").add(name.substring(1));
            String pinyin = PinyinKeys.full(name);
            for (int len = 1; len <= pinyin.length(); len++) {
                q.get("pinyin prefix").add(pinyin.substring(0, len));
            }
            String initials = PinyinKeys.initials(name);
            for (int len = 1; len <= initials.length(); len++) {
                q.get("initials").add(initials.substring(0, len));
            }
            String phone = s[1];
            q.get("phone last 4").add(phone.substring(phone.length() - 4));
            if (phone.length() == 11) {
                for (int len = 3; len <= 7; len++) {
                    q.get("phone prefix 3–7").add(phone.substring(0, len));
                }
            }
            if (s[2] != null) {
                int from = 3 + r.nextInt(Math.max(1, s[2].length() - 6));
                for (int len = 3; len <= 6 && from + len <= s[2].length(); len++) {
                    q.get("WeChat fragment").add(s[2].substring(from, from + len));
                }
            }
            String order = s[3];
            if (order != null) {
                q.get("order number (full)").add(order);
                if (order.startsWith("#")) {
                    q.get("order number (full)").add(order.substring(1)); // typed without the #
                } else {
                    for (int len = 6; len <= 12; len += 2) {
                        q.get("order number prefix 6–12").add(order.substring(0, len));
                    }
                }
            }
            q.get("no hit").add("qzx" + i);
        }
        return q;
    }
}
