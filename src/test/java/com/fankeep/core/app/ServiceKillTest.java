package com.fankeep.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.integrity.IntegrityReport;
import com.fankeep.core.integrity.IntegrityService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner's work killed with SIGKILL at random points: a child JVM ({@link ServiceWorkload}) imports generated
 * exports, edits customers, merges them and completes follow-ups through the real services, acknowledging each
 * operation. After every kill the database must open, pass {@link IntegrityService#check()}, hold every acknowledged
 * operation (the batch with all its orders, the note, the merge, the done follow-up and its interaction) and no part
 * of an import. Kills: {@code -Dfankeep.kills=N} (default 10; 50 on demand); seed {@code -Dfankeep.kill.seed}; rows
 * per import {@code -Dfankeep.kill.importRows} (default 2,000). Self-check: {@code -Dfankeep.kill.mutateWriteDelay=500}
 * turns H2's write delay back on in the child, and this test must then fail.
 */
class ServiceKillTest {

    private static final int KILLS = Integer.getInteger("fankeep.kills", 10);
    private static final long SEED = Long.getLong("fankeep.kill.seed", System.nanoTime());
    private static final int ROWS = Integer.getInteger("fankeep.kill.importRows", 2_000);
    private static final long TIMEOUT_MS = 60_000;

    @TempDir
    Path tmp;

    private record Ack(long seq, String op, List<String> args) {
        static Ack parse(String line) {
            String[] p = line.trim().split(" ");
            return new Ack(Long.parseLong(p[1]), p[2], List.of(p).subList(3, p.length));
        }

        long arg(int i) {
            return Long.parseLong(args.get(i));
        }
    }

    @Test
    void everyAcknowledgedOperationSurvivesKillMinus9() throws Exception {
        Path dataDir = tmp.resolve("data");
        Path ackFile = tmp.resolve("acks.txt");
        Random random = new Random(SEED);
        String ctx = "seed=" + SEED + " (rerun with -Dfankeep.kill.seed=" + SEED + ")";
        System.out.println("[ServiceKillTest] kills=" + KILLS + " " + ctx);
        long started = System.nanoTime();
        Set<Long> inFlight = new HashSet<>();
        long nextSeq = 1;
        for (int kill = 1; kill <= KILLS; kill++) {
            Path out = tmp.resolve("child-" + kill + ".out");
            Path err = tmp.resolve("child-" + kill + ".err");
            Process child = start(dataDir, ackFile, nextSeq, random.nextLong(), out, err);
            String where = ctx + ", kill " + kill + "/" + KILLS;
            long delay = 500 + random.nextInt(3500);
            long t0 = System.nanoTime();
            long startMs;
            try {
                awaitLine(child, out, "START " + nextSeq, where, err);
                startMs = (System.nanoTime() - t0) / 1_000_000;
                if (kill == 1) {
                    awaitLine(child, out, "ACK ", where, err); // the first run lives at least through its import
                }
                Thread.sleep(delay);
                assertThat(child.isAlive()).as("child still working before the kill; %s\n%s", where, tail(err)).isTrue();
            } finally {
                child.destroyForcibly();
                child.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
            List<Ack> acks = acks(ackFile, out);
            long lastThisRun = acks.stream().mapToLong(Ack::seq).filter(s -> s >= 0).max().orElse(0);
            long inFlightSeq = Math.max(lastThisRun + 1, nextSeq);
            inFlight.add(inFlightSeq);
            long t1 = System.nanoTime();
            Map<String, Long> kinds = verify(dataDir, acks, inFlight, where + " after " + delay + " ms");
            System.out.printf("[ServiceKillTest] kill %d/%d %d ms after start (child up in %d ms, checked in %d ms): "
                    + "%d operations acknowledged in all %s%n", kill, KILLS, delay, startMs,
                    (System.nanoTime() - t1) / 1_000_000, acks.size(), kinds);
            nextSeq = inFlightSeq + 1; // skip the one that may have committed without its ACK
        }
        Map<String, Long> kinds = verify(dataDir, acks(ackFile, tmp.resolve("none")), inFlight, ctx);
        assertThat(kinds.keySet()).as("every kind of operation ran; %s", ctx).contains("import", "edit", "merge", "done");
        System.out.printf("[ServiceKillTest] %d kills in %.1f s%n", KILLS, (System.nanoTime() - started) / 1e9);
    }

    private static Process start(Path dataDir, Path ackFile, long firstSeq, long seed, Path out, Path err) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8"));
        String mutant = System.getProperty(ServiceWorkload.MUTATE_WRITE_DELAY);
        if (mutant != null) {
            cmd.add("-D" + ServiceWorkload.MUTATE_WRITE_DELAY + "=" + mutant);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ServiceWorkload.class.getName(),
                dataDir.toString(), ackFile.toString(), Long.toString(firstSeq), Long.toString(seed), Integer.toString(ROWS)));
        return new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private static void awaitLine(Process child, Path out, String prefix, String where, Path err) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(out) && Files.readAllLines(out, StandardCharsets.UTF_8).stream().anyMatch(l -> l.startsWith(prefix))) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("child exited (" + child.exitValue() + ") before '" + prefix + "'; " + where
                        + "\n" + tail(err));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + prefix + "' from the child in " + TIMEOUT_MS + " ms; " + where + "\n" + tail(err));
    }

    /** The ACKs of all runs so far: the ack file, plus this run's stdout in case a line reached only the pipe. */
    private static List<Ack> acks(Path ackFile, Path out) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        for (Path p : List.of(ackFile, out)) {
            if (Files.exists(p)) {
                // a line cut by the kill has no newline yet: only whole lines count
                String text = Files.readString(p, StandardCharsets.UTF_8);
                text.lines().limit(text.endsWith("\n") ? Long.MAX_VALUE : text.lines().count() - 1)
                        .filter(l -> l.startsWith("ACK ")).forEach(lines::add);
            }
        }
        return lines.stream().map(Ack::parse).toList();
    }

    private static Map<String, Long> verify(Path dataDir, List<Ack> acks, Set<Long> inFlight, String where) {
        try (Database db = Database.open(dataDir)) {
            IntegrityReport report = new IntegrityService(db).check();
            assertThat(report.problems()).as("integrity check; %s", where).isEmpty();
            DSLContext dsl = db.dsl();
            Map<Long, Ack> lastEdit = new HashMap<>();
            Map<String, Long> kinds = new java.util.TreeMap<>();
            for (Ack a : acks) {
                kinds.merge(a.op(), 1L, Long::sum);
                String what = a + "; " + where;
                switch (a.op()) {
                    case "import" -> {
                        Record b = dsl.fetchOne("select status, order_count, (select count(*) from shop_order o "
                                + "where o.import_batch_id = b.id) from import_batch b where b.id = ?", a.arg(0));
                        assertThat(b).as("import batch of %s", what).isNotNull();
                        assertThat(b.get(0, String.class)).as("status of %s", what).isEqualTo("committed");
                        assertThat(b.get(1, Long.class)).as("order_count of %s", what).isEqualTo(a.arg(1));
                        assertThat(b.get(2, Long.class)).as("orders of %s", what).isEqualTo(a.arg(1));
                    }
                    case "edit" -> lastEdit.merge(a.arg(0), a, (x, y) -> x.seq() > y.seq() ? x : y);
                    case "merge" -> {
                        assertThat(dsl.fetchValue("select count(*) from audit_log where id = ? and action = 'customer_merge' "
                                + "and undone_at is null", a.arg(0))).as("merge record of %s", what).isEqualTo(1L);
                        assertThat(dsl.fetchValue("select merged_into_id from customer where id = ?", a.arg(2)))
                                .as("merged customer of %s", what).isNotNull();
                    }
                    case "done" -> {
                        Record f = dsl.fetchOne("select f.status, f.interaction_id, i.summary from follow_up f "
                                + "left join interaction i on i.id = f.interaction_id where f.id = ?", a.arg(0));
                        assertThat(f).as("follow-up of %s", what).isNotNull();
                        assertThat(f.get(0, String.class)).as("status of %s", what).isEqualTo("done");
                        assertThat(f.get(1, Long.class)).as("interaction of %s", what).isEqualTo(a.arg(1));
                        assertThat(f.get(2, String.class)).as("interaction summary of %s", what).isEqualTo("kd-" + a.seq());
                    }
                    default -> throw new AssertionError("unknown ACK " + what);
                }
            }
            for (Ack a : lastEdit.values()) {
                String note = dsl.fetchValue("select note from customer where id = ?", a.arg(0)).toString();
                long seq = Long.parseLong(note.substring(3));
                // the note of the last ACKed edit, or of the one operation in flight when a later run was killed
                assertThat(seq == a.seq() || (seq > a.seq() && inFlight.contains(seq)))
                        .as("note %s of customer %d after %s; %s", note, a.arg(0), a, where).isTrue();
            }
            // no import half there: every batch committed with all of its orders, lines and none elsewhere
            assertThat(dsl.fetch("select b.id, b.status, b.order_count, count(o.id) from import_batch b left join shop_order o "
                    + "on o.import_batch_id = b.id group by b.id, b.status, b.order_count "
                    + "having b.status <> 'committed' or count(o.id) <> b.order_count").intoArrays())
                    .as("batches not committed or with missing orders; %s", where).isEmpty();
            assertThat(dsl.fetchValue("select count(*) from shop_order o where o.id not in (select l.order_id from order_line l)"))
                    .as("orders without their lines; %s", where).isEqualTo(0L);
            return kinds;
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of("(none)");
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
