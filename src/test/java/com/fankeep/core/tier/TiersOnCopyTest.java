package com.fankeep.core.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.PropertyRunner;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk copy's tiers from one read of each table ({@link TiersOnCopy}, ADR 0055) equal TierService's SQL recompute
 * on random shops (imports, undo, merges and their undo, erasures, pins), after the thresholds changed: the same
 * customer_tier rows, the same history rows in the same order, the same pins.
 */
class TiersOnCopyTest {

    @TempDir
    Path temp;

    @Test
    void theCopysTiersEqualTheServicesRecompute() {
        java.util.concurrent.atomic.AtomicInteger moved = new java.util.concurrent.atomic.AtomicInteger();
        PropertyRunner.check("tiers on copy", 3, r -> r.nextLong(), seed -> {
            RandomGenerator random = new java.util.SplittableRandom(seed);
            try (TierWorld w = new TierWorld(Files.createTempDirectory(temp, "try"), random, 30)) {
                w.importOrders(30);
                for (int i = 0; i < 25; i++) {
                    TierIncrementalTest.step(w, random);
                }
                TierSettings d = TierWorld.SMALL_SHOP;
                w.tiers().saveSettings(new TierSettings(2 + random.nextInt(4), new BigDecimal(200 + random.nextInt(2000)), 100 + random.nextInt(600),
                        1 + random.nextInt(3), new BigDecimal(100 + random.nextInt(900)), 100 + random.nextInt(600), 1 + random.nextInt(2),
                        30 + random.nextInt(200), 60 + random.nextInt(700), false, d.mainCurrency(), d.rates()));
                List<Long> ids = w.db.dsl().fetch("select id from customer order by id").getValues(0, Long.class);
                String onCopy;
                try (Connection c = w.db.dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    assertThat(w.tiers().recomputeOnCopy(c, ids, TierReason.IMPORT)).isTrue();
                    onCopy = dump(c);
                    c.rollback();
                    c.setAutoCommit(true);
                }
                int changed = w.tiers().recompute(ids, TierReason.IMPORT);
                String bySql;
                try (Connection c = w.db.dataSource().getConnection()) {
                    bySql = dump(c);
                }
                moved.addAndGet(changed);
                assertThat(onCopy).as("seed %s", seed).isEqualTo(bySql);
            }
        });
        assertThat(moved.get()).as("the new thresholds moved someone in the run").isPositive();
    }

    /** The tiers, the history without its ids (a rolled back identity is not given back), in id order, and the pins. */
    private static String dump(Connection c) {
        var dsl = DSL.using(c);
        return dsl.fetch("select customer_id, tier from customer_tier order by 1").formatCSV()
                + dsl.fetch("select customer_id, from_tier, to_tier, changed_at, reason, note from tier_history order by id").formatCSV()
                + dsl.fetch("select customer_id, tier, reason from tier_pin order by 1").formatCSV();
    }
}
