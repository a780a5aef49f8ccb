package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.db.Database;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.testing.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import of two generated Taobao exports (one transaction) in a child JVM ({@link ImportKillWorkload}) that reports
 * its progress, killed with SIGKILL inside the import: after a random progress line, or as it commits. After every
 * kill the database opens, passes the full integrity check and holds each import whole or not at all; an import the
 * child acknowledged is all there. Each round imports new files, so every kill can land inside an import; at least
 * 80% of the kills must land before the acknowledgement. The negative control: a child that commits the same import
 * in pieces is caught. Kills: -Dfankeep.importKills (default 5); rows a file: -Dfankeep.importKillRows (default 2,000);
 * seed: -Dfankeep.importKillSeed.
 */
class ImportKillTest {

    private static final int ROWS = Integer.getInteger("fankeep.importKillRows", 2_000);
    private static final long TIMEOUT_S = 120;

    @TempDir
    Path temp;
    @TempDir
    static Path shared;
    private static Path bulkStart;

    /** One import: its files, and whether the child said it was done. */
    record Round(List<Path> files, boolean acknowledged) {
    }

    @Test
    void aKilledImportLeavesAllOrNothingAndAnAcknowledgedImportIsAllThere() throws Exception {
        int kills = Integer.getInteger("fankeep.importKills", 5);
        long seed = Long.getLong("fankeep.importKillSeed", System.nanoTime());
        Random random = new Random(seed);
        Path dir = temp.resolve("data");
        List<Round> rounds = new ArrayList<>();
        int midImport = 0;
        for (int k = 0; k < kills; k++) {
            List<Path> files = files("k" + k, k, 2);
            // after a random progress line (one each 1,000 rows, one when the figures are computed), at the latest as it commits
            int target = 1 + random.nextInt(ROWS / 500 + 1);
            String what = "seed " + seed + " (-Dfankeep.importKillSeed), kill " + (k + 1) + " of " + kills + " at line " + target;
            Child child = Child.start("whole", dir, files);
            int rowsLines = 0;
            boolean acked = false;
            for (String line = child.next(what); line != null; line = child.next(what)) {
                if (line.startsWith("ACK")) {
                    acked = true;
                    break;
                }
                rowsLines += line.startsWith("ROWS") ? 1 : 0;
                if (rowsLines >= target || line.equals("COMMITTING")) {
                    break;
                }
            }
            child.kill();
            acked |= child.rest().stream().anyMatch(l -> l.startsWith("ACK"));
            rounds.add(new Round(files, acked));
            int present = check(dir, rounds, what);
            if (!acked && present == 0) {
                midImport++;
            }
        }
        System.out.printf("[ImportKillTest] %d kills, %d landed inside the import (before it committed), seed %d%n", kills,
                midImport, seed);
        assertThat(midImport).as("kills that landed inside the import; seed %d", seed).isGreaterThanOrEqualTo((int) Math.ceil(kills * 0.8));

        // and a run left to finish is acknowledged and all there
        List<Path> last = files("last", kills, 2);
        Child child = Child.start("whole", dir, last);
        child.waitForExit();
        assertThat(child.rest()).as("the last run").anyMatch(l -> l.startsWith("ACK"));
        rounds.add(new Round(last, true));
        check(dir, rounds, "the run left to finish");
    }

    /**
     * The bulk path (ADR 0023), killed at each of its steps: while copying, loading, building the indexes, checking
     * the copy, and at each step of the swap. Up to the rename the folder holds the old database, from it the new one;
     * either opens, passes the full check, and no copy is left behind. A run left to finish is all there.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"copy", "ExportOrderList", "index", "check", "closing",
            "next-key", "swapped", "key"})
    void aBulkImportKilledAtAnyStepLeavesTheOldDatabaseOrTheNewOne(String step) throws Exception {
        Path dir = temp.resolve("bulk");
        List<Path> first = files("b0", 0, 1);
        copyFolder(firstImport(first), dir);
        List<Round> rounds = new ArrayList<>(List.of(new Round(first, true)));

        List<Path> files = files("b1", 1, 2);
        Child child = Child.start("bulk:" + step, dir, files);
        String what = "bulk import killed at " + step;
        String line = child.next(what);
        while (line != null && !line.equals("AT " + step) && !line.startsWith("ACK")) {
            line = child.next(what);
        }
        assertThat(line).as("the child reached %s", step).isEqualTo("AT " + step);
        child.kill();
        rounds.add(new Round(files, false));
        boolean renamed = step.equals("swapped") || step.equals("key");
        assertThat(check(dir, rounds, what)).as("files there after a kill at %s", step).isEqualTo(renamed ? files.size() : 0);
        assertThat(dir.resolve(Database.BULK_DIR)).as("the copy is gone").doesNotExist();
        assertThat(dir.resolve(com.fankeep.core.db.FolderSwap.STAGING_DIR)).as("the staging folder is gone").doesNotExist();

        List<Path> last = files("b2", 2, 2);
        Child rest = Child.start("bulk:", dir, last);
        rest.waitForExit();
        assertThat(rest.rest()).as("the bulk run left to finish").anyMatch(l -> l.startsWith("ACK"));
        rounds.add(new Round(last, true));
        check(dir, rounds, "the bulk run left to finish");
    }

    /**
     * The database every bulk step starts from: one ordinary import in a child, made once for the class and copied
     * (the same file each time; the copy costs milliseconds, a child's start, migration and import seconds).
     */
    private static synchronized Path firstImport(List<Path> first) throws Exception {
        if (bulkStart == null) {
            Path dir = shared.resolve("bulk-start");
            Child normal = Child.start("whole", dir, first);
            normal.waitForExit();
            assertThat(normal.rest()).as("the first import").anyMatch(l -> l.startsWith("ACK"));
            bulkStart = dir;
        }
        return bulkStart;
    }

    private static void copyFolder(Path from, Path to) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(from)) {
            for (Path p : paths.toList()) {
                java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    /** The negative control: an import committed file by file is caught when a kill lands between the pieces. */
    @Test
    void anImportCommittedInPiecesIsCaught() throws Exception {
        Path dir = temp.resolve("pieces");
        List<Path> files = files("p", 0, 3);
        Child child = Child.start("pieces", dir, files);
        for (String line = child.next("pieces"); !line.equals("ROWS 2"); line = child.next("pieces")) {
            // two pieces committed
        }
        child.kill();
        List<Round> rounds = List.of(new Round(files, false));
        assertThatThrownBy(() -> check(dir, rounds, "pieces")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("whole or not at all");
    }

    private List<Path> files(String name, int round, int count) throws Exception {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = temp.resolve("ExportOrderList-" + name + "-" + i + ".csv");
            TaobaoExportGenerator.write(file, ROWS, 7 + round * 10L + i, (round * 10L + i) * 1_000_000L);
            out.add(file);
        }
        return out;
    }

    /** Checks every import so far; returns how many files of the last one are there. */
    private static int check(Path dir, List<Round> rounds, String what) {
        try (Database db = Database.open(dir)) {
            var dsl = db.dsl();
            assertThat(new IntegrityService(db).check().problems()).as("integrity; %s", what).isEmpty();
            assertThat(dsl.fetchCount(IMPORT_BATCH, IMPORT_BATCH.STATUS.ne("committed"))).as("batches not committed; %s", what).isZero();
            int presentFiles = 0;
            int lastPresent = 0;
            for (Round r : rounds) {
                int present = 0;
                for (Path f : r.files()) {
                    Long batch = dsl.select(IMPORT_BATCH.ID).from(IMPORT_BATCH)
                            .where(IMPORT_BATCH.FILE_NAME.eq(f.getFileName().toString())).fetchOne(IMPORT_BATCH.ID);
                    if (batch != null) {
                        present++;
                        assertThat(dsl.fetchCount(SHOP_ORDER, SHOP_ORDER.IMPORT_BATCH_ID.eq(batch))).as("orders of %s; %s", f.getFileName(), what)
                                .isEqualTo(ROWS);
                    }
                }
                assertThat(present).as("files of one import there: whole or not at all; %s", what).isIn(0, r.files().size());
                if (r.acknowledged()) {
                    assertThat(present).as("an acknowledged import is all there; %s", what).isEqualTo(r.files().size());
                }
                presentFiles += present;
                lastPresent = present;
            }
            assertThat(dsl.fetchCount(SHOP_ORDER)).as("orders; %s", what).isEqualTo(presentFiles * ROWS);
            assertThat(dsl.fetchCount(ORDER_LINE)).as("order lines; %s", what).isEqualTo(presentFiles * ROWS);
            return lastPresent;
        }
    }

    /** An {@link ImportKillWorkload} child; its stdout lines are read on a daemon thread. */
    private static final class Child {
        private static final String EOF = "\u0000EOF";
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // the process died
                } finally {
                    lines.add(EOF);
                }
            }, "import-kill-child");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(String mode, Path dir, List<Path> files) throws Exception {
            List<String> args = new ArrayList<>(List.of(mode, dir.toString()));
            files.forEach(f -> args.add(f.toString()));
            return new Child(JavaProcess.builder(ImportKillWorkload.class.getName(), args.toArray(String[]::new))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start());
        }

        /** The next line, or null when the child has exited. */
        String next(String what) throws InterruptedException {
            String line = lines.poll(TIMEOUT_S, TimeUnit.SECONDS);
            if (line == null) {
                process.destroyForcibly();
                throw new AssertionError("child silent for " + TIMEOUT_S + " s; " + what);
            }
            return line.equals(EOF) ? null : line;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL on Linux
            process.waitFor(30, TimeUnit.SECONDS);
        }

        void waitForExit() throws InterruptedException {
            if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child did not finish in " + TIMEOUT_S + " s");
            }
        }

        /** What the child printed and was not read yet (after it exited). */
        List<String> rest() throws InterruptedException {
            List<String> out = new ArrayList<>();
            for (String line = lines.poll(10, TimeUnit.SECONDS); line != null && !line.equals(EOF); line = lines.poll(10, TimeUnit.SECONDS)) {
                out.add(line);
            }
            return out;
        }
    }
}
