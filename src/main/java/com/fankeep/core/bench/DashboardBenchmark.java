package com.fankeep.core.bench;

import com.fankeep.core.db.Database;
import com.fankeep.core.insight.AggregateService;
import com.fankeep.core.insight.DashboardQuery;
import com.fankeep.core.insight.DashboardService;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Dashboard speeds (issue 15): the customers and orders of `bench segments` ({@link SegmentData}, now with paid amounts)
 * written into a database (or one kept from an earlier run in the same folder), the aggregates built from nothing, then — after closing and opening the database
 * again, as the app starts — every figure and chart of the default period (last 30 days), then the open check (the page
 * runs it once it is filled) and the month sets read ahead, changes of the period (90 days, 365 days, one platform), an
 * incremental refresh, and the open check's full pass (what it costs after a crash). Wall and CPU time of the benchmark's thread (H2 runs in it).
 */
public final class DashboardBenchmark {

    public record Phase(String name, double seconds, double cpuSeconds) {
    }

    /** @param insertSeconds NaN when the data folder was reused */
    public record Result(int customers, int orders, double insertSeconds, List<Phase> phases) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private DashboardBenchmark() {
    }

    /** @param today the day the periods end; null: the generated data's today */
    public static Result run(Path work, int customers, int orders, LocalDate today, boolean rebuild, Progress progress) throws Exception {
        Instant now = Instant.parse("2026-06-01T04:00:00Z");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Clock clock = Clock.fixed(today == null ? now : today.atTime(12, 0).atZone(zone).toInstant(), zone);
        List<Phase> phases = new ArrayList<>();
        long t0 = System.nanoTime();
        double insert = Double.NaN;
        try (Database db = Database.open(work.resolve("data"))) {
            // a folder kept from an earlier run (--dir) is used as it is: only the aggregates are built again
            if (db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.CUSTOMER) == 0) {
                SegmentData.write(db, customers, orders, 7, now, null, progress);
                insert = (System.nanoTime() - t0) / 1e9;
            }
            customers = db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.CUSTOMER);
            orders = db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.SHOP_ORDER);
        }
        try (Database db = Database.open(work.resolve("data"))) {
            AggregateService aggregates = new AggregateService(db, zone);
            if (rebuild || !Double.isNaN(insert)) { // generated just now: nothing built yet
                progress.update(0, 0, "aggregates from nothing");
                time(phases, "aggregates rebuilt from nothing", () -> {
                    aggregates.rebuildAll(progress, Cancellation.none());
                    return null;
                });
            } else {
                // kept: checked once (a full pass when no clean close noted them current), so the timed open below finds them so
                time(phases, "aggregates kept (checked: " + aggregates.openCheck() + ")", () -> null);
            }
        }
        try (Database db = Database.open(work.resolve("data"))) {
            AggregateService aggregates = new AggregateService(db, zone);
            DashboardService dashboard = new DashboardService(db, new SettingsService(db), clock);
            LocalDate day = LocalDate.now(clock);
            DashboardQuery q30 = DashboardQuery.lastDays(day, 30, null);
            page(phases, dashboard, q30);
            // the page checks its aggregates once it is filled, not before: the last close noted them current (ADR 0037)
            time(phases, "then the open check (noted current at the last close)", aggregates::openCheck);
            // then reads ahead the month sets a change to 365 days needs, in the background
            time(phases, "then month sets read ahead (background)", () -> {
                dashboard.warmUp(day, null);
                return null;
            });
            for (var q : List.of(DashboardQuery.lastDays(day, 90, null), DashboardQuery.lastDays(day, 365, null),
                    DashboardQuery.lastDays(day, 30, "taobao"))) {
                // as the page does: the charts depend only on the period's end day and the platform, and are read
                // beside the figures (CPU of the process)
                boolean charts = !q.to().equals(q30.to()) || q.platform() != null;
                long start = System.nanoTime();
                long cpu = com.fankeep.core.shared.ProcessCpu.nanos();
                var chartsRead = charts ? java.util.concurrent.CompletableFuture.supplyAsync(() -> dashboard.charts(q)) : null;
                dashboard.figures(q);
                if (chartsRead != null) {
                    chartsRead.join();
                }
                phases.add(new Phase("period changed: " + q.days() + " days" + (q.platform() == null ? "" : ", " + q.platform())
                        + (charts ? " (figures and charts side by side)" : " (figures; charts kept)"), (System.nanoTime() - start) / 1e9,
                        (com.fankeep.core.shared.ProcessCpu.nanos() - cpu) / 1e9));
            }
            List<Long> ids = new ArrayList<>();
            for (long id = 1; id <= 1_000; id++) {
                ids.add(id * Math.max(1, customers / 1_000));
            }
            time(phases, "incremental refresh of 1,000 customers", () -> {
                aggregates.recompute(ids);
                return null;
            });
            // what the open check costs after a session that did not close cleanly (a crash): the full pass
            time(phases, "open check after a crash (full pass over the orders)", aggregates::current);
            // a change to 365 days before the read-ahead: a page of its own with only the default period read
            DashboardService early = new DashboardService(db, new SettingsService(db), clock);
            early.figures(q30);
            time(phases, "period changed: 365 days before the read-ahead (figures)", () -> early.figures(DashboardQuery.lastDays(day, 365, null)));
        }
        return new Result(customers, orders, insert, phases);
    }

    /**
     * The default page as the app reads it: figures and charts side by side on two threads (ADR 0046). Each part's
     * wall and thread CPU; the page's wall until both are done and the whole process's CPU (JIT and GC included).
     */
    private static void page(List<Phase> phases, DashboardService dashboard, DashboardQuery q) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            long start = System.nanoTime();
            long cpu = com.fankeep.core.shared.ProcessCpu.nanos();
            var figures = pool.submit(() -> timed("figures, last 30 days (default)", start, () -> dashboard.figures(q)));
            var charts = pool.submit(() -> timed("charts, last 30 days (default)", start, () -> dashboard.charts(q)));
            Phase f = figures.get();
            Phase c = charts.get();
            phases.add(f);
            phases.add(c);
            phases.add(new Phase("= page complete after open (figures and charts side by side; CPU of the process)",
                    (System.nanoTime() - start) / 1e9, (com.fankeep.core.shared.ProcessCpu.nanos() - cpu) / 1e9));
        } finally {
            pool.shutdown();
        }
    }

    /** A part of the page: wall from the page's start to its end, CPU of its thread. */
    private static Phase timed(String name, long pageStart, Supplier<?> work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        work.get();
        return new Phase(name, (System.nanoTime() - pageStart) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    private static void time(List<Phase> phases, String name, Supplier<?> work) {
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        work.get();
        phases.add(new Phase(name, (System.nanoTime() - start) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9));
    }
}
