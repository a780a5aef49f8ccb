package com.fankeep.cli;

import com.fankeep.core.bench.ImportBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (results go in the README's table).",
        subcommands = BenchCommand.Import.class)
final class BenchCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Generates a Taobao export (GBK) of N rows and measures the full import against the raw floor",
                    "(parsing the same file + a plain JDBC batch insert of the same rows). Uses its own temporary folders.",
                    "Run with the heap you want to check, e.g. java -Xmx512m -jar fankeep.jar bench import"})
    static final class Import implements Callable<Integer> {

        @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "rows to generate (default ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--dir", paramLabel = "DIR", description = "work folder (default: a temporary one, deleted afterwards)")
        Path dir;

        private final CliContext context;

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Path work = dir != null ? dir : Files.createTempDirectory("fankeep-bench");
            PrintWriter out = context.out();
            try {
                ImportBenchmark.Result r = ImportBenchmark.run(work, rows, (done, total, message) -> {
                    out.println("… " + message);
                    out.flush();
                });
                out.printf("rows %,d, buyers %,d, file %,d MB, max heap %,d MB, %d cores%n", r.rows(), r.buyers(),
                        r.fileBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
                out.println("| phase | rows | seconds | rows/s | peak heap MB |");
                out.println("|---|---|---|---|---|");
                for (ImportBenchmark.Phase p : new ImportBenchmark.Phase[] {r.floor(), r.importing()}) {
                    out.printf("| %s | %,d | %.1f | %,.0f | %,d |%n", p.name(), p.rows(), p.seconds(), p.rowsPerSecond(), p.peakHeapMb());
                }
                out.printf("import / floor = %.2f× (orders %,d, customers %,d)%n", r.ratio(), r.summary().newOrders(),
                        r.summary().newCustomers());
                return 0;
            } finally {
                if (dir == null) {
                    try (var walk = Files.walk(work)) {
                        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        }
    }
}
