package com.fankeep.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.BulkPolicy;
import com.fankeep.core.importing.ImportBatch;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.StepClock;
import com.fankeep.core.merge.MergeRecord;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.privacy.ErasureReason;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.core.tier.ShopifyOrders;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregates the services keep after random imports (new orders and changed statuses), import undo, merges, merge
 * undo and erasures equal a full recount of the orders after every step, and the dashboard's whole-history customers
 * and revenue equal `stats`. A change committed without its refresh (a crash in between) is seen on open and rebuilt.
 */
class AggregateIncrementalTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, SHANGHAI);

    @TempDir
    Path temp;

    @Test
    void aggregatesEqualAFullRecountAfterRandomChanges() {
        PropertyRunner.check("dashboard aggregates", 4, r -> r.nextLong(), seed -> {
            Path dir = Files.createTempDirectory(temp, "try");
            RandomGenerator random = new java.util.SplittableRandom(seed);
            try (Database db = TestDatabases.fresh(dir.resolve("data"))) {
                CoreServices s = CoreServices.over(db, Clock.fixed(NOW.toInstant(), SHANGHAI));
                ShopifyOrders orders = new ShopifyOrders(random, NOW, 25);
                StringBuilder log = new StringBuilder();
                int[] files = {0};
                importOrders(s, orders, dir, files, 15);
                assertThat(s.aggregates().openCheck()).isTrue(); // a new shop: read once, then known
                for (int step = 0; step < 16; step++) {
                    log.append(step(s, orders, dir, files, random)).append(" | ");
                    AggregateService.Check check = s.aggregates().check(false, Progress.NONE, Cancellation.none());
                    assertThat(check.ok()).as("after %s: %s", log, check).isTrue();
                    Dashboard whole = s.dashboard().figures(s.dashboard().wholeHistory(null));
                    var stats = s.stats().stats();
                    assertThat(whole.figure("customers").value().longValue()).as("customers after %s", log).isEqualTo(stats.customers());
                    stats.revenueByCurrency().forEach((currency, amount) -> assertThat(whole.figure("revenue." + currency).value())
                            .as("revenue %s after %s", currency, log).isEqualByComparingTo(amount));
                    // a year's buyers from the month sets the dashboard keeps across steps (ADR 0037): dropped after each write
                    DashboardQuery year = DashboardQuery.lastDays(NOW.toLocalDate(), 365, null);
                    Dashboard d = s.dashboard().figures(year);
                    assertThat(d.figure("buyers").value().longValue()).as("buyers after %s", log).isEqualTo(buyersIn(db, year.from(), year.to()));
                    assertThat(d.figure("buyers").previous().longValue()).as("buyers before, after %s", log)
                            .isEqualTo(buyersIn(db, year.previousFrom(), year.previousTo()));
                    assertThat(s.aggregates().knownCurrent()).as("known current after %s", log).isTrue();
                }
            }
        });
    }

    /**
     * The bulk path recounts the aggregates on its copy, before the copy's indexes are built (ADR 0031), instead of after
     * the swap: they are current, equal a full recount and equal what the normal path leaves.
     */
    @Test
    void aBulkImportCountsTheAggregatesOnItsCopyAndLeavesWhatTheNormalPathLeaves() throws Exception {
        Path file = new ShopifyOrders(new java.util.SplittableRandom(5), NOW, 30).write(temp.resolve("orders_export_1.csv"), 80);
        Map<BulkPolicy, String> dumps = new java.util.EnumMap<>(BulkPolicy.class);
        for (BulkPolicy policy : List.of(BulkPolicy.NEVER, BulkPolicy.ALWAYS)) {
            try (Database db = TestDatabases.fresh(temp.resolve("data-" + policy))) {
                CoreServices s = CoreServices.over(db, Clock.fixed(NOW.toInstant(), SHANGHAI));
                StepClock clock = new StepClock();
                s.imports().bulkPolicy(policy).stepClock(clock)
                        .importNow(new ImportRequest(List.of(file), null, null, SHANGHAI), Progress.NONE, Cancellation.none());
                assertThat(s.aggregates().current()).as(policy.name()).isTrue();
                assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).as(policy.name()).isTrue();
                List<String> steps = clock.steps().stream().map(StepClock.Step::name).toList();
                if (policy == BulkPolicy.ALWAYS) {
                    assertThat(steps).contains("bulk: on the copy: AggregateService$1")
                            .doesNotContain("after commit: AggregateService$1");
                } else {
                    assertThat(steps).contains("after commit: AggregateService$1");
                }
                dumps.put(policy, db.dsl().fetch("select customer_id, order_day, platform, currency, orders, bought_orders,"
                        + " revenue_orders, net_spend from buyer_day order by 1, 2, 3, 4").formatCSV()
                        + db.dsl().fetch("select * from buyer_first order by 1, 2").formatCSV());
            }
        }
        assertThat(dumps.get(BulkPolicy.ALWAYS)).contains("2026").isEqualTo(dumps.get(BulkPolicy.NEVER));
    }

    @Test
    void aChangeCommittedWithoutItsRefreshIsRebuiltOnOpenAndByDbCheck() throws Exception {
        try (Database db = TestDatabases.fresh(temp.resolve("data"))) {
            CoreServices s = CoreServices.over(db, Clock.fixed(NOW.toInstant(), SHANGHAI));
            importOrders(s, new ShopifyOrders(new java.util.SplittableRandom(3), NOW, 10), temp, new int[] {0}, 20);
            assertThat(s.aggregates().current()).isTrue();
            // a "crash" after the commit: orders change, the listener never runs
            assertThat(db.dsl().execute("update shop_order set status = 'cancelled' where id = (select min(id) from shop_order"
                    + " where status in ('paid', 'shipped', 'completed'))")).isEqualTo(1);
            assertThat(s.aggregates().current()).isFalse();
            assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isFalse();
            assertThat(s.aggregates().ensureCurrent(Progress.NONE, Cancellation.none())).isTrue();
            assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isTrue();
            db.dsl().execute("delete from buyer_day where customer_id = (select min(customer_id) from buyer_day where customer_id > 0)");
            AggregateService.Check wrong = s.aggregates().check(true, Progress.NONE, Cancellation.none());
            assertThat(wrong.chunksWrong()).isPositive();
            assertThat(wrong.repaired()).isTrue();
            assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isTrue();
        }
    }

    /**
     * A recount writes only the rows that differ (ADR 0039): a row with wrong figures, a row no order gives and a missing
     * row of one customer are all put right by recounting that customer, and the other customers' rows are left alone.
     */
    @Test
    void aRecountPutsRightWrongExtraAndMissingRowsOfTheCustomersItIsGiven() throws Exception {
        try (Database db = TestDatabases.fresh(temp.resolve("data"))) {
            CoreServices s = CoreServices.over(db, Clock.fixed(NOW.toInstant(), SHANGHAI));
            importOrders(s, new ShopifyOrders(new java.util.SplittableRandom(7), NOW, 10), temp, new int[] {0}, 30);
            var dsl = db.dsl();
            long customer = dsl.fetchOne("select min(customer_id) from buyer_day where customer_id > 0 and customer_id in"
                    + " (select customer_id from buyer_first)").get(0, Long.class);
            String before = dsl.fetch("select * from buyer_day order by 1, 2, 3, 4").formatCSV()
                    + dsl.fetch("select * from buyer_first order by 1, 2").formatCSV();
            dsl.execute("update buyer_day set orders = orders + 5 where customer_id = ?", customer);
            dsl.execute("insert into buyer_day (customer_id, order_day, platform, currency, orders, bought_orders, revenue_orders,"
                    + " net_spend) values (?, date '2001-01-01', 'shopify', 'CNY', 1, 1, 1, 9.00)", customer);
            dsl.execute("delete from buyer_day where customer_id = ? and order_day = (select min(order_day) from buyer_day"
                    + " where customer_id = ?)", customer, customer);
            // (the counters count buyer_first's rows: a wrong value, not a missing row, keeps them as they were)
            dsl.execute("update buyer_first set first_order_id = first_order_id + 1000 where customer_id = ?", customer);
            assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isFalse();
            s.aggregates().recompute(List.of(customer));
            assertThat(dsl.fetch("select * from buyer_day order by 1, 2, 3, 4").formatCSV()
                    + dsl.fetch("select * from buyer_first order by 1, 2").formatCSV()).isEqualTo(before);
            assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isTrue();
        }
    }

    /**
     * The dashboard's open check reads the orders only when no clean close noted the aggregates current (ADR 0037): a
     * session that committed a change without its refresh, or wrote without the services, leaves no note, and the next
     * open's check reads the orders, finds it and the page rebuilds.
     */
    @Test
    void theOpenCheckReadsTheOrdersOnlyWhenNoCleanCloseNotedTheAggregatesCurrent() throws Exception {
        Path data = temp.resolve("noted");
        Clock clock = Clock.fixed(NOW.toInstant(), SHANGHAI);
        ShopifyOrders orders = new ShopifyOrders(new java.util.SplittableRandom(7), NOW, 10);
        int[] files = {0};
        try (Database db = TestDatabases.fresh(data)) {
            CoreServices s = CoreServices.over(db, clock);
            importOrders(s, orders, temp, files, 20);
            assertThat(s.aggregates().knownCurrent()).as("nothing noted yet").isFalse();
            assertThat(s.aggregates().openCheck()).isTrue();
            importOrders(s, orders, temp, files, 5);
            assertThat(s.aggregates().knownCurrent()).as("an import and its refresh").isTrue();
        }
        try (Database db = TestDatabases.fresh(data)) {
            CoreServices s = CoreServices.over(db, clock);
            assertThat(s.aggregates().knownCurrent()).as("noted at the clean close").isTrue();
            // a "crash" after the commit: orders change, the listener never runs
            db.dsl().execute("update shop_order set status = 'cancelled' where id = (select min(id) from shop_order"
                    + " where status in ('paid', 'shipped', 'completed'))");
            assertThat(s.aggregates().knownCurrent()).isFalse();
        }
        try (Database db = TestDatabases.fresh(data)) {
            CoreServices s = CoreServices.over(db, clock);
            assertThat(s.aggregates().knownCurrent()).as("not noted: the last session wrote without the refresh").isFalse();
            assertThat(s.aggregates().openCheck()).as("the full check finds it").isFalse();
            s.aggregates().rebuildAll(Progress.NONE, Cancellation.none());
            assertThat(s.aggregates().knownCurrent()).isTrue();
            assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isTrue();
        }
        try (Database db = TestDatabases.fresh(data)) {
            // a session without the services (another tool, an older FanKeep) changes a customer's liveness
            db.dsl().execute("update customer set erased_at = current_timestamp where id = (select min(customer_id) from shop_order)");
        }
        try (Database db = TestDatabases.fresh(data)) {
            CoreServices s = CoreServices.over(db, clock);
            assertThat(s.aggregates().knownCurrent()).isFalse();
            assertThat(s.aggregates().openCheck()).isFalse();
        }
    }

    /**
     * The recount after an import reads the anonymous bucket only when the run wrote an order of nobody or a customer it
     * names is no longer live (ADR 0043): masked Douyin buyers after a Shopify file, then a file of known buyers.
     */
    @Test
    void anImportOfOrdersOfNobodyRecountsTheAnonymousBucketAndOneWithoutThemLeavesItAlone() throws Exception {
        try (Database db = TestDatabases.fresh(temp.resolve("data"))) {
            CoreServices s = CoreServices.over(db, Clock.fixed(NOW.toInstant(), SHANGHAI));
            importOrders(s, new ShopifyOrders(new java.util.SplittableRandom(5), NOW, 10), temp, new int[] {0}, 20);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("buyer_day").where("customer_id = 0"))).isZero();
            s.imports().importNow(new ImportRequest(List.of(Path.of("sample-data/douyin/1710468000_new.csv")), null, null, SHANGHAI),
                    Progress.NONE, Cancellation.none());
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("buyer_day").where("customer_id = 0"))).as("orders of nobody").isPositive();
            assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isTrue();
            String bucket = db.dsl().fetch("select * from buyer_day where customer_id = 0 order by 2, 3, 4").formatCSV();
            // a wrong bucket row stays wrong through an import that wrote no order of nobody: it was not read
            db.dsl().execute("update buyer_day set orders = orders + 1 where customer_id = 0");
            importOrders(s, new ShopifyOrders(new java.util.SplittableRandom(6), NOW, 10), temp, new int[] {1}, 10);
            assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isFalse();
            db.dsl().execute("update buyer_day set orders = orders - 1 where customer_id = 0");
            assertThat(db.dsl().fetch("select * from buyer_day where customer_id = 0 order by 2, 3, 4").formatCSV()).isEqualTo(bucket);
            assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isTrue();
        }
    }

    /**
     * A rebuild stopped after its rows were written but before the counters were (a kill, a cancel) leaves its mark: the
     * rows add up to the orders, yet the aggregates are not current and the next check rebuilds (ADR 0043).
     */
    @Test
    void aRebuildStoppedBeforeItsLastStepIsNotTakenAsCurrent() throws Exception {
        try (Database db = TestDatabases.fresh(temp.resolve("data"))) {
            CoreServices s = CoreServices.over(db, Clock.fixed(NOW.toInstant(), SHANGHAI));
            importOrders(s, new ShopifyOrders(new java.util.SplittableRandom(9), NOW, 10), temp, new int[] {0}, 20);
            assertThat(s.aggregates().current()).isTrue();
            Progress stop = (done, total, message) -> {
                throw new com.fankeep.core.shared.CancelledException();
            };
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.aggregates().rebuildAll(stop, Cancellation.none()))
                    .isInstanceOf(com.fankeep.core.shared.CancelledException.class);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("insight_count"))).as("the counters were not written yet").isZero();
            assertThat(s.aggregates().current()).isFalse();
            assertThat(s.aggregates().ensureCurrent(Progress.NONE, Cancellation.none())).isTrue();
            assertThat(s.aggregates().current()).isTrue();
            assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isTrue();
        }
    }

    /** Live customers with a bought order of a committed batch whose day (the app's zone) is in [from, to]: not through the aggregates. */
    private static long buyersIn(Database db, java.time.LocalDate from, java.time.LocalDate to) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        db.dsl().fetch("select o.customer_id, o.status, coalesce(o.ordered_at, o.paid_at, o.created_at) from shop_order o"
                + " join customer c on c.id = o.customer_id left join import_batch b on b.id = o.import_batch_id"
                + " where c.merged_into_id is null and c.erased_at is null and (o.import_batch_id is null or b.status = 'committed')")
                .forEach(r -> {
                    java.time.LocalDate day = r.get(2, java.time.OffsetDateTime.class).atZoneSameInstant(SHANGHAI).toLocalDate();
                    if (!List.of("unpaid", "cancelled", "closed").contains(r.get(1, String.class)) && !day.isBefore(from) && !day.isAfter(to)) {
                        out.add(r.get(0, Long.class));
                    }
                });
        return out.size();
    }

    private static void importOrders(CoreServices s, ShopifyOrders orders, Path dir, int[] files, int n) throws Exception {
        Path file = orders.write(dir.resolve("orders_export_" + (++files[0]) + ".csv"), n);
        s.imports().importNow(new ImportRequest(List.of(file), null, null, SHANGHAI), Progress.NONE, Cancellation.none());
    }

    private static String step(CoreServices s, ShopifyOrders orders, Path dir, int[] files, RandomGenerator random) throws Exception {
        int op = random.nextInt(100);
        List<Long> live = s.database().dsl().fetch("select id from customer where merged_into_id is null and erased_at is null order by id")
                .getValues(0, Long.class);
        if (op < 35 || live.size() < 3) {
            int n = 3 + random.nextInt(15);
            importOrders(s, orders, dir, files, n);
            return "import " + n;
        }
        if (op < 52) {
            List<ImportBatch> committed = s.imports().batches().stream().filter(b -> "committed".equals(b.status())).toList();
            if (committed.isEmpty()) {
                return "no undo";
            }
            long batch = committed.get(random.nextInt(committed.size())).id();
            s.imports().undo(batch);
            return "undo import " + batch;
        }
        if (op < 72) {
            long a = live.get(random.nextInt(live.size()));
            long b = live.get(random.nextInt(live.size()));
            if (a == b) {
                return "no merge";
            }
            s.merges().merge(new MergeRequest(List.of(a, b), a, Map.of()));
            return "merge " + b + " into " + a;
        }
        if (op < 85) {
            List<MergeRecord> merges = s.merges().history(100).stream().filter(m -> m.undoneAt() == null).toList();
            if (merges.isEmpty()) {
                return "no merge undo";
            }
            MergeRecord m = merges.get(random.nextInt(merges.size()));
            try {
                s.merges().undo(m.id());
                return "undo merge " + m.id();
            } catch (IllegalStateException | IllegalArgumentException e) {
                return "merge undo refused";
            }
        }
        if (op < 90) {
            // the counters' facts: a city typed by hand, a channel further along the funnel, and the edit's undo
            long id = live.get(random.nextInt(live.size()));
            List<Long> channels = s.database().dsl().fetch("select id from contact_channel where customer_id = ? order by id", id)
                    .getValues(0, Long.class);
            int what = random.nextInt(3);
            if (what == 0 || channels.isEmpty()) {
                s.customers().setCity(id, List.of("杭州", "上海", "成都").get(random.nextInt(3)));
                return "city of " + id;
            }
            if (what == 1) {
                s.customers().setFunnelState(channels.get(random.nextInt(channels.size())),
                        List.of("known", "exported", "requested", "connected").get(random.nextInt(4)));
                return "funnel of " + id;
            }
            return s.customers().undoLast().isPresent() ? "undo edit" : "no edit to undo";
        }
        long id = live.get(random.nextInt(live.size()));
        s.erasure().erase(id, ErasureReason.REQUEST);
        return "erase " + id;
    }
}
