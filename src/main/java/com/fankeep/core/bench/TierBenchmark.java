package com.fankeep.core.bench;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.core.tier.RecomputeResult;
import com.fankeep.core.tier.TierCount;
import com.fankeep.core.tier.TierReason;
import com.fankeep.core.tier.TierService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Tier speeds (issue 12): N customers with 10 orders per 3 (statuses, amounts, CNY/USD, dates over five years) written
 * straight into a temporary database with their derived figures; then the preview, a full recompute from nothing and
 * again with nothing to change, a real import of a generated Taobao export (its buyers are the first customers, found
 * by their Taobao account) with the incremental recompute it triggers timed on its own, its undo, and the daily pass.
 */
public final class TierBenchmark {

    private static final String[] STATUSES = {"completed", "completed", "completed", "completed", "shipped", "paid",
            "partially_refunded", "refunded", "cancelled", "unpaid"};

    /** @param cpuSeconds CPU time of the benchmark's thread (H2 runs in it): the machine may be shared, wall time alone says little */
    public record Phase(String name, long customers, double seconds, double cpuSeconds, long changed) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Times one step: wall and CPU seconds. */
    private static final class Clocked {
        final long wall = System.nanoTime();
        final long cpu = THREADS.getCurrentThreadCpuTime();

        Phase phase(String name, long customers, long changed) {
            return new Phase(name, customers, (System.nanoTime() - wall) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, changed);
        }
    }

    public record Result(int customers, int orders, double insertSeconds, List<Phase> phases, List<TierCount> counts) {
    }

    private TierBenchmark() {
    }

    public static Result run(Path work, int customers, int importRows, Progress progress) throws Exception {
        // the import's order dates (2019, three minutes apart) are "recent" for a clock set shortly after them
        Clock clock = Clock.fixed(OffsetDateTime.of(2019, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant(), ZoneId.of("Asia/Shanghai"));
        try (Database db = Database.open(work.resolve("data"))) {
            long t0 = System.nanoTime();
            int orders = insert(db, customers, LocalDate.now(clock), progress);
            double insertSeconds = seconds(t0);
            TierService tiers = new TierService(db, new SettingsService(db), clock);
            List<Phase> phases = new ArrayList<>();

            progress.update(0, 0, "preview");
            Clocked t = new Clocked();
            List<TierCount> preview = tiers.preview(tiers.settings());
            phases.add(t.phase("preview (one query, all customers)", customers, 0));
            t = new Clocked();
            tiers.preview(tiers.settings());
            phases.add(t.phase("preview again (warm)", customers, 0));

            progress.update(0, 0, "full recompute, every tier new");
            t = new Clocked();
            RecomputeResult first = tiers.recomputeAll(progress, Cancellation.none());
            phases.add(t.phase("full recompute, first (all tiers set)", first.examined(), first.changed()));
            t = new Clocked();
            RecomputeResult second = tiers.recomputeAll(progress, Cancellation.none());
            phases.add(t.phase("full recompute, nothing to change", second.examined(), second.changed()));
            if (!preview.equals(tiers.counts())) {
                throw new IllegalStateException("the preview " + preview + " differs from the recomputed counts " + tiers.counts());
            }

            progress.update(0, 0, "importing " + importRows + " orders");
            Path file = work.resolve("ExportOrderList-tiers.csv");
            TaobaoExportGenerator.write(file, importRows, 11, 900_000_000L);
            ImportService imports = new ImportService(db);
            java.util.Set<Long> orderCustomers = new java.util.HashSet<>();
            imports.addListener(new com.fankeep.core.importing.ImportListener() {
                @Override
                public void committed(ImportSummary s) {
                }

                @Override
                public void committed(ImportSummary s, java.util.Set<Long> ids) {
                    orderCustomers.addAll(ids);
                }
            });
            ImportSummary summary = imports.importNow(new ImportRequest(List.of(file), null, null, clock.getZone()), Progress.NONE,
                    Cancellation.none());
            List<Long> batches = summary.files().stream().map(FileSummary::batchId).filter(Objects::nonNull).toList();
            // what TierImportListener does: recompute the customers the import names (no query by batch)
            t = new Clocked();
            int changed = tiers.recompute(orderCustomers, TierReason.IMPORT);
            phases.add(t.phase(String.format("incremental after importing %,d orders (%,d new customers, %,d matched)",
                    summary.newOrders(), summary.newCustomers(), summary.matchedCustomers()),
                    summary.newCustomers() + summary.matchedCustomers(), changed));

            t = new Clocked();
            RecomputeResult check = tiers.recomputeAll(Progress.NONE, Cancellation.none());
            phases.add(t.phase("full recompute after it (must change 0)", check.examined(), check.changed()));

            List<Long> touched = new ArrayList<>();
            imports.addListener(new com.fankeep.core.importing.ImportListener() {
                @Override
                public void committed(ImportSummary s) {
                }

                @Override
                public void undone(long batchId, java.util.Collection<Long> customerIds) {
                    touched.addAll(customerIds);
                }
            });
            imports.undo(batches.getFirst());
            t = new Clocked();
            changed = tiers.recompute(touched, TierReason.UNDO);
            phases.add(t.phase("incremental after its undo", touched.size(), changed));

            TierService nextDay = new TierService(db, new SettingsService(db), Clock.offset(clock, java.time.Duration.ofDays(1)));
            nextDay.dailyPass(Progress.NONE, Cancellation.none()); // first pass ever: a full one, recorded as done today
            TierService dayAfter = new TierService(db, new SettingsService(db), Clock.offset(clock, java.time.Duration.ofDays(2)));
            t = new Clocked();
            RecomputeResult daily = dayAfter.dailyPass(Progress.NONE, Cancellation.none());
            phases.add(t.phase("daily pass (one day later)", daily.examined(), daily.changed()));
            return new Result(customers, orders, insertSeconds, phases, tiers.counts());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Customers with their orders and the figures an import would have derived (order count, dates, spend per currency). */
    private static int insert(Database db, int customers, LocalDate today, Progress progress) throws Exception {
        SplittableRandom r = new SplittableRandom(42);
        OffsetDateTime end = today.atStartOfDay(ZoneOffset.ofHours(8)).toOffsetDateTime();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement pc = c.prepareStatement("insert into customer (id, name, order_count, first_order_at, last_order_at) values (?, ?, ?, ?, ?)");
                PreparedStatement ps = c.prepareStatement("insert into customer_spend (customer_id, currency, net_spend, order_count) values (?, ?, ?, ?)");
                PreparedStatement ch = c.prepareStatement("insert into contact_channel (customer_id, kind, platform, raw_value, normalized_value) "
                        + "values (?, 'nickname', 'taobao', ?, ?)");
                PreparedStatement po = c.prepareStatement("insert into shop_order (platform, external_order_id, customer_id, status, currency, "
                        + "paid_amount, refunded_amount, ordered_at) values ('taobao', ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            long seq = 0;
            int written = 0;
            for (int id = 1; id <= customers; id++) {
                // one customer in ten is a regular buyer (8–15 orders), the rest buy 1–4 times: about 10 orders per 3 customers
                long until = seq + (r.nextInt(10) == 0 ? 8 + r.nextInt(8) : 1 + r.nextInt(4));
                int paidOrders = 0;
                OffsetDateTime first = null;
                OffsetDateTime last = null;
                BigDecimal cny = BigDecimal.ZERO;
                BigDecimal usd = BigDecimal.ZERO;
                int cnyOrders = 0;
                int usdOrders = 0;
                boolean abroad = r.nextInt(20) == 0;
                for (; seq < until; seq++, written++) {
                    String status = STATUSES[r.nextInt(STATUSES.length)];
                    OffsetDateTime at = end.minusMinutes(r.nextLong(5L * 365 * 24 * 60));
                    BigDecimal paid = status.equals("unpaid") || status.equals("cancelled") ? BigDecimal.ZERO
                            : BigDecimal.valueOf(2_000 + r.nextInt(150_000), 2);
                    BigDecimal refunded = status.equals("refunded") ? paid
                            : status.equals("partially_refunded") ? paid.divide(BigDecimal.valueOf(4), 2, java.math.RoundingMode.DOWN) : BigDecimal.ZERO;
                    String currency = abroad ? "USD" : "CNY";
                    po.setString(1, "B" + seq);
                    po.setLong(2, id);
                    po.setString(3, status);
                    po.setString(4, currency);
                    po.setBigDecimal(5, paid);
                    po.setBigDecimal(6, refunded);
                    po.setObject(7, at);
                    po.addBatch();
                    if (List.of("paid", "shipped", "completed", "partially_refunded").contains(status)) {
                        paidOrders++;
                        first = first == null || at.isBefore(first) ? at : first;
                        last = last == null || at.isAfter(last) ? at : last;
                        if (abroad) {
                            usd = usd.add(paid.subtract(refunded));
                            usdOrders++;
                        } else {
                            cny = cny.add(paid.subtract(refunded));
                            cnyOrders++;
                        }
                    }
                }
                pc.setLong(1, id);
                pc.setString(2, "客户" + id);
                pc.setInt(3, paidOrders);
                pc.setObject(4, first);
                pc.setObject(5, last);
                pc.addBatch();
                if (cnyOrders > 0) {
                    spend(ps, id, "CNY", cny, cnyOrders);
                }
                if (usdOrders > 0) {
                    spend(ps, id, "USD", usd, usdOrders);
                }
                // the Taobao generator's buyer_N is customer N+1: an import of it meets these customers again
                ch.setLong(1, id);
                ch.setString(2, "buyer_" + (id - 1));
                ch.setString(3, "buyer_" + (id - 1));
                ch.addBatch();
                if (id % 5_000 == 0) {
                    pc.executeBatch();
                    ps.executeBatch();
                    ch.executeBatch();
                    po.executeBatch();
                    c.commit();
                    if (id % 50_000 == 0) {
                        progress.update(id, customers, "inserted customers");
                    }
                }
            }
            pc.executeBatch();
            ps.executeBatch();
            ch.executeBatch();
            po.executeBatch();
            c.commit();
            try (var st = c.createStatement()) {
                st.execute("alter table customer alter column id restart with " + (customers + 1));
            }
            return written;
        }
    }

    private static void spend(PreparedStatement ps, long id, String currency, BigDecimal net, int orders) throws Exception {
        ps.setLong(1, id);
        ps.setString(2, currency);
        ps.setBigDecimal(3, net);
        ps.setInt(4, orders);
        ps.addBatch();
    }
}
