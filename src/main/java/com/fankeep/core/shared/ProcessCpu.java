package com.fankeep.core.shared;

/**
 * The process's CPU time, where the runtime can tell it. The packaged app's runtime has no {@code jdk.management}
 * module (jlink keeps it small), so {@code com.sun.management} is only touched when that module is there: an import
 * in the installed app once failed with NoClassDefFoundError because a step clock asked for it unconditionally.
 */
public final class ProcessCpu {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.management").isPresent();

    private ProcessCpu() {
    }

    private static final java.nio.file.Path PROC_STAT = java.nio.file.Path.of("/proc/self/stat");

    /**
     * Nanoseconds of CPU used by this process so far (all threads), or 0 when the runtime cannot tell. Without the
     * module, Linux's own count (in 10 ms ticks): the packaged CLI's {@code bench import} needs it (ADR 0065).
     */
    public static long nanos() {
        return AVAILABLE ? Sun.nanos() : procNanos();
    }

    /** utime + stime of /proc/self/stat (fields 14 and 15, after the parenthesised name), at 100 ticks a second. */
    static long procNanos() {
        try {
            String stat = java.nio.file.Files.readString(PROC_STAT);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;   // not Linux, or a layout we do not know
        }
    }

    /** Loaded only when the module is there. */
    private static final class Sun {
        static long nanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }
}
