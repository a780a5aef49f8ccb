package com.fankeep.core.bench;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.BulkPolicy;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.StepClock;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.importing.read.TableReader;
import com.fankeep.core.importing.read.TableReaders;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Folders;
import com.fankeep.core.shared.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * `fankeep bench import`: the full import of a generated Taobao export against the raw floor on the same file
 * (parse + plain JDBC batch insert of the same rows, no logic), each with rows/s and peak heap.
 */
public final class ImportBenchmark {

    /**
     * One measured phase. {@code cpuSeconds} is the process's CPU time over the phase (all threads, GC included): on a
     * shared machine it varies far less than the wall-clock seconds.
     */
    public record Phase(String name, long rows, double seconds, double cpuSeconds, long peakHeapMb) {

        public double rowsPerSecond() {
            return seconds <= 0 ? 0 : rows / seconds;
        }
    }

    /** The outcome; {@code ratio} = import time / floor time. */
    public record Result(int rows, int buyers, long fileBytes, Phase generate, Phase floor, Phase importing,
                         ImportSummary summary, List<StepClock.Step> steps) {

        public double ratio() {
            return importing.seconds() / floor.seconds();
        }
    }

    private ImportBenchmark() {
    }

    /**
     * The floor's table and the import's data folder of an earlier run in the same {@code work} are removed: kept, the
     * floor failed on its existing table and the import would have measured a re-import into a full shop.
     */
    private static void freshRun(Path work) throws java.io.IOException {
        Files.createDirectories(work);
        Folders.deleteTree(work.resolve("floor"));
        Folders.deleteTree(work.resolve("data"));
    }

    public static Result run(Path work, int rows, Progress progress) throws Exception {
        freshRun(work);
        Path file = work.resolve("ExportOrderList-bench.csv");

        progress.update(0, 3, "generating " + rows + " rows");
        long t0 = System.nanoTime();
        int buyers = TaobaoExportGenerator.write(file, rows, 42);
        Phase generate = new Phase("generate", rows, seconds(t0), 0, 0);

        progress.update(1, 3, "floor: parse + JDBC insert");
        Phase floor = measure("floor (parse + JDBC batch insert, no logic)", () -> floor(file, work.resolve("floor")));

        progress.update(2, 3, "FanKeep import");
        ImportSummary[] summary = new ImportSummary[1];
        StepClock clock = new StepClock();
        Phase importing = measure(IMPORT_PHASE, clock, () -> importOnce(file, work.resolve("data"), summary, clock));
        progress.update(3, 3, "done");
        return new Result(rows, buyers, Files.size(file), generate, floor, importing, summary[0], clock.steps());
    }

    /**
     * The XLSX outcome: fastexcel-reader's raw read alone, the floor (that read + the plain JDBC insert) and FanKeep's
     * import of the same file; {@code ratio} = import time / floor time (target ≤ 1.5).
     */
    public record XlsxResult(int rows, int buyers, long fileBytes, Phase generate, Phase rawRead, Phase floor,
                             Phase importing, ImportSummary summary, List<StepClock.Step> steps) {

        public double ratio() {
            return importing.seconds() / floor.seconds();
        }
    }

    public static XlsxResult runXlsx(Path work, int rows, Progress progress) throws Exception {
        freshRun(work);
        Path file = work.resolve("ExportOrderList-bench.xlsx");

        progress.update(0, 4, "generating " + rows + " rows (XLSX, streamed)");
        long t0 = System.nanoTime();
        int buyers = TaobaoXlsxGenerator.write(file, rows, 42);
        Phase generate = new Phase("generate", rows, seconds(t0), 0, 0);

        progress.update(1, 4, "fastexcel-reader raw read");
        Phase rawRead = measure("fastexcel-reader raw read (every cell's text)", () -> xlsxRawRead(file));

        progress.update(2, 4, "floor: fastexcel-reader + JDBC insert");
        Phase floor = measure("floor (fastexcel-reader read + JDBC batch insert, no logic)",
                () -> xlsxFloor(file, work.resolve("floor")));

        progress.update(3, 4, "FanKeep import");
        ImportSummary[] summary = new ImportSummary[1];
        StepClock clock = new StepClock();
        Phase importing = measure(IMPORT_PHASE, clock, () -> importOnce(file, work.resolve("data"), summary, clock));
        progress.update(4, 4, "done");
        return new XlsxResult(rows, buyers, Files.size(file), generate, rawRead, floor, importing, summary[0],
                clock.steps());
    }

    /** The into-existing outcome: {@code base} rows stored first (not measured), then {@code rows} more measured. */
    public record ExistingResult(int base, int rows, Phase setup, Phase floor, Phase importing, ImportSummary summary,
                                 boolean bulk, List<StepClock.Step> steps) {

        public double ratio() {
            return importing.seconds() / floor.seconds();
        }
    }

    /**
     * An import of {@code rows} new orders into a database already holding the {@code base}-row export, against the
     * floor's time for the same rows into its own table already holding the base rows (issue #11, target ≤ 3×).
     */
    public static ExistingResult runIntoExisting(Path work, int base, int rows, Progress progress) throws Exception {
        Files.createDirectories(work);
        Path file = work.resolve("ExportOrderList-more.csv");
        // the base (data folder + floor table) is made once per size and kept in the work folder: --dir reuses it
        Path kept = work.resolve("base-" + base);
        progress.update(0, 4, "generating " + rows + " rows" + (Files.isDirectory(kept) ? "" : " and the base of " + base));
        TaobaoExportGenerator.write(file, rows, 43, 900_000_000_000L);
        progress.update(1, 4, "storing the base rows (not measured)");
        ImportSummary[] summary = new ImportSummary[1];
        Phase setup = measure("setup: base import + base floor table (not compared)", () -> {
            if (!Files.isDirectory(kept)) {
                Path making = work.resolve("base-" + base + ".making");
                Folders.deleteTree(making);
                Path baseFile = making.resolve("ExportOrderList-base.csv");
                Files.createDirectories(making);
                TaobaoExportGenerator.write(baseFile, base, 42);
                importOnce(baseFile, making.resolve("data"), summary, StepClock.NONE);
                floor(baseFile, making.resolve("floor"), true);
                Files.delete(baseFile);
                Files.move(making, kept);
            } else {
                // a base kept by an older build takes this build's migrations once, here and not in the measured open
                Database.open(kept.resolve("data")).close();
            }
            for (String d : List.of("data", "floor")) {
                Folders.deleteTree(work.resolve(d));
                Folders.copyTree(kept.resolve(d), work.resolve(d));
            }
            return base;
        });
        progress.update(2, 4, "floor: " + rows + " rows into the base table");
        Phase floor = measure("floor (parse + JDBC batch insert into the table holding the base rows)",
                () -> floor(file, work.resolve("floor"), false));
        progress.update(3, 4, "FanKeep import into the base database");
        boolean[] bulk = new boolean[1];
        StepClock clock = new StepClock();
        Phase importing = measure(IMPORT_PHASE, clock, () -> {
            clock.start();
            try (Database db = Database.open(work.resolve("data"))) {
                clock.mark("open the database");
                long stored = db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.SHOP_ORDER);
                bulk[0] = BulkPolicy.fromSystem().takesBulkPath(List.of(Files.size(file)), stored);
                summary[0] = importJob(db, file, clock);
            }
            clock.mark("close the database");
            return summary[0].files().get(0).rows();
        });
        progress.update(4, 4, "done");
        return new ExistingResult(base, rows, setup, floor, importing, summary[0], bulk[0], clock.steps());
    }

    /**
     * The whole job the owner waits for, as the CLI's `import` runs it: the import service wired with every listener
     * (search index, tiers, aggregates, recovery, follow-up rules, referrals, the duplicates scan) until it is done.
     */
    private static ImportSummary importJob(Database db, Path file, StepClock clock) {
        return CoreServices.over(db).imports().stepClock(clock).importNow(new ImportRequest(List.of(file), null, null,
                ZoneId.of("Asia/Shanghai")), Progress.NONE, Cancellation.none());
    }

    private static final String IMPORT_PHASE = "FanKeep import (detect, parse, match buyers, write, derive)";

    /** Work that returns how many rows it handled. */
    private interface Counted {
        long rows() throws Exception;
    }

    /** Runs one phase, timing it (wall and CPU) and sampling the heap. */
    private static Phase measure(String name, Counted work) throws Exception {
        return measure(name, StepClock.NONE, work);
    }

    /** The same, and {@code clock}'s steps get the heap seen while each ran. */
    private static Phase measure(String name, StepClock clock, Counted work) throws Exception {
        HeapSampler heap = HeapSampler.start();
        clock.heap(heap);
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        long rows;
        try {
            rows = work.rows();
        } finally {
            heap.stop();
        }
        return new Phase(name, rows, seconds(t0), cpuSeconds(cpu0), heap.peakMb());
    }

    /** FanKeep's whole import job of {@code file} into a fresh data folder; the summary goes to {@code summary[0]}. */
    private static long importOnce(Path file, Path dataDir, ImportSummary[] summary, StepClock clock) {
        clock.start();
        try (Database db = Database.open(dataDir)) {
            clock.mark("open the database");
            summary[0] = importJob(db, file, clock);
        }
        clock.mark("close the database");
        return summary[0].files().get(0).rows();
    }

    /** The same file through the same reader into an H2 file with the app's settings, one transaction, no logic. */
    static long floor(Path file, Path dir) throws Exception {
        return floor(file, dir, true);
    }

    private static long floor(Path file, Path dir, boolean create) throws Exception {
        try (TableReader reader = TableReaders.open(file, null)) {
            reader.next(); // header
            return insertRaw(dir, create, () -> {
                SheetRow row = reader.next();
                return row == null ? null : row::cell;
            });
        }
    }

    /**
     * The XLSX floor: fastexcel-reader's own row stream (no FanKeep reader in between) + the same plain JDBC batch
     * insert as the CSV floor.
     */
    static long xlsxFloor(Path file, Path dir) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile()); Stream<Row> rows = wb.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            it.next(); // header
            return insertRaw(dir, true, () -> {
                if (!it.hasNext()) {
                    return null;
                }
                Row row = it.next();
                return i -> text(row, i);
            });
        }
    }

    /** fastexcel-reader alone: every cell's text of every row, nothing kept. @return rows read (header included) */
    static long xlsxRawRead(Path file) throws Exception {
        long n = 0;
        long chars = 0;
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile()); Stream<Row> rows = wb.getFirstSheet().openStream()) {
            for (Iterator<Row> it = rows.iterator(); it.hasNext(); n++) {
                Row row = it.next();
                for (int i = 0; i < row.getCellCount(); i++) {
                    chars += text(row, i).length();
                }
            }
        }
        return chars < 0 ? -1 : n - 1; // chars is used so the JIT cannot drop the reads
    }

    private static String text(Row row, int i) {
        Cell c = i < row.getCellCount() ? row.getCell(i) : null;
        return c == null || c.getRawValue() == null ? "" : c.getText();
    }

    /** The next row's cells by column, or null at the end. */
    private interface RawRows {
        IntFunction<String> next() throws Exception;
    }

    private static long insertRaw(Path dir, boolean create, RawRows rows) throws Exception {
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.resolve("floor") + Database.URL_OPTIONS; // the app's own settings
        long n = 0;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table " + (create ? "" : "if not exists ") + " raw_order (id bigint generated by default as identity primary key, "
                    + "order_no varchar(100) not null unique, buyer varchar(200), paid decimal(14,2), status varchar(100), "
                    + "receiver varchar(200), address varchar(1000), mobile varchar(100), created varchar(30), paid_at varchar(30), "
                    + "title varchar(1000), tracking varchar(100), carrier varchar(100), note varchar(2000), quantity integer)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into raw_order (order_no, buyer, paid, status, receiver, "
                    + "address, mobile, created, paid_at, title, tracking, carrier, note, quantity) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (IntFunction<String> row = rows.next(); row != null; row = rows.next()) {
                    ps.setString(1, row.apply(0));
                    ps.setString(2, row.apply(1));
                    ps.setBigDecimal(3, new java.math.BigDecimal(row.apply(8)));
                    ps.setString(4, row.apply(10));
                    ps.setString(5, row.apply(12));
                    ps.setString(6, row.apply(13));
                    ps.setString(7, row.apply(16));
                    ps.setString(8, row.apply(17));
                    ps.setString(9, row.apply(18));
                    ps.setString(10, row.apply(19));
                    ps.setString(11, row.apply(21));
                    ps.setString(12, row.apply(22));
                    ps.setString(13, row.apply(23));
                    ps.setInt(14, new java.math.BigDecimal(row.apply(24)).intValueExact());
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return n;
    }

    private static long cpuNanos() {
        return com.fankeep.core.shared.ProcessCpu.nanos(); // the packaged runtime has no com.sun.management
    }

    private static double cpuSeconds(long startNanos) {
        return (cpuNanos() - startNanos) / 1e9;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Samples the heap in use every 20 ms (the highest value is what the phase needed, garbage included) and keeps the
     * samples, with the heap left after each collection, so each import step gets its own peaks ({@link StepClock.Heap}).
     * 20 ms over a 300 s import is 15,000 samples: a few hundred KB.
     */
    private static final class HeapSampler implements StepClock.Heap {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;
        private final Series used = new Series();
        private final Series afterGc = new Series();
        private final List<Runnable> unregister = new java.util.ArrayList<>();

        private HeapSampler() {
            System.gc();
            listenToCollections();
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::loop);
        }

        static HeapSampler start() {
            return new HeapSampler();
        }

        private void loop() {
            Runtime rt = Runtime.getRuntime();
            while (running) {
                long now = rt.totalMemory() - rt.freeMemory();
                peak = Math.max(peak, now);
                used.add(System.nanoTime(), now);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /**
         * The heap after each collection, summed over the heap's pools (the JDK's GC notifications). They come through
         * {@code com.sun.management}, which the packaged runtime lacks (no jdk.management, as ProcessCpu says): there
         * the column stays empty rather than the bench failing.
         */
        private void listenToCollections() {
            if (ModuleLayer.boot().findModule("jdk.management").isPresent()) {
                GcNotifications.listen(afterGc, unregister);
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            unregister.forEach(Runnable::run);
        }

        long peakMb() {
            return peak >> 20;
        }

        @Override
        public long peakMb(long fromNanos, long toNanos) {
            // the sample just before the step too: a 20 ms step may fall between two samples
            return Math.max(0, used.max(fromNanos - 20_000_000L, toNanos)) >> 20;
        }

        @Override
        public long afterGcMb(long fromNanos, long toNanos) {
            long m = afterGc.max(fromNanos, toNanos);
            return m < 0 ? -1 : m >> 20;
        }
    }

    /** Loaded only where jdk.management is (GC notifications with the heap after each collection). */
    private static final class GcNotifications {
        static void listen(Series afterGc, List<Runnable> unregister) {
            // the notification lists every pool: metaspace and the code cache are not the heap -Xmx bounds
            java.util.Set<String> heapPools = new java.util.HashSet<>();
            for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    javax.management.NotificationListener l = (n, handback) -> {
                        if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                    (javax.management.openmbean.CompositeData) n.getUserData());
                            long after = 0;
                            for (var u : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                if (heapPools.contains(u.getKey())) {
                                    after += u.getValue().getUsed();
                                }
                            }
                            afterGc.add(System.nanoTime(), after);
                        }
                    };
                    emitter.addNotificationListener(l, null, null);
                    unregister.add(() -> {
                        try {
                            emitter.removeNotificationListener(l);
                        } catch (javax.management.ListenerNotFoundException e) {
                            // gone already
                        }
                    });
                }
            }
        }
    }

    /** (time, bytes) pairs, appended by one thread, read by another. */
    private static final class Series {
        private long[] at = new long[4096];
        private long[] bytes = new long[4096];
        private int n;

        synchronized void add(long nanos, long value) {
            if (n == at.length) {
                at = java.util.Arrays.copyOf(at, n * 2);
                bytes = java.util.Arrays.copyOf(bytes, n * 2);
            }
            at[n] = nanos;
            bytes[n++] = value;
        }

        /** The highest value added in [from, to]; -1 if none. */
        synchronized long max(long from, long to) {
            long m = -1;
            for (int i = 0; i < n; i++) {
                if (at[i] >= from && at[i] <= to) {
                    m = Math.max(m, bytes[i]);
                }
            }
            return m;
        }
    }
}
