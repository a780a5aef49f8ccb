package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.db.Database;
import com.fankeep.core.recovery.RecoveryState;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.core.tier.TierSettings;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import's derive steps side by side (ADR 0057) leave the database the steps one after another leave: a random shop
 * (a generated Taobao export, Youzan orders naming distributors, customers put in the recovery pipeline, referrals counted
 * for tiers or not, the bulk path or the normal one) imported three ways — one thread in the order the listeners were
 * added (as before), one thread in a random order the declared dependencies allow, and two threads — and every table
 * compared row by row. The random order is what catches a dependency left out of CoreServices' wiring: in each import
 * it runs one step as late as the others allow in both imports, the next step each try, so the eight tries run each of the
 * eight steps so.
 */
class SideBySideEquivalenceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path temp;

    /** One random shop: two imports and what the owner did between them. */
    record Shop(long seed, int rows, boolean bulkFirst, boolean countReferrals, int pipelineEvery, boolean shopify,
                OffsetDateTime now) {
    }

    /** Which step the random order runs as late as it can: the next one for each try, so 8 tries cover all. */
    private final java.util.concurrent.atomic.AtomicInteger postponed = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void anyOrderTheDependenciesAllowAndTwoThreadsLeaveTheSameDatabase() {
        PropertyRunner.check("side by side = one after another", 8, SideBySideEquivalenceTest::shop, shop -> {
            Path dir = Files.createTempDirectory(temp, "try");
            // the same files for the three (the batch rows keep their paths)
            TaobaoExportGenerator.write(dir.resolve("ExportOrderList-first.csv"), shop.rows(), shop.seed(), 0);
            TaobaoExportGenerator.write(dir.resolve("ExportOrderList-second.csv"), shop.rows() / 2, shop.seed() + 1, shop.rows());
            OffsetDateTime start = OffsetDateTime.now().minusMinutes(1);
            int late = postponed.getAndIncrement();
            Map<String, List<String>> added = importAndDump(dir.resolve("added"), shop, 1, null, -1, start);
            Map<String, List<String>> shuffled = importAndDump(dir.resolve("shuffled"), shop, 1,
                    new SplittableRandom(shop.seed() * 31 + 7), late, start);
            Map<String, List<String>> two = importAndDump(dir.resolve("two"), shop, 2, null, -1, start);
            assertThat(added.get("shop_order")).hasSizeGreaterThan(shop.rows());
            assertThat(added.get("customer_tier")).isNotEmpty();
            assertThat(added.get("buyer_day")).isNotEmpty();
            assertThat(added.get("referral_import_link")).isNotEmpty();
            for (String table : added.keySet()) {
                assertThat(shuffled.get(table)).as("%s, in a random order the dependencies allow", table)
                        .containsExactlyElementsOf(added.get(table));
                assertThat(two.get(table)).as("%s, two threads", table).containsExactlyElementsOf(added.get(table));
            }
        });
    }

    static Shop shop(RandomGenerator r) {
        OffsetDateTime now = r.nextBoolean() ? OffsetDateTime.parse("2019-01-01T10:00:00+08:00")
                : OffsetDateTime.parse("2024-03-20T12:00:00+08:00");
        return new Shop(r.nextLong(1, Long.MAX_VALUE / 64), 60 + r.nextInt(140), r.nextBoolean(), r.nextBoolean(),
                2 + r.nextInt(5), r.nextBoolean(), now);
    }

    private static Map<String, List<String>> importAndDump(Path dir, Shop shop, int threads, RandomGenerator shuffle,
                                                           int late,
                                                           OffsetDateTime start) throws Exception {
        Files.createDirectories(dir);
        Path first = dir.resolveSibling("ExportOrderList-first.csv");
        Path second = dir.resolveSibling("ExportOrderList-second.csv");
        try (Database db = TestDatabases.fresh(dir.resolve("data"))) {
            CoreServices s = CoreServices.over(db, Clock.fixed(shop.now().toInstant(), SHANGHAI));
            s.search().build(Progress.NONE, Cancellation.none());
            TierSettings t = s.tiers().settings();
            s.tiers().saveSettings(new TierSettings(t.ironMinOrders(), t.ironMinSpend(), t.ironWithinDays(), 2,
                    t.vipMinSpend(), t.vipWithinDays(), t.newMaxOrders(), t.newWithinDays(), t.lapsedAfterDays(),
                    shop.countReferrals(), t.mainCurrency(), t.rates()));
            ImportService imports = s.imports().threads(threads)
                    .bulkPolicy(shop.bulkFirst() ? BulkPolicy.ALWAYS : BulkPolicy.NEVER);
            List<String> names = imports.stepNames();
            imports.shuffledSteps(shuffle, late < 0 ? null : names.get(late % names.size()));
            Map<String, List<String>> out = new java.util.TreeMap<>();
            imports.importNow(new ImportRequest(List.of(first, Path.of("sample-data/youzan/youzan_orders_20240315.csv")),
                    null, null, SHANGHAI), Progress.NONE, Cancellation.none());
            dump(db, start, "after the first import: ", out); // a later import's steps may mend what this one's order left
            List<Long> pipeline = new ArrayList<>();
            for (long id : db.dsl().fetch("select id from customer order by id").getValues(0, Long.class)) {
                if (id % shop.pipelineEvery() == 0) {
                    pipeline.add(id);
                }
            }
            s.recovery().move(pipeline, RecoveryState.TO_CONTACT);
            List<Path> files = new ArrayList<>(List.of(second, Path.of("sample-data/youzan/youzan_customers_20240315.csv")));
            if (shop.shopify()) {
                files.add(Path.of("sample-data/shopify/orders_export_1.csv"));
            }
            imports.bulkPolicy(BulkPolicy.NEVER).importNow(new ImportRequest(files, null, null, SHANGHAI), Progress.NONE,
                    Cancellation.none());
            dump(db, start, "", out);
            return out;
        }
    }

    private static void dump(Database db, OffsetDateTime start, String prefix, Map<String, List<String>> out) throws Exception {
        try (var c = db.dataSource().getConnection()) {
            BulkPathEquivalenceTest.dump(c, start).forEach((table, rows) -> out.put(prefix + table, rows));
        }
    }
}
