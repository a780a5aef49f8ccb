package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash durability of the real {@link Database} (ADR 0005): a child JVM commits small transactions through the app's
 * API and acknowledges each one on stdout; we SIGKILL it at a random point, reopen the same data folder and check that
 * every acknowledged transaction is there in full, no transaction is there in part, and the foreign keys hold.
 * Repeated {@code -Dfankeep.kills=K} times (default 5) on the same folder. Reproduce a failure with the printed seed:
 * {@code -Dfankeep.kill.seed=<seed>}. Self-check, in every run: with H2's default write delay back on in the child
 * (3 kills) the same check must fail; {@code -Dfankeep.kill.mutateWriteDelay=500} does the same to the main test.
 */
class KillDurabilityTest {

    private static final int KILLS = Integer.getInteger("fankeep.kills", 5);
    private static final long SEED = Long.getLong("fankeep.kill.seed", System.nanoTime());
    /** Every 5th transaction is an import-like batch of 25 customers + 25 contact channels. */
    private static final int BATCH_EVERY = 5;
    private static final int BATCH_SIZE = 25;
    private static final long CHILD_TIMEOUT_S = 60;

    @TempDir
    Path tmp;

    @Test
    void acknowledgedTransactionsSurviveKillMinus9() throws Exception {
        killRepeatedly(tmp.resolve("data"), KILLS, SEED, System.getProperty(KillWorkload.MUTATE_WRITE_DELAY));
    }

    /**
     * The negative control, run in every suite: with H2's default write delay back on in the child, up to 3 kills
     * must lose an acknowledged transaction, or this test could not see a lost write at all.
     */
    @Test
    void withH2sDefaultWriteDelayAKillLosesAnAcknowledgedTransaction() {
        assertThatThrownBy(() -> killRepeatedly(tmp.resolve("mutant"), 3, SEED, "500"))
                .as("a child with WRITE_DELAY 500 killed up to 3 times").isInstanceOf(AssertionError.class)
                .hasMessageContaining("last ACK");
    }

    private void killRepeatedly(Path dataDir, int kills, long seed, String mutant) throws Exception {
        Random random = new Random(seed);
        String ctx = "seed=" + seed + " (rerun with -Dfankeep.kill.seed=" + seed + ")" + (mutant == null ? "" : ", write delay " + mutant);
        System.out.println("[KillDurabilityTest] kills=" + kills + " " + ctx);
        long lastAck = 0;
        for (int kill = 1; kill <= kills; kill++) {
            int targetAcks = 1 + random.nextInt(kill == 1 ? 60 : 250);
            int extraMicros = random.nextInt(3000);
            Path stderr = tmp.resolve("child-" + kill + ".err");
            Child child = Child.start(stderr, mutant, "app", dataDir.toString(), Integer.toString(BATCH_EVERY),
                    Integer.toString(BATCH_SIZE));
            String where = ctx + ", kill " + kill + "/" + kills + ", target " + targetAcks + " acks";
            long firstSeq;
            try {
                String start = child.awaitLine(l -> l.startsWith("START "), where);
                firstSeq = Long.parseLong(start.substring(6));
                assertThat(firstSeq).as("child continues right after the last committed transaction; " + where)
                        .isEqualTo(lastAck + 1);
                int acks = 0;
                while (acks < targetAcks) {
                    child.awaitLine(l -> l.startsWith("ACK "), where);
                    acks++;
                }
                busyWaitMicros(extraMicros);
            } catch (AssertionError | RuntimeException e) {
                child.kill();
                throw new AssertionError(e.getMessage() + "\nchild stderr:\n" + tail(stderr), e);
            }
            child.kill(); // SIGKILL on Linux
            List<String> lines = child.drainAfterExit();
            long ackedOnStdout = lines.stream().filter(l -> l.startsWith("ACK ")).mapToLong(l -> Long.parseLong(l.substring(4)))
                    .max().orElseThrow();
            // the child also writes each ACK to a file: if a line never made it through the pipe, the file still has it
            long acked = Math.max(ackedOnStdout, lastAckInFile(dataDir));
            assertThat(acked).as(where).isGreaterThanOrEqualTo(firstSeq + targetAcks - 1);

            long committed = verify(dataDir, acked, where + ", last ACK " + acked);
            System.out.printf("[KillDurabilityTest] kill %d/%d: last ACK %d, committed %d (%s)%n", kill, kills, acked,
                    committed, committed == acked ? "exact" : "+1 in flight");
            lastAck = committed;
        }
    }

    /**
     * Reopens the folder with the app's own {@link Database#open} and checks it; returns the number of committed
     * transactions.
     */
    private static long lastAckInFile(Path dataDir) throws java.io.IOException {
        Path file = KillWorkload.ackFile(dataDir);
        if (!java.nio.file.Files.exists(file) || java.nio.file.Files.size(file) < Long.BYTES) {
            return 0;
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(java.nio.file.Files.newInputStream(file))) {
            return in.readLong();
        }
    }

    private static long verify(Path dataDir, long lastAck, String where) {
        Database reopened;
        try {
            reopened = Database.open(dataDir);
        } catch (DatabaseOpenException e) {
            throw new AssertionError("the database did not reopen after the kill; " + where, e);
        }
        try (Database db = reopened) {
            DSLContext dsl = db.dsl();
            TreeSet<Long> present = new TreeSet<>();

            // single edits: customer + exactly one contact channel + exactly one interaction
            for (Record r : dsl.fetch("""
                    select c.name,
                           (select count(*) from contact_channel cc where cc.customer_id = c.id) as channels,
                           (select count(*) from interaction i where i.customer_id = c.id and i.summary = c.name) as interactions
                    from customer c where c.note = ?""", KillWorkload.SINGLE_NOTE)) {
                String name = r.get(0, String.class);
                long seq = Long.parseLong(name.substring(3));
                assertThat(r.get(1, Long.class)).as("contact channels of single edit %d; %s", seq, where).isEqualTo(1);
                assertThat(r.get(2, Long.class)).as("interactions of single edit %d; %s", seq, where).isEqualTo(1);
                assertThat(KillWorkload.isBatch(seq, BATCH_EVERY)).as("seq %d kind; %s", seq, where).isFalse();
                assertThat(present.add(seq)).as("single edit %d present once; %s", seq, where).isTrue();
            }
            // import-like batches: batch row + all of its customers, each with its contact channel
            for (Record r : dsl.fetch("""
                    select b.file_name, b.row_count,
                           (select count(*) from customer c where c.created_batch_id = b.id) as customers,
                           (select count(*) from contact_channel cc join customer c on c.id = cc.customer_id
                             where c.created_batch_id = b.id and cc.import_batch_id = b.id) as channels
                    from import_batch b where b.file_name like 'kw-%'""")) {
                String file = r.get(0, String.class);
                long seq = Long.parseLong(file.substring(3, file.length() - 4));
                assertThat(r.get(1, Integer.class)).as("row_count of batch %d; %s", seq, where).isEqualTo(BATCH_SIZE);
                assertThat(r.get(2, Long.class)).as("customers of batch %d; %s", seq, where).isEqualTo(BATCH_SIZE);
                assertThat(r.get(3, Long.class)).as("channels of batch %d; %s", seq, where).isEqualTo(BATCH_SIZE);
                assertThat(KillWorkload.isBatch(seq, BATCH_EVERY)).as("seq %d kind; %s", seq, where).isTrue();
                assertThat(present.add(seq)).as("batch %d present once; %s", seq, where).isTrue();
            }
            long max = present.isEmpty() ? 0 : present.last();
            // every acknowledged transaction is there; at most one more (committed, killed before its ACK was printed)
            assertThat(max).as("last committed transaction vs last ACK %d; %s", lastAck, where)
                    .isBetween(lastAck, lastAck + 1);
            // no gaps: transactions are sequential, so a later one without an earlier one would be a lost commit
            assertThat(present.size()).as("transactions 1..%d all present; %s", max, where).isEqualTo(max);
            // the counter written in the same transactions agrees
            assertThat(dsl.fetchValue("select setting_value from setting where setting_key = ?", KillWorkload.SEQ_KEY))
                    .as("setting %s; %s", KillWorkload.SEQ_KEY, where).isEqualTo(Long.toString(max));

            // totals: no leftovers of a partial transaction anywhere
            long batches = present.stream().filter(s -> KillWorkload.isBatch(s, BATCH_EVERY)).count();
            long singles = max - batches;
            Map<String, Long> counts = new TreeMap<>();
            for (String t : List.of("customer", "contact_channel", "interaction", "import_batch")) {
                counts.put(t, count(dsl, "select count(*) from " + t));
            }
            assertThat(counts).as("row counts; %s", where).isEqualTo(Map.of(
                    "customer", singles + batches * BATCH_SIZE,
                    "contact_channel", singles + batches * BATCH_SIZE,
                    "interaction", singles,
                    "import_batch", batches));

            // referential integrity, checked by hand rather than trusting the constraints
            assertThat(count(dsl, "select count(*) from interaction i left join customer c on c.id = i.customer_id where c.id is null"))
                    .as("interactions without customer; %s", where).isZero();
            assertThat(count(dsl, "select count(*) from contact_channel cc left join customer c on c.id = cc.customer_id where c.id is null"))
                    .as("contact channels without customer; %s", where).isZero();
            assertThat(count(dsl, "select count(*) from customer c left join import_batch b on b.id = c.created_batch_id "
                    + "where c.created_batch_id is not null and b.id is null"))
                    .as("customers of a missing import batch; %s", where).isZero();

            // table vs index: COUNT(*) equals what a scan of the primary key and of a secondary index find
            for (String t : List.of("customer", "contact_channel", "interaction")) {
                assertThat(count(dsl, "select count(*) from " + t + " where id >= 0"))
                        .as("primary-key scan of %s; %s", t, where).isEqualTo(counts.get(t));
            }
            for (String[] t : new String[][] {
                    {"contact_channel", "contact_channel_key_idx", "kind >= ''"}, {"interaction", "interaction_customer_idx", "customer_id >= 0"}}) {
                assertThat(count(dsl, "select count(*) from " + t[0] + " use index (" + t[1] + ") where " + t[2]))
                        .as("index %s; %s", t[1], where).isEqualTo(counts.get(t[0]));
            }
            return max;
        }
    }

    /**
     * Second-instance guard: while a child process holds the database, opening it here fails with
     * {@link DatabaseInUseException} and the file is left byte-for-byte unchanged.
     */
    @Test
    void secondInstanceIsRefusedAndLeavesTheFileUnchanged() throws Exception {
        Path dataDir = tmp.resolve("held");
        Child holder = Child.start(tmp.resolve("holder.err"), null, "hold", dataDir.toString());
        try {
            holder.awaitLine("READY"::equals, "holder");
            Path file = dataDir.resolve(Database.FILE_NAME + ".mv.db");
            Snapshot before = Snapshot.settled(dataDir, file);

            assertThatThrownBy(() -> Database.open(dataDir))
                    .isInstanceOf(DatabaseInUseException.class)
                    .hasMessageContaining("already open")
                    .cause().isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.DATABASE_ALREADY_OPEN_1));

            Snapshot after = Snapshot.take(dataDir, file);
            assertThat(after.withoutFiles()).as("database file after the refused open").isEqualTo(before.withoutFiles());
            // H2 logs the refused open (error 90020) to fankeep.trace.db; nothing else may appear in the folder
            List<String> added = new ArrayList<>(after.files());
            added.removeAll(before.files());
            assertThat(added).as("files added by the refused open").isSubsetOf(Database.FILE_NAME + ".trace.db");
            for (String name : added) {
                System.out.println("[KillDurabilityTest] " + name + " after the refused open: " + Files
                        .readAllLines(dataDir.resolve(name)).stream().filter(l -> l.contains("locked")).findFirst()
                        .orElse("(no \"locked\" line)"));
            }

            holder.closeStdin();
            holder.awaitLine("CLOSED"::equals, "holder");
            assertThat(holder.process.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
            assertThat(holder.process.exitValue()).isZero();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nholder stderr:\n" + tail(tmp.resolve("holder.err")), e);
        } finally {
            holder.kill();
        }
        // once the holder has gone, this process may open it, and the holder's edit is there
        try (Database db = Database.open(dataDir)) {
            assertThat(count(db.dsl(), "select count(*) from customer where name = 'kw-1'")).isEqualTo(1);
        }
    }

    private static long count(DSLContext dsl, String sql) {
        return ((Number) dsl.fetchValue(sql)).longValue();
    }

    private static void busyWaitMicros(int micros) {
        long end = System.nanoTime() + micros * 1000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "(none)";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Size, mtime and SHA-256 of the database file, plus the names in its folder. */
    record Snapshot(List<String> files, long size, FileTime modified, String sha256) {

        Snapshot withoutFiles() {
            return new Snapshot(List.of(), size, modified, sha256);
        }

        static Snapshot take(Path dir, Path file) throws Exception {
            List<String> names;
            try (Stream<Path> s = Files.list(dir)) {
                names = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Files.readAllBytes(file));
            return new Snapshot(names, Files.size(file), Files.getLastModifiedTime(file),
                    HexFormat.of().formatHex(md.digest()));
        }

        /** The holder may still be writing right after it opened; wait until two snapshots 300 ms apart agree. */
        static Snapshot settled(Path dir, Path file) throws Exception {
            Snapshot prev = take(dir, file);
            for (int i = 0; i < 50; i++) {
                Thread.sleep(300);
                Snapshot next = take(dir, file);
                if (next.equals(prev)) {
                    return next;
                }
                prev = next;
            }
            throw new AssertionError("database file of the holder never settled");
        }
    }

    /** A {@link KillWorkload} child JVM: same java, same class path; stdout lines are read on a daemon thread. */
    static final class Child {
        final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();
        private final Thread reader;
        private static final String EOF = "\u0000EOF";

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process died
                } finally {
                    lines.add(EOF);
                }
            }, "kill-child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        /** {@code mutant}: a write delay the child sets back (the test's self-check), or null. */
        static Child start(Path stderr, String mutant, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(javaCommand(KillWorkload.class.getName(), mutant));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile());
            return new Child(pb.start());
        }

        static List<String> javaCommand(String mainClass, String mutant) {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8"));
            if (mutant != null) {
                cmd.add("-D" + KillWorkload.MUTATE_WRITE_DELAY + "=" + mutant);
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
            return cmd;
        }

        String awaitLine(java.util.function.Predicate<String> wanted, String where) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_S);
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail("child timed out after " + CHILD_TIMEOUT_S + " s; " + where);
                }
                if (line.equals(EOF)) {
                    lines.add(EOF);
                    fail("child exited (" + exitCode() + ") before the expected line; " + where);
                }
                seen.add(line);
                if (wanted.test(line)) {
                    return line;
                }
            }
        }

        private String exitCode() {
            try {
                return process.waitFor(5, TimeUnit.SECONDS) ? "exit " + process.exitValue() : "still running";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "?";
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS);
        }

        void closeStdin() throws IOException {
            process.getOutputStream().close();
        }

        /** All stdout lines, including those still in the pipe when the process was killed. */
        List<String> drainAfterExit() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(CHILD_TIMEOUT_S));
            String line;
            while ((line = lines.poll()) != null) {
                if (!line.equals(EOF)) {
                    seen.add(line);
                }
            }
            return seen;
        }
    }
}
