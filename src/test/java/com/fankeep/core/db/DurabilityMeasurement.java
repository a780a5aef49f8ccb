package com.fankeep.core.db;

import com.fankeep.core.shared.Folders;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * ADR 0005 evidence: what a SIGKILL loses, and what a commit costs, under H2's default {@code WRITE_DELAY} (500 ms)
 * versus the app's {@code WRITE_DELAY=0} ({@link Database#URL_OPTIONS}). Not part of the normal suite: surefire does
 * not pick the class up by name, and the test method only runs with {@code -Dfankeep.measure=true}:
 *
 * <pre>
 * mvn -B -q test -Dtest=DurabilityMeasurement -Dfankeep.measure=true -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dfankeep.measure.kills=10] [-Dfankeep.measure.rounds=3] [-Dfankeep.measure.seconds=4]
 *     [-Dfankeep.measure.seed=1] [-Dfankeep.measure.parts=kills,bench]
 *     [-Dfankeep.measure.killSettings=H2_DEFAULT,APP] [-Dfankeep.measure.killRows=1,1000]
 * </pre>
 *
 * It writes a Markdown table to stdout and to {@code target/durability-measure/results.md}. Each kill run uses a fresh
 * folder under {@code target/durability-measure}; a child JVM commits rows to a plain table as fast as it can through
 * raw JDBC (so the two settings differ only in the URL), prints {@code ACK n} after each commit returns, and is killed
 * 0.5–2.5 s after its first ACK. The folder is then reopened and the commits present are compared with the last ACK.
 */
public final class DurabilityMeasurement {

    private static final int ROWS_SINGLE = 1;
    private static final int ROWS_BATCH = 1000;
    /** Throughput runs commit this long before they start counting, so the JIT has compiled the hot path. */
    private static final int WARMUP_SECONDS = 4;

    enum Setting {
        H2_DEFAULT("H2 default (WRITE_DELAY 500 ms)", ";DB_CLOSE_ON_EXIT=FALSE"),
        APP("app: WRITE_DELAY=0 (Database.URL_OPTIONS)", Database.URL_OPTIONS);

        final String label;
        final String options;

        Setting(String label, String options) {
            this.label = label;
            this.options = options;
        }

        String url(Path dir) {
            return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("fankeep") + options;
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "fankeep.measure", matches = "true")
    void measure() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args);
            return;
        }
        int kills = Integer.getInteger("fankeep.measure.kills", 10);
        int seconds = Integer.getInteger("fankeep.measure.seconds", 4);
        int rounds = Integer.getInteger("fankeep.measure.rounds", 3);
        long seed = Long.getLong("fankeep.measure.seed", 1);
        String parts = System.getProperty("fankeep.measure.parts", "kills,bench");
        Path root = Path.of(System.getProperty("fankeep.measure.dir", "target/durability-measure")).toAbsolutePath();
        Folders.deleteTree(root);
        Files.createDirectories(root);
        Random random = new Random(seed);

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "H2 %s, %s %s, %d CPUs, folder %s (%s), kills=%d seed=%d, throughput: "
                + "%d rounds x %d s (+%d s warm-up) per cell; load average at start: %s%n%n",
                org.h2.engine.Constants.FULL_VERSION, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), root,
                Files.getFileStore(root).type(), kills, seed, rounds, seconds, WARMUP_SECONDS, loadAverage()));

        if (parts.contains("kills")) {
            md.append("| Setting | Rows/commit | Kills | Kills losing acked commits | Lost acked commits per kill (min–max; total) "
                    + "| Partial commits | Kills with a hole (an earlier commit lost, a later one kept) "
                    + "| Commits beyond last ACK (in flight) |\n|---|---|---|---|---|---|---|---|\n");
            String killSettings = System.getProperty("fankeep.measure.killSettings", "H2_DEFAULT,APP");
            int[] killRows = Arrays.stream(System.getProperty("fankeep.measure.killRows", ROWS_SINGLE + "," + ROWS_BATCH)
                    .split(",")).mapToInt(Integer::parseInt).toArray();
            for (Setting setting : Setting.values()) {
                if (!killSettings.contains(setting.name())) {
                    continue;
                }
                for (int rows : killRows) {
                    List<long[]> runs = new ArrayList<>();
                    for (int k = 1; k <= kills; k++) {
                        Path dir = root.resolve("kill-" + setting + "-" + rows + "-" + k);
                        long[] r = killRun(dir, setting, rows, 500 + random.nextInt(2000));
                        runs.add(r);
                        if (r[3] == 0 && r[5] == 0 && (setting != Setting.APP || r[2] == 0)) {
                            Folders.deleteTree(dir); // keep only folders that show an anomaly, as evidence
                        }
                        System.out.printf(Locale.ROOT, "[measure] %s rows=%d kill %d/%d: lastAck=%d present=%d lost=%d "
                                + "partial=%d holes=%d writeDelay=%d%n", setting, rows, k, kills, r[0], r[1], r[2], r[3],
                                r[5], r[4]);
                    }
                    long losing = runs.stream().filter(r -> r[2] > 0).count();
                    long min = runs.stream().mapToLong(r -> r[2]).min().orElse(0);
                    long max = runs.stream().mapToLong(r -> r[2]).max().orElse(0);
                    long total = runs.stream().mapToLong(r -> r[2]).sum();
                    long partial = runs.stream().mapToLong(r -> r[3]).sum();
                    long beyond = runs.stream().mapToLong(r -> Math.max(0, r[1] - r[0])).sum();
                    long holed = runs.stream().filter(r -> r[5] > 0).count();
                    md.append(String.format(Locale.ROOT, "| %s | %d | %d | **%d/%d** | %,d–%,d; total %,d (= %,d rows) "
                            + "| %d | %d/%d | %d |%n", setting.label, rows, kills, losing, kills, min, max, total,
                            total * rows, partial, holed, kills, beyond));
                }
            }
            md.append('\n');
        }

        if (parts.contains("bench")) {
            // workloads x settings, interleaved round by round so both settings see the same machine load
            String[] workloads = {"1 row (raw JDBC)", "1,000 rows, JDBC batch (raw JDBC)",
                    "app edit: customer + contact channel + interaction + setting (Database.transaction, jOOQ)",
                    "app edit + CHECKPOINT SYNC (fsync) after each commit"};
            int[] rowsOf = {ROWS_SINGLE, ROWS_BATCH, 4, 4};
            double[][][] rate = new double[workloads.length][Setting.values().length][rounds];
            double[][][] size = new double[workloads.length][Setting.values().length][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int w = 0; w < workloads.length; w++) {
                    for (Setting setting : Setting.values()) {
                        if (w == 3 && setting != Setting.APP) {
                            continue; // the fsync variant only matters on top of WRITE_DELAY=0
                        }
                        Path dir = root.resolve("bench-" + setting + "-w" + w + "-r" + round);
                        String[] r = w < 2
                                ? runChild(dir, "bench", setting.url(dir), Integer.toString(rowsOf[w]),
                                        Integer.toString(seconds))
                                : runChild(dir, "appbench", dir.toString(), Integer.toString(seconds), setting.name(),
                                        Boolean.toString(w == 3));
                        rate[w][setting.ordinal()][round] = Double.parseDouble(r[0]) / Double.parseDouble(r[1]);
                        size[w][setting.ordinal()][round] = Files.size(dir.resolve("fankeep.mv.db")) / 1e6;
                        System.out.printf(Locale.ROOT, "[measure] round %d %s, %s: %,.0f commits/s, file %.1f MB, load %s%n",
                                round + 1, workloads[w], setting, rate[w][setting.ordinal()][round],
                                size[w][setting.ordinal()][round], loadAverage());
                        Folders.deleteTree(dir);
                    }
                }
            }
            md.append("| Transaction | Setting | Commits/s, median (min–max) | Rows/s, median | Median commit latency "
                    + "| File size after the run, median | WRITE_DELAY=0 vs default |\n|---|---|---|---|---|---|---|\n");
            for (int w = 0; w < workloads.length; w++) {
                double base = median(rate[w == 3 ? 2 : w][Setting.H2_DEFAULT.ordinal()]);
                for (Setting setting : Setting.values()) {
                    if (w == 3 && setting != Setting.APP) {
                        continue;
                    }
                    double[] v = rate[w][setting.ordinal()];
                    double med = median(v);
                    md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f (%,.0f–%,.0f) | %,.0f | %.3f ms | %.1f MB | %s |%n",
                            workloads[w], setting.label, med, Arrays.stream(v).min().orElse(0),
                            Arrays.stream(v).max().orElse(0), med * rowsOf[w], 1000 / med,
                            median(size[w][setting.ordinal()]),
                            setting == Setting.APP ? String.format(Locale.ROOT, "%.2fx", med / base) : ""));
                }
            }
        }

        md.append("\nLoad average at end: ").append(loadAverage()).append('\n');
        System.out.println();
        System.out.println(md);
        Files.writeString(root.resolve("results.md"), md);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** @return {lastAck, commitsPresent, lostAcked, partialCommits, effectiveWriteDelay, holes} */
    private static long[] killRun(Path dir, Setting setting, int rows, int killAfterMillis) throws Exception {
        Files.createDirectories(dir);
        Process p = childProcess(dir, "kill", setting.url(dir), Integer.toString(rows)).start();
        AtomicLong lastAck = new AtomicLong(-1);
        AtomicLong writeDelay = new AtomicLong(-1);
        Object firstAck = new Object();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        lastAck.set(Long.parseLong(line.substring(4)));
                        synchronized (firstAck) {
                            firstAck.notifyAll();
                        }
                    } else if (line.startsWith("WRITE_DELAY ")) {
                        writeDelay.set(Long.parseLong(line.substring(12)));
                    }
                }
            } catch (IOException ignored) {
                // killed
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (firstAck) {
            while (lastAck.get() < 0 && p.isAlive() && System.nanoTime() < deadline) {
                firstAck.wait(100);
            }
        }
        if (lastAck.get() < 0) {
            p.destroyForcibly();
            throw new IllegalStateException("child never acknowledged a commit:\n" + Files.readString(dir.resolve("child.err")));
        }
        Thread.sleep(killAfterMillis);
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        reader.join(); // read every ACK that reached the pipe
        long acked = lastAck.get();
        try (Connection c = DriverManager.getConnection(setting.url(dir), "sa", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(distinct commit_no), "
                     + "count(distinct case when commit_no <= " + acked + " then commit_no end), coalesce(max(commit_no), 0), "
                     + "(select count(*) from (select commit_no from kw group by commit_no having count(*) <> " + rows
                     + ")) from kw")) {
            rs.next();
            long present = rs.getLong(1);
            long ackedPresent = rs.getLong(2);
            long holes = rs.getLong(3) - present; // commits missing below the newest one that survived
            long partial = rs.getLong(4);
            rs.close();
            st.execute("shutdown");
            return new long[] {acked, present, acked - ackedPresent, partial, writeDelay.get(), holes};
        }
    }

    private static String[] runChild(Path dir, String... args) throws Exception {
        Files.createDirectories(dir);
        Process p = childProcess(dir, args).start();
        String result = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring(7);
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("child failed:\n" + Files.readString(dir.resolve("child.err")));
        }
        return result.split(" ");
    }

    private static ProcessBuilder childProcess(Path dir, String... args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                DurabilityMeasurement.class.getName(), "child"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("child.err").toFile());
    }

    // ---- child side ----

    private static void child(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        switch (args[1]) {
            case "kill" -> rawLoop(out, args[2], Integer.parseInt(args[3]), Long.MAX_VALUE, true);
            case "bench" -> rawLoop(out, args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]), false);
            case "appbench" -> appBench(out, Path.of(args[2]), Long.parseLong(args[3]), Setting.valueOf(args[4]),
                    Boolean.parseBoolean(args[5]));
            default -> throw new IllegalArgumentException(args[1]);
        }
    }

    private static final String PAYLOAD = "张三 +86 138 0000 0000 浙江省杭州市西湖区文三路 100 号 3 幢 501 室 — kill-test payload row";

    /** Commits {@code rows} rows per transaction as fast as it can; with {@code ack}, prints ACK n after each commit. */
    private static void rawLoop(PrintStream out, String url, int rows, long seconds, boolean ack) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement st = c.createStatement()) {
                st.execute("create table if not exists kw (commit_no bigint not null, row_no int not null, "
                        + "payload varchar(200), primary key (commit_no, row_no))");
                try (ResultSet rs = st.executeQuery(
                        "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
                    out.println("WRITE_DELAY " + (rs.next() ? rs.getString(1) : "-1"));
                    out.flush();
                }
            }
            c.setAutoCommit(false);
            long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(ack ? 0 : WARMUP_SECONDS);
            long start = 0;
            long end = Long.MAX_VALUE;
            long counted = 0;
            boolean measuring = ack;
            try (PreparedStatement ins = c.prepareStatement("insert into kw values (?, ?, ?)")) {
                for (long n = 1; ; n++) {
                    for (int i = 0; i < rows; i++) {
                        ins.setLong(1, n);
                        ins.setInt(2, i);
                        ins.setString(3, PAYLOAD);
                        if (rows == 1) {
                            ins.executeUpdate();
                        } else {
                            ins.addBatch();
                        }
                    }
                    if (rows > 1) {
                        ins.executeBatch();
                    }
                    c.commit();
                    if (ack) {
                        out.println("ACK " + n);
                        out.flush();
                        continue;
                    }
                    long now = System.nanoTime();
                    if (!measuring && now >= warmupEnd) {
                        measuring = true;
                        start = now;
                        end = now + TimeUnit.SECONDS.toNanos(seconds);
                    } else if (measuring) {
                        counted++;
                        if (now >= end) {
                            out.println(String.format(Locale.ROOT, "RESULT %d %.6f", counted, (now - start) / 1e9));
                            out.flush();
                            break;
                        }
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("shutdown");
            }
        }
    }

    /**
     * Commits of the app's real transaction path: the kill test's single edit (4 rows in 4 tables) through jOOQ, with
     * {@code sync} followed by {@code CHECKPOINT SYNC} (what power-loss durability per commit would cost). With
     * {@code APP} it is {@link Database#open} itself; with {@code H2_DEFAULT} the same pool, Flyway and jOOQ set-up on the
     * URL without WRITE_DELAY=0.
     */
    private static void appBench(PrintStream out, Path dir, long seconds, Setting setting, boolean sync) {
        Database db = null;
        JdbcConnectionPool pool = null;
        DSLContext dsl;
        if (setting == Setting.APP) {
            db = Database.open(dir);
            dsl = db.dsl();
        } else {
            pool = JdbcConnectionPool.create(setting.url(dir), "sa", "");
            Flyway.configure().dataSource(pool).locations(Database.MIGRATIONS).load().migrate();
            dsl = DSL.using(pool, SQLDialect.H2, Database.jooqSettings());
        }
        long n = 0;
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
        while (System.nanoTime() < warmupEnd) {
            long seq = ++n;
            dsl.transaction(cfg -> KillWorkload.singleEdit(cfg.dsl(), seq));
            if (sync) {
                dsl.execute("checkpoint sync");
            }
        }
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long counted = 0;
        long now;
        do {
            long seq = ++n;
            dsl.transaction(cfg -> KillWorkload.singleEdit(cfg.dsl(), seq));
            if (sync) {
                dsl.execute("checkpoint sync");
            }
            counted++;
            now = System.nanoTime();
        } while (now < end);
        out.println(String.format(Locale.ROOT, "RESULT %d %.6f", counted, (now - start) / 1e9));
        out.flush();
        if (db != null) {
            db.close();
        } else {
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("shutdown");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                pool.dispose();
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
