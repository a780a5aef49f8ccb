package com.fankeep.cli;

import com.fankeep.core.bench.ImportBenchmark;
import com.fankeep.core.bench.SearchBenchmark;
import com.fankeep.core.bench.SegmentBenchmark;
import com.fankeep.core.bench.StartupTimes;
import com.fankeep.core.shared.Folders;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (results go in the README's table).",
        subcommands = {BenchCommand.Import.class, BenchCommand.Search.class, BenchCommand.Startup.class, BenchCommand.Segments.class, BenchCommand.Tiers.class,
                BenchCommand.DashboardBench.class, BenchCommand.Duplicates.class, BenchCommand.Storage.class})
final class BenchCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Generates a Taobao export (GBK) of N rows and measures the full import against the raw floor",
                    "(parsing the same file + a plain JDBC batch insert of the same rows). Uses its own temporary folders.",
                    "--xlsx: the same as an XLSX (default 200,000 rows), against fastexcel-reader's raw read + the JDBC insert.",
                    "--into-existing: --rows new orders (default 10,000) into a database holding --base rows (default 1,000,000),",
                    "against the floor's insert of the same rows into its table holding the base rows.",
                    "The import path follows -Dfankeep.import.bulk=auto|always|never (ADR 0023).",
                    "Run with the heap you want to check, e.g. java -Xmx512m -jar fankeep.jar bench import"})
    static final class Import implements Callable<Integer> {

        @Option(names = "--rows", paramLabel = "N", description = "rows to generate (default 1,000,000; 200,000 with --xlsx)")
        Integer rows;

        @Option(names = "--xlsx", description = "an XLSX export instead of the GBK CSV")
        boolean xlsx;

        @Option(names = "--into-existing", description = "an import into a database that already holds --base rows")
        boolean intoExisting;

        @Option(names = "--base", paramLabel = "N", description = "rows already stored for --into-existing (default 1,000,000)")
        Integer base;

        @Option(names = "--dir", paramLabel = "DIR", description = "work folder, kept (default: a temporary one, deleted afterwards); --into-existing keeps its base there (base-N) and reuses it")
        Path dir;

        private final CliContext context;

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Path work = dir != null ? dir : Files.createTempDirectory("fankeep-bench");
            PrintWriter out = context.out();
            com.fankeep.core.bench.WarningsSeen warnings = com.fankeep.core.bench.WarningsSeen.start();
            try {
                if (xlsx) {
                    return xlsx(work, out);
                }
                if (intoExisting) {
                    return intoExisting(work, out);
                }
                ImportBenchmark.Result r = ImportBenchmark.run(work, rows == null ? 1_000_000 : rows, (done, total, message) -> {
                    out.println("… " + message);
                    out.flush();
                });
                out.printf("rows %,d, buyers %,d, file %,d MB, max heap %,d MB, %d cores%n", r.rows(), r.buyers(),
                        r.fileBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
                out.println("| phase | rows | seconds | CPU seconds | rows/s | peak heap MB |");
                out.println("|---|---|---|---|---|---|");
                for (ImportBenchmark.Phase p : new ImportBenchmark.Phase[] {r.floor(), r.importing()}) {
                    out.printf("| %s | %,d | %.1f | %.1f | %,.0f | %,d |%n", p.name(), p.rows(), p.seconds(), p.cpuSeconds(),
                            p.rowsPerSecond(), p.peakHeapMb());
                }
                out.printf("import / floor = %.2f× (CPU %.2f×; target ≤ 2.5×; orders %,d, customers %,d)%n", r.ratio(),
                        r.importing().cpuSeconds() / r.floor().cpuSeconds(), r.summary().newOrders(), r.summary().newCustomers());
                steps(out, r.steps());
                return 0;
            } finally {
                for (String w : warnings.stop()) {
                    out.println("logged: " + w);
                }
                if (dir == null) {
                    Folders.deleteTree(work);
                }
            }
        }

        private int intoExisting(Path work, PrintWriter out) throws Exception {
            ImportBenchmark.ExistingResult r = ImportBenchmark.runIntoExisting(work, base == null ? 1_000_000 : base,
                    rows == null ? 10_000 : rows, (done, total, message) -> {
                        out.println("… " + message);
                        out.flush();
                    });
            out.printf("base rows %,d, new rows %,d, %s path, max heap %,d MB, %d cores%n", r.base(), r.rows(),
                    r.bulk() ? "bulk" : "normal", Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            out.println("| phase | rows | seconds | CPU seconds | rows/s | peak heap MB |");
            out.println("|---|---|---|---|---|---|");
            for (ImportBenchmark.Phase p : new ImportBenchmark.Phase[] {r.setup(), r.floor(), r.importing()}) {
                out.printf("| %s | %,d | %.1f | %.1f | %,.0f | %,d |%n", p.name(), p.rows(), p.seconds(), p.cpuSeconds(),
                        p.rowsPerSecond(), p.peakHeapMb());
            }
            out.printf("import / floor = %.2f× (CPU %.2f×; target ≤ 3×; orders %,d)%n", r.ratio(),
                    r.importing().cpuSeconds() / r.floor().cpuSeconds(), r.summary().newOrders());
            steps(out, r.steps());
            return 0;
        }

        private int xlsx(Path work, PrintWriter out) throws Exception {
            ImportBenchmark.XlsxResult r = ImportBenchmark.runXlsx(work, rows == null ? 200_000 : rows, (done, total, message) -> {
                out.println("… " + message);
                out.flush();
            });
            out.printf("XLSX rows %,d, buyers %,d, file %,d MB (generated in %.1f s), max heap %,d MB, %d cores%n", r.rows(),
                    r.buyers(), r.fileBytes() >> 20, r.generate().seconds(), Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            out.println("| phase | rows | seconds | CPU seconds | rows/s | peak heap MB |");
            out.println("|---|---|---|---|---|---|");
            for (ImportBenchmark.Phase p : new ImportBenchmark.Phase[] {r.rawRead(), r.floor(), r.importing()}) {
                out.printf("| %s | %,d | %.1f | %.1f | %,.0f | %,d |%n", p.name(), p.rows(), p.seconds(), p.cpuSeconds(),
                        p.rowsPerSecond(), p.peakHeapMb());
            }
            out.printf("import / floor = %.2f× (CPU %.2f×; target ≤ 2×; orders %,d, customers %,d)%n", r.ratio(),
                    r.importing().cpuSeconds() / r.floor().cpuSeconds(), r.summary().newOrders(), r.summary().newCustomers());
            steps(out, r.steps());
            return 0;
        }

        private static String mb(long mb) {
            return mb < 0 ? "–" : String.format("%,d", mb);
        }

        /**
         * The import job's steps up to "done", so the reader sees where the owner's wait goes; the heap columns: the
         * highest heap in use while the step ran (garbage included) and the highest left after a collection in it.
         */
        private static void steps(PrintWriter out, java.util.List<com.fankeep.core.importing.StepClock.Step> steps) {
            out.println("| import step | seconds | CPU seconds | peak heap MB | after GC MB |");
            out.println("|---|---|---|---|---|");
            for (var s : steps) {
                out.printf("| %s | %.1f | %.1f | %s | %s |%n", s.name(), s.seconds(), s.cpuSeconds(), mb(s.peakHeapMb()),
                        mb(s.afterGcMb()));
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Writes N synthetic customers (and 10 orders per 3) into a temporary database, builds the search index from it and",
                    "measures as-you-type queries (50 hits at most). Results go in the README's table."})
    static final class Search implements Callable<Integer> {

        @Option(names = "--customers", paramLabel = "N", defaultValue = "300000", description = "customers (default ${DEFAULT-VALUE})")
        int customers;

        @Option(names = "--into-existing", description = "an import into a database that already holds --base rows")
        boolean intoExisting;

        @Option(names = "--base", paramLabel = "N", description = "rows already stored for --into-existing (default 1,000,000)")
        Integer base;

        @Option(names = "--dir", paramLabel = "DIR",
                description = "work folder, kept afterwards: DIR/data is then a data folder for --data-dir (e.g. bench startup)")
        Path dir;

        private final CliContext context;

        Search(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Path work = dir != null ? dir : Files.createTempDirectory("fankeep-bench-search");
            PrintWriter out = context.out();
            try {
                SearchBenchmark.Result r = SearchBenchmark.run(work, customers, (done, total, message) -> {
                    out.println("… " + message + (done > 0 ? " " + done : ""));
                    out.flush();
                });
                out.printf("customers %,d, orders %,d, insert %.1f s, index build (read + index) %.2f s wall, %.2f s cpu, load average %.2f, start from saved index %.2f s, index heap ~%,d MB, max heap %,d MB, %d cores%n",
                        r.customers(), r.orders(), r.insertSeconds(), r.buildSeconds(), r.buildCpuSeconds(), r.loadAverage(), r.snapshotSeconds(), r.heapMb(), Runtime.getRuntime().maxMemory() >> 20,
                        Runtime.getRuntime().availableProcessors());
                out.println("| queries | n | p50 ms | p95 ms | p99 ms | max ms | zero-hit |");
                out.println("|---|---|---|---|---|---|---|");
                for (SearchBenchmark.Row row : r.rows()) {
                    out.printf("| %s | %,d | %.3f | %.3f | %.3f | %.2f | %d |%n", row.kind(), row.queries(), row.p50(), row.p95(),
                            row.p99(), row.max(), row.zeroHits());
                }
                if (dir != null) {
                    out.println("data folder kept: " + work.resolve("data"));
                }
                return 0;
            } finally {
                if (dir == null) {
                    Folders.deleteTree(work);
                }
            }
        }
    }

    @Command(name = "segments", mixinStandardHelpOptions = true,
            description = {"Writes N synthetic customers with M orders (item titles, channels, tags, groups) into a temporary database and",
                    "measures segment counts as the owner edits a rule (1 to 6 conditions). Results go in the README's table."})
    static final class Segments implements Callable<Integer> {

        @Option(names = "--customers", paramLabel = "N", defaultValue = "300000", description = "customers (default ${DEFAULT-VALUE})")
        int customers;

        @Option(names = "--orders", paramLabel = "M", defaultValue = "1000000", description = "orders (default ${DEFAULT-VALUE})")
        int orders;

        @Option(names = "--sessions", paramLabel = "S", defaultValue = "40", description = "editing sessions of 6 steps (default ${DEFAULT-VALUE})")
        int sessions;

        @Option(names = "--into-existing", description = "an import into a database that already holds --base rows")
        boolean intoExisting;

        @Option(names = "--base", paramLabel = "N", description = "rows already stored for --into-existing (default 1,000,000)")
        Integer base;

        @Option(names = "--dir", paramLabel = "DIR", description = "keep the generated data in DIR and reuse it when DIR already has it (default: a temporary folder, deleted)")
        Path dir;

        private final CliContext context;

        Segments(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Path work = dir != null ? dir : Files.createTempDirectory("fankeep-bench-segments");
            PrintWriter out = context.out();
            try {
                SegmentBenchmark.Result r = SegmentBenchmark.run(work, customers, orders, sessions, (done, total, message) -> {
                    out.println("… " + message + (done > 0 ? " " + done : ""));
                    out.flush();
                });
                out.printf("customers %,d, orders %,d, insert %.1f s, max heap %,d MB, %d cores%n", r.customers(), r.orders(),
                        r.insertSeconds(), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
                out.printf("load average %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                out.println("| rule | counts | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |");
                out.println("|---|---|---|---|---|---|---|");
                for (SegmentBenchmark.Row row : r.rows()) {
                    out.printf("| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", row.kind(), row.queries(), row.p50(), row.p95(),
                            row.max(), row.cpuP50(), row.cpuP95());
                }
                out.printf("segment facts: %,d KB by their arrays, %,d KB heap measured (used heap after GC before and after reading a second copy)%n",
                        r.factsBytes() >> 10, r.factsHeapMeasured() >> 10);
                out.println("slowest:");
                r.slowest().forEach(out::println);
                return 0;
            } finally {
                if (dir == null) {
                    Folders.deleteTree(work);
                }
            }
        }
    }

    @Command(name = "dashboard", mixinStandardHelpOptions = true,
            description = {"Writes the customers and orders of `bench segments` into a temporary database (or reuses --dir), builds",
                    "the dashboard aggregates from nothing, and times the page after open (default period) and period changes.",
                    "Results go in the README's table."})
    static final class DashboardBench implements Callable<Integer> {

        @Option(names = "--customers", paramLabel = "N", defaultValue = "300000", description = "customers (default ${DEFAULT-VALUE})")
        int customers;

        @Option(names = "--orders", paramLabel = "M", defaultValue = "1000000", description = "orders (default ${DEFAULT-VALUE})")
        int orders;

        @Option(names = "--dir", paramLabel = "DIR", description = {"keep the generated data in DIR/data and reuse it when DIR already"
                + " has it (--customers/--orders are then ignored; the aggregates are built again each run)",
                "default: a temporary folder, deleted afterwards"})
        Path dir;

        @Option(names = "--today", paramLabel = "DAY", description = {"the day the periods end (default 2026-06-01, the generated"
                + " data's today; a real shop copied into DIR/data: its last order's day)"})
        java.time.LocalDate today;

        @Option(names = "--keep-aggregates", description = {"with --dir: use the aggregates DIR/data already has instead of building",
                "them from nothing (a copy of a real shop keeps them current)"})
        boolean keepAggregates;

        private final CliContext context;

        DashboardBench(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("fankeep-bench-dashboard");
            PrintWriter out = context.out();
            try {
                var r = com.fankeep.core.bench.DashboardBenchmark.run(work, customers, orders, today, !(keepAggregates && dir != null), (done, total, message) -> {
                    out.println("… " + message + (done > 0 ? " " + done : ""));
                    out.flush();
                });
                out.printf("customers %,d, orders %,d, insert %s, max heap %,d MB, %d cores, load average %.2f%n", r.customers(),
                        r.orders(), Double.isNaN(r.insertSeconds()) ? "reused" : String.format("%.1f s", r.insertSeconds()), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                out.println("| step | wall s | CPU s |");
                out.println("|---|---|---|");
                for (var p : r.phases()) {
                    out.printf("| %s | %.2f | %.2f |%n", p.name(), p.seconds(), p.cpuSeconds());
                }
                if (dir != null) {
                    out.println("data folder kept: " + work.resolve("data"));
                }
                return 0;
            } finally {
                if (dir == null) {
                    Folders.deleteTree(work);
                }
            }
        }
    }

    @Command(name = "storage", mixinStandardHelpOptions = true,
            description = {"The storage floor of a shop's database: its rows batch-inserted with plain JDBC into an empty database of",
                    "this build's schema without plain secondary indexes (as the bulk import's copy), then those indexes built.",
                    "Over the data folder `bench import --dir DIR` leaves (DIR/data), it shows the least any import of that",
                    "schema can take on this engine (issue #11). The folder is only read; the work folder is deleted."})
    static final class Storage implements Callable<Integer> {

        @Option(names = "--dir", paramLabel = "DIR", required = true, description = "the data folder to read (this build's schema)")
        Path dir;

        @Option(names = "--work", paramLabel = "DIR", description = "where the empty database is loaded (default: a temporary folder)")
        Path work;

        @Option(names = "--without-foreign-keys", description = "load without the foreign keys too (added back after, unchecked)")
        boolean withoutForeignKeys;

        private final CliContext context;

        Storage(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = context.out();
            Path temp = work != null ? null : Files.createTempDirectory("fankeep-bench-storage");
            com.fankeep.core.bench.StorageFloorBenchmark.Result r;
            try {
                r = com.fankeep.core.bench.StorageFloorBenchmark.run(dir, work != null ? work : temp.resolve("data"),
                        withoutForeignKeys, com.fankeep.core.shared.Progress.NONE);
            } finally {
                if (temp != null) {
                    Folders.deleteTree(temp);
                }
            }
            out.println("| table | rows | read s | insert s (read taken off) |");
            out.println("|---|---|---|---|");
            for (var t : r.tables()) {
                out.printf("| %s | %,d | %.1f | %.1f |%n", t.table(), t.rows(), t.readSeconds(), t.insertSeconds());
            }
            out.println(r.foreignKeysDropped() ? "| index or foreign key (built after the load) | table | build s |" : "| index | table | build s |");
            out.println("|---|---|---|");
            for (var i : r.indexes()) {
                out.printf("| %s | %s | %.1f |%n", i.name(), i.table(), i.seconds());
            }
            out.printf("inserts %.1f s + %d index builds %.1f s = %.1f s (process CPU %.1f s, reads included; load average %.2f)%n",
                    r.insertSeconds(), r.indexes().size(), r.indexSeconds(), r.insertSeconds() + r.indexSeconds(), r.cpuSeconds(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            return 0;
        }
    }

    @Command(name = "duplicates", mixinStandardHelpOptions = true,
            description = {"Times the duplicates scan on a shop's data folder (use a COPY: the scan adds suggestions): the full scan",
                    "(`duplicates scan`), the same again with nothing new, and the scan an import ends with over the newest",
                    "--imported customers. Results go in the README's table."})
    static final class Duplicates implements Callable<Integer> {

        @Option(names = "--dir", paramLabel = "DIR", required = true, description = "the data folder (a copy of a real shop)")
        Path dir;

        @Option(names = "--imported", paramLabel = "N", defaultValue = "3000", description = "customers of the timed after-import scan (default ${DEFAULT-VALUE})")
        int imported;

        private final CliContext context;

        Duplicates(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintWriter out = context.out();
            var r = com.fankeep.core.bench.DuplicatesBenchmark.run(dir, imported);
            out.printf("customers %,d, max heap %,d MB, %d cores, load average %.2f%n", r.customers(),
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.println("| step | wall s | CPU s | pairs | new |");
            out.println("|---|---|---|---|---|");
            for (var p : r.phases()) {
                out.printf("| %s | %.2f | %.2f | %,d | %,d |%n", p.name(), p.seconds(), p.cpuSeconds(), p.pairs(), p.newPairs());
            }
            return 0;
        }
    }

    @Command(name = "tiers", mixinStandardHelpOptions = true,
            description = {"Writes N customers (10 orders per 3) into a temporary database and times the tier preview, the full",
                    "recompute, the incremental recompute after a real import of --import-rows orders and after its undo, and the daily pass."})
    static final class Tiers implements Callable<Integer> {

        @Option(names = "--customers", paramLabel = "N", defaultValue = "300000", description = "customers (default ${DEFAULT-VALUE})")
        int customers;

        @Option(names = "--import-rows", paramLabel = "N", defaultValue = "10000", description = "orders in the timed import (default ${DEFAULT-VALUE})")
        int importRows;

        private final CliContext context;

        Tiers(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Path work = Files.createTempDirectory("fankeep-bench-tiers");
            PrintWriter out = context.out();
            try {
                com.fankeep.core.bench.TierBenchmark.Result r = com.fankeep.core.bench.TierBenchmark.run(work, customers, importRows,
                        (done, total, message) -> {
                            out.println("… " + message + (done > 0 ? " " + done : ""));
                            out.flush();
                        });
                out.printf("customers %,d, orders %,d, insert %.1f s, max heap %,d MB, %d cores%n", r.customers(), r.orders(),
                        r.insertSeconds(), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
                out.printf("load average %.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                out.println("| step | customers | seconds | CPU seconds | tiers changed |");
                out.println("|---|---|---|---|---|");
                for (com.fankeep.core.bench.TierBenchmark.Phase p : r.phases()) {
                    out.printf("| %s | %,d | %.2f | %.2f | %,d |%n", p.name(), p.customers(), p.seconds(), p.cpuSeconds(), p.changed());
                }
                out.println("tiers: " + r.counts());
                return 0;
            } finally {
                Folders.deleteTree(work);
            }
        }
    }

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = {"Starts the desktop app in this JVM (on $DISPLAY, e.g. Xvfb) over the data folder and prints, in ms from the",
                    "JVM's start: the first frame, when the window is usable (Customers opened, a search typed, the list answered)",
                    "and when the search index was ready (it loads behind). Then closes the app as its window would."})
    static final class Startup implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "print JSON: {\"firstFrameMs\": N, \"usableMs\": N, …}")
        boolean json;

        @Option(names = "--hold", paramLabel = "SECONDS", defaultValue = "0",
                description = "keep the window open this long after measuring (to take a screenshot)")
        int holdSeconds;

        private final CliContext context;

        Startup(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            StartupTimes t = context.benchStartup(RootOptions.dataDir(spec), Duration.ofSeconds(holdSeconds));
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("firstFrameMs", t.firstFrameMs());
                m.put("usableMs", t.usableMs());
                m.put("usableCpuMs", t.usableCpuMs());
                m.put("searchIndexMs", t.searchIndexMs());
                m.put("searchHits", t.searchHits());
                m.put("statusBarMs", t.statusMs());
                m.put("todayMs", t.todayMs());
                m.put("dashboardMs", t.dashboardMs());
                m.put("closeMs", t.closeMs());
                m.put("aotCache", t.aotCache());
                m.put("loadAverage", Math.round(t.loadAverage() * 100) / 100.0);
                m.put("updateWindowMs", t.updateFrameMs());
                m.put("updateDoneMs", t.updateDoneMs());
                context.out().println(Json.write(m));
            } else {
                context.out().printf("first frame %,d ms, usable %,d ms (CPU %,d ms), search index %s, search hits %,d,"
                                + " status bar %s, Today %s, dashboard %s, closed in %,d ms, AOT cache %s, load average %.2f%n",
                        t.firstFrameMs(), t.usableMs(), t.usableCpuMs(), arrived(t.searchIndexMs()), t.searchHits(),
                        arrived(t.statusMs()), arrived(t.todayMs()), arrived(t.dashboardMs()), t.closeMs(),
                        t.aotCache() == null ? "none" : t.aotCache(), t.loadAverage());
                if (t.updateFrameMs() >= 0) {
                    context.out().printf("the data was updated: update window %,d ms, update done %,d ms%n", t.updateFrameMs(),
                            t.updateDoneMs());
                }
            }
            return 0;
        }

        private static String arrived(long ms) {
            return ms < 0 ? "not within 60 s" : String.format("%,d ms", ms);
        }
    }
}
