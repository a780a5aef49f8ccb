package com.fankeep.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The nice value of the thread that asked is raised, and only that thread's (read back from /proc); a test JVM run
 * under {@code nice 19} checks that a thread already at the lowest priority is never given a higher one.
 */
class LowPriorityTest {

    @Test
    void lowersOnlyTheCallingThread() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        int mine = niceOfThisThread();
        AtomicReference<int[]> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            int before = niceOfThisThread();
            boolean lowered = LowPriority.lowerThisThread();
            seen.set(new int[] {before, niceOfThisThread(), lowered ? 1 : 0});
        });
        t.start();
        t.join();

        assertThat(seen.get()[2]).as("lowered").isEqualTo(1);
        int before = seen.get()[0];
        int after = seen.get()[1];
        if (before < 19) {
            assertThat(after).as("lowered from %d", before).isGreaterThan(before);
        } else {
            assertThat(after).as("already the lowest: left there, never raised").isEqualTo(19);
        }
        assertThat(niceOfThisThread()).as("the caller's thread is untouched").isEqualTo(mine);
    }

    /** Field 19 of /proc/thread-self/stat: the nice value of the thread reading it. */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
