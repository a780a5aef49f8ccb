package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.core.tier.ShopifyOrders;
import com.fankeep.core.tier.Tier;
import com.fankeep.core.tier.TierSettings;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the import's derive steps leave — the tiers and their history, the dashboard's aggregates and counters, the
 * duplicates scan's keys — is the same whether the imports took the bulk path (work done on the copy, ADR 0031, 0055)
 * or the normal one, on random shops: a first import into an empty shop, a pin and changed thresholds, then more imports
 * into the shop (with and without referrals counting, which keeps the tiers after the swap).
 */
class BulkDeriveEquivalenceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, SHANGHAI);
    private static final List<String> TABLES = List.of("customer_tier", "tier_history", "tier_pin", "buyer_day", "buyer_first",
            "buyer_fact", "insight_count", "duplicate_key", "duplicate_key_mark");

    @TempDir
    Path temp;

    @Test
    void bothPathsLeaveTheSameDerivedRows() {
        PropertyRunner.check("bulk derive", 2, r -> r.nextLong(), seed -> {
            Path dir = Files.createTempDirectory(temp, "try");
            Map<String, List<String>> normal = run(dir.resolve("normal"), BulkPolicy.NEVER, seed);
            Map<String, List<String>> bulk = run(dir.resolve("bulk"), BulkPolicy.ALWAYS, seed);
            assertThat(normal.get("tier_history")).as("seed %s", seed).isNotEmpty();
            assertThat(normal.get("duplicate_key")).as("seed %s", seed).isNotEmpty();
            for (String table : TABLES) {
                assertThat(bulk.get(table)).as("rows of %s, seed %s", table, seed).containsExactlyElementsOf(normal.get(table));
            }
        });
    }

    private static Map<String, List<String>> run(Path dir, BulkPolicy policy, long seed) throws Exception {
        RandomGenerator random = new java.util.SplittableRandom(seed);
        ShopifyOrders orders = new ShopifyOrders(random, NOW, 40);
        Files.createDirectories(dir);
        try (Database db = TestDatabases.fresh(dir.resolve("data"))) {
            CoreServices s = CoreServices.over(db, Clock.fixed(NOW.toInstant(), SHANGHAI));
            s.imports().bulkPolicy(policy);
            List<String> steps = importFile(s, orders, dir, 1, 60 + random.nextInt(40));
            if (policy == BulkPolicy.ALWAYS) {
                assertThat(steps).contains("bulk: on the copy: TierImportListener").doesNotContain("after commit: TierImportListener");
            }
            long pinned = db.dsl().fetchOne("select min(id) from customer").get(0, Long.class);
            s.tiers().pin(pinned, Tier.VIP, "runs the circle");
            TierSettings d = TierSettings.DEFAULTS;
            s.tiers().saveSettings(new TierSettings(2 + random.nextInt(3), d.ironMinSpend(), d.ironWithinDays(), 1 + random.nextInt(2),
                    d.vipMinSpend(), d.vipWithinDays(), d.newMaxOrders(), d.newWithinDays(), 100 + random.nextInt(500), false,
                    d.mainCurrency(), d.rates()));
            importFile(s, orders, dir, 2, 20 + random.nextInt(30));
            TierSettings now = s.tiers().settings();
            s.tiers().saveSettings(new TierSettings(now.ironMinOrders(), now.ironMinSpend(), now.ironWithinDays(), now.vipMinOrders(),
                    now.vipMinSpend(), now.vipWithinDays(), now.newMaxOrders(), now.newWithinDays(), now.lapsedAfterDays(), true,
                    now.mainCurrency(), now.rates()));
            importFile(s, orders, dir, 3, 10 + random.nextInt(20));
            try (Connection c = db.dataSource().getConnection()) {
                Map<String, List<String>> all = BulkPathEquivalenceTest.dump(c, OffsetDateTime.now().minusMinutes(10));
                Map<String, List<String>> out = new TreeMap<>();
                TABLES.forEach(t -> out.put(t, all.get(t)));
                // the history in id order, without the ids: the copy's identity continues past H2's cached values after
                // a swap (a gap, never a different order)
                out.put("tier_history", db.dsl().fetch("select customer_id, from_tier, to_tier, changed_at, reason, note"
                        + " from tier_history order by id").stream().map(Object::toString).toList());
                return out;
            }
        }
    }

    private static List<String> importFile(CoreServices s, ShopifyOrders orders, Path dir, int n, int rows) throws Exception {
        StepClock clock = new StepClock();
        Path file = orders.write(dir.resolve("orders_export_" + n + ".csv"), rows);
        s.imports().stepClock(clock).importNow(new ImportRequest(List.of(file), null, null, SHANGHAI), Progress.NONE, Cancellation.none());
        return clock.steps().stream().map(StepClock.Step::name).toList();
    }
}
