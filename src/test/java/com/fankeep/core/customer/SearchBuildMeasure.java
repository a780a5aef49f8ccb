package com.fankeep.core.customer;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Not a test: times the cold search-index build over the database ListPagingMeasure (or bench search) made, run by
 * hand. Wall and process CPU time, the reads alone, then the whole build, a few rounds each.
 */
class SearchBuildMeasure {

    @Test
    void measure() {
        Path work = Path.of(System.getProperty("measure.dir", "/tmp/cust-measure"));
        int rounds = Integer.getInteger("measure.rounds", 3);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Database db = Database.open(work.resolve("data"))) {
            for (int i = 0; i < rounds; i++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                int[] n = {0};
                new CustomerSearchRepository(db.dsl()).streamEntries(e -> n[0]++, Progress.NONE, Cancellation.none());
                long t1 = System.nanoTime();
                long cpu1 = os.getProcessCpuTime();
                int size = new CustomerSearchService(db).build(Progress.NONE, Cancellation.none());
                long t2 = System.nanoTime();
                long cpu2 = os.getProcessCpuTime();
                System.out.printf("MEASURE read only %d entries: %.2f s wall, %.2f s cpu; full build %d: %.2f s wall, %.2f s cpu; load %.2f%n",
                        n[0], (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, size, (t2 - t1) / 1e9, (cpu2 - cpu1) / 1e9, os.getSystemLoadAverage());
            }
        }
    }
}
