package com.fankeep.core.integrity;

import com.fankeep.core.backup.RestoreMeasurement;
import com.fankeep.core.db.Database;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * README figures: how long the integrity check takes on a large database, wall time and the JVM's CPU time. The
 * database is built once by SQL ({@link RestoreMeasurement#fill}) and kept, so the check can be timed again:
 *
 * <pre>
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat cp.txt) com.fankeep.core.integrity.IntegrityMeasurement 1000000 /tmp/check-1m
 * </pre>
 *
 * One run per JVM is the honest figure: a second run in the same JVM can reuse H2's cached results of the same query.
 */
public final class IntegrityMeasurement {

    private IntegrityMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int orders = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]).toAbsolutePath();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (!Files.exists(dir.resolve(Database.FILE_NAME + ".mv.db"))) {
            long t = System.nanoTime();
            try (Database db = Database.open(dir)) {
                RestoreMeasurement.fill(db, orders, Math.max(1, orders * 3 / 10));
            }
            System.out.printf(Locale.ROOT, "filled %,d orders in %.1f s%n", orders, (System.nanoTime() - t) / 1e9);
        }
        try (Database db = Database.open(dir)) {
            for (int i = 0; i < runs; i++) {
                long cpu = cpuNanos();
                long t = System.nanoTime();
                IntegrityReport quick = new IntegrityService(db).quickCheck();
                double quickS = (System.nanoTime() - t) / 1e9;
                double quickCpu = (cpuNanos() - cpu) / 1e9;
                cpu = cpuNanos();
                t = System.nanoTime();
                IntegrityReport full = new IntegrityService(db).check();
                System.out.printf(Locale.ROOT, "db %,d MB: quick check %.2f s (cpu %.2f s, %s); full check %.2f s (cpu %.2f s, %s, %d checks)%n",
                        Files.size(dir.resolve(Database.FILE_NAME + ".mv.db")) >> 20, quickS, quickCpu,
                        quick.ok() ? "ok" : quick.problems(), (System.nanoTime() - t) / 1e9, (cpuNanos() - cpu) / 1e9,
                        full.ok() ? "ok" : full.problems(), full.checks());
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
