package com.fankeep.core.bench;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;

import com.fankeep.core.db.Database;
import com.fankeep.core.segment.SegmentService;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jooq.impl.DSL;

/**
 * Segment counts as the owner edits a rule (issue 12): N synthetic customers with orders, item titles, channels,
 * tags and groups ({@link SegmentData}), then seeded editing sessions: a rule grows one condition at a time up to
 * six, and every step is counted, as the live count in the editor does.
 */
public final class SegmentBenchmark {

    /** Wall times, and CPU times of the counting thread (H2 runs in it; the machine may be shared). */
    public record Row(String kind, int queries, double p50, double p95, double max, double cpuP50, double cpuP95) {
    }

    public record Result(int customers, int orders, double insertSeconds, List<Row> rows, List<String> slowest, long factsBytes,
            long factsHeapMeasured) {
    }

    private SegmentBenchmark() {
    }

    public static Result run(Path work, int customers, int orders, int sessions, Progress progress) throws Exception {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        try (Database db = Database.open(work.resolve("data"))) {
            long t0 = System.nanoTime();
            boolean reuse = db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.CUSTOMER) > 0;
            if (!reuse) {
                SegmentData.write(db, customers, orders, 42, now, null, progress);
                try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
                    st.execute("analyze");
                }
            }
            customers = db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.CUSTOMER);
            orders = db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.SHOP_ORDER);
            double insertSeconds = reuse ? Double.NaN : (System.nanoTime() - t0) / 1e9;
            SegmentService segments = new SegmentService(db, Clock.fixed(now, ZoneId.of("Asia/Shanghai")));
            SplittableRandom r = new SplittableRandom(7);
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            Map<String, List<Double>> times = new LinkedHashMap<>();
            progress.update(0, 0, "first count: reading the facts");
            timed(segments, "city = 上海", "first count after opening (facts read)", times, cpu, threads);
            long factsBytes = segments.factsBytes();
            // The heap of a second copy of the facts, read now that H2's page cache is already full (its growth
            // during the first read would count otherwise).
            long heapBefore = usedHeap();
            SegmentService second = new SegmentService(db, Clock.fixed(now, ZoneId.of("Asia/Shanghai")));
            second.count("orders >= 1");
            long heapMeasured = usedHeap() - heapBefore;
            java.lang.ref.Reference.reachabilityFence(second);
            progress.update(0, 0, "warming up");
            for (int i = 0; i < 20; i++) {
                segments.count(condition(r));
            }
            for (int n = 1; n <= 6; n++) {
                times.put(n + " condition" + (n > 1 ? "s" : ""), new ArrayList<>());
            }
            times.put("with item title", new ArrayList<>());
            times.put("without item title", new ArrayList<>());
            List<Double> all = new ArrayList<>();
            List<Map.Entry<Double, String>> slow = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                StringBuilder rule = new StringBuilder();
                for (int n = 1; n <= 6; n++) {
                    if (n > 1) {
                        rule.append(r.nextInt(5) == 0 ? " or " : " and ");
                    }
                    rule.append(condition(r));
                    String text = rule.toString();
                    long t = System.nanoTime();
                    long c0 = threads.getCurrentThreadCpuTime();
                    segments.count(text);
                    double ms = (System.nanoTime() - t) / 1e6;
                    double cpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                    String size = n + " condition" + (n > 1 ? "s" : "");
                    String item = text.contains("item") ? "with item title" : "without item title";
                    for (String k : List.of(size, item, "**all**")) {
                        times.computeIfAbsent(k, x -> new ArrayList<>()).add(ms);
                        cpu.computeIfAbsent(k, x -> new ArrayList<>()).add(cpuMs);
                    }
                    slow.add(Map.entry(ms, text));
                }
                progress.update(s + 1, sessions, "editing sessions");
            }
            long someone = db.dsl().select(DSL.min(CUSTOMER.ID)).from(CUSTOMER).fetchOne().value1();
            for (int i = 0; i < 3; i++) {
                progress.update(i + 1, 3, "a write, then a count");
                db.transaction(dsl -> dsl.update(CUSTOMER).set(CUSTOMER.DO_NOT_CONTACT, CUSTOMER.DO_NOT_CONTACT).where(CUSTOMER.ID.eq(someone)).execute());
                timed(segments, condition(r), "first count after a write (facts read again)", times, cpu, threads);
            }
            times.remove("**all**").forEach(all::add);
            times.put("**all**", all);
            List<Row> rows = new ArrayList<>();
            times.forEach((k, v) -> rows.add(row(k, v, cpu.getOrDefault(k, List.of()))));
            slow.sort(Map.Entry.<Double, String>comparingByKey().reversed());
            List<String> slowest = slow.stream().limit(5).map(e -> String.format("%.1f ms  %s", e.getKey(), e.getValue())).toList();
            return new Result(customers, orders, insertSeconds, rows, slowest, factsBytes, heapMeasured);
        }
    }

    private static void timed(SegmentService segments, String rule, String kind, Map<String, List<Double>> times,
            Map<String, List<Double>> cpu, java.lang.management.ThreadMXBean threads) {
        long t = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        segments.count(rule);
        times.computeIfAbsent(kind, x -> new ArrayList<>()).add((System.nanoTime() - t) / 1e6);
        cpu.computeIfAbsent(kind, x -> new ArrayList<>()).add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** One condition as an owner would add it. */
    static String condition(SplittableRandom r) {
        return switch (r.nextInt(18)) {
            case 0 -> "city = " + SegmentData.CITIES[r.nextInt(8)][0];
            case 1 -> "province = 浙江";
            case 2 -> "tier = " + SegmentData.TIERS[r.nextInt(SegmentData.TIERS.length)];
            case 3 -> "orders >= " + (1 + r.nextInt(5));
            case 4 -> "spend >= " + (100 + r.nextInt(3000));
            case 5 -> "last_order within " + (30 + r.nextInt(700)) + "d";
            case 6 -> "first_order before 2024-0" + (1 + r.nextInt(9)) + "-01";
            case 7 -> "has " + new String[] {"wechat", "qq", "phone", "email"}[r.nextInt(4)];
            case 8 -> "tag = " + SegmentData.TAGS[r.nextInt(SegmentData.TAGS.length)];
            case 9, 10 -> "item contains " + new String[] {"手链", "耳环", "蜡烛", "帆布", "ring", "礼盒", "围巾"}[r.nextInt(7)];
            case 11 -> "platform = " + SegmentData.PLATFORMS[r.nextInt(SegmentData.PLATFORMS.length)];
            case 12 -> "birthday_month = " + (1 + r.nextInt(12));
            case 13 -> "not do_not_contact";
            case 14 -> "recovery = " + SegmentData.RECOVERY[r.nextInt(SegmentData.RECOVERY.length)];
            case 15 -> "funnel = connected";
            case 16 -> "group = \"" + SegmentData.GROUPS[r.nextInt(SegmentData.GROUPS.length)] + "\"";
            default -> "referred >= 1";
        };
    }

    private static Row row(String kind, List<Double> ms, List<Double> cpuMs) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).toArray();
        double[] cpu = cpuMs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        Arrays.sort(cpu);
        if (sorted.length == 0) {
            return new Row(kind, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Row(kind, sorted.length, pct(sorted, 0.50), pct(sorted, 0.95), sorted[sorted.length - 1], pct(cpu, 0.50), pct(cpu, 0.95));
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
