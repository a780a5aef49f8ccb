package com.fankeep.core.bench;

import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.Database;
import com.fankeep.core.merge.MergeService;
import com.fankeep.core.merge.ScanResult;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The duplicates scan on a real shop's data folder (a copy: the scan adds suggestions): the full scan (`duplicates
 * scan`), the same again with nothing new, and the scan an import ends with, over its last N customers.
 */
public final class DuplicatesBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** @param cpuSeconds CPU time of the benchmark's thread (H2 runs in it) */
    public record Phase(String name, double seconds, double cpuSeconds, int pairs, int newPairs) {
    }

    public record Result(long customers, List<Phase> phases) {
    }

    private DuplicatesBenchmark() {
    }

    public static Result run(Path dataDir, int importedCustomers) {
        try (Database db = Database.open(dataDir)) {
            MergeService merges = new MergeService(db, CustomerChangeListener.NONE);
            long customers = db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.CUSTOMER);
            List<Phase> phases = new ArrayList<>();
            phases.add(time("full scan", () -> merges.scan(Progress.NONE, Cancellation.none())));
            phases.add(time("full scan again (nothing new)", () -> merges.scan(Progress.NONE, Cancellation.none())));
            List<Long> last = db.dsl().fetch("select id from customer order by id desc fetch first ? rows only", importedCustomers)
                    .getValues(0, Long.class);
            phases.add(time("scan after an import of " + last.size() + " customers",
                    () -> merges.scanCustomers(last, Progress.NONE, Cancellation.none())));
            return new Result(customers, phases);
        }
    }

    private static Phase time(String name, java.util.function.Supplier<ScanResult> step) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        ScanResult r = step.get();
        return new Phase(name, (System.nanoTime() - wall) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9,
                r.pairsFound(), r.newSuggestions());
    }
}
