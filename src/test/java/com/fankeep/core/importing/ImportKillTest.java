package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.db.Database;
import com.fankeep.testing.JavaProcess;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real `fankeep import` of a generated export in a child JVM, killed with SIGKILL at random moments: after each
 * kill the database opens and holds the whole import or none of it, never part of a batch.
 * Kills: -Dfankeep.importKills (default 3); rows: -Dfankeep.importKillRows (default 20,000).
 */
class ImportKillTest {

    @TempDir
    Path temp;

    @Test
    void aKilledImportLeavesAllOrNothing() throws Exception {
        int rows = Integer.getInteger("fankeep.importKillRows", 20_000);
        int kills = Integer.getInteger("fankeep.importKills", 3);
        long seed = Long.getLong("fankeep.importKillSeed", System.nanoTime());
        Random random = new Random(seed);
        Path file = temp.resolve("ExportOrderList-kill.csv");
        TaobaoExportGenerator.write(file, rows, 7);
        Path dir = temp.resolve("data");

        int completed = 0;
        for (int k = 0; k < kills; k++) {
            Process child = JavaProcess.builder("com.fankeep.Main", "import", file.toString(), "--data-dir", dir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long waitMs = 500 + random.nextInt(6000);
            boolean finished = child.waitFor(waitMs, TimeUnit.MILLISECONDS);
            if (!finished) {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            } else {
                completed++;
            }
            assertWholeOrNothing(dir, rows, "kill " + (k + 1) + " after " + waitMs + " ms, seed " + seed);
        }

        // and a run that is left to finish completes the import exactly once
        JavaProcess.Result last = JavaProcess.run("com.fankeep.Main", "import", file.toString(), "--data-dir", dir.toString());
        assertThat(last.exitCode()).as(last.err()).isZero();
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).as("seed %d, %d runs finished before their kill", seed, completed).isEqualTo(rows);
            assertThat(db.dsl().fetchCount(IMPORT_BATCH, IMPORT_BATCH.STATUS.eq("committed"))).isEqualTo(1);
        }
    }

    private static void assertWholeOrNothing(Path dir, int rows, String what) {
        try (Database db = Database.open(dir)) {
            int orders = db.dsl().fetchCount(SHOP_ORDER);
            int batches = db.dsl().fetchCount(IMPORT_BATCH);
            assertThat(orders).as(what).isIn(0, rows);
            assertThat(batches).as(what).isEqualTo(orders == 0 ? 0 : 1);
            assertThat(db.dsl().fetchCount(IMPORT_BATCH, IMPORT_BATCH.STATUS.ne("committed"))).as(what).isZero();
            if (orders == 0) {
                assertThat(db.dsl().fetchCount(CUSTOMER)).as(what).isZero();
                assertThat(db.dsl().fetchCount(ORDER_LINE)).as(what).isZero();
            } else {
                assertThat(db.dsl().fetchCount(ORDER_LINE)).as(what).isEqualTo(rows);
                assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.isNull())).as(what).isZero();
            }
        }
    }
}
