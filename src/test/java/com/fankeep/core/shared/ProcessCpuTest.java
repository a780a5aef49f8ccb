package com.fankeep.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    /** Linux's count (the packaged runtime's, ADR 0065) agrees with com.sun.management's on the same stretch of work. */
    @Test
    void procCountAgreesWithTheManagementBean() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long bean0 = os.getProcessCpuTime();
        long proc0 = ProcessCpu.procNanos();
        long sink = 0;
        long until = System.nanoTime() + 20_000_000_000L;   // 0.3 s of CPU, however loaded the machine is
        while (os.getProcessCpuTime() - bean0 < 300_000_000L && System.nanoTime() < until) {
            sink += Long.toString(sink ^ System.nanoTime()).hashCode();
        }
        long proc1 = ProcessCpu.procNanos();
        long bean1 = os.getProcessCpuTime();
        long bean = bean1 - bean0;
        long proc = proc1 - proc0;
        assertThat(proc0).isPositive();
        assertThat(proc).as("sink %d", sink).isBetween(bean * 7 / 10 - 30_000_000L, bean + 30_000_000L);
    }
}
