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

    /** Nanoseconds of CPU used by this process so far (all threads), or 0 when the runtime cannot tell. */
    public static long nanos() {
        return AVAILABLE ? Sun.nanos() : 0;
    }

    /** Loaded only when the module is there. */
    private static final class Sun {
        static long nanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }
}
