package com.fankeep.core.shared;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the calling thread (Linux: its nice value), so catch-up work on a 2-core laptop yields
 * to what the owner is waiting for. Java's own thread priorities are ignored on Linux unless the JVM runs with
 * -XX:ThreadPriorityPolicy=1, which prints a warning to every non-root user (and so into the CLI's output). Raising
 * a nice value needs no permission; where the call is not available this does nothing.
 */
public final class LowPriority {

    private static final Logger LOG = LoggerFactory.getLogger(LowPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static final int STEP = 10;
    private static final int LOWEST = 19;
    private static final MethodHandle SET_PRIORITY;
    private static final MethodHandle GET_PRIORITY;
    private static final MethodHandle GET_TID;

    static {
        MethodHandle set = null;
        MethodHandle get = null;
        MethodHandle tid = null;
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            try {
                Linker linker = Linker.nativeLinker();
                var libc = linker.defaultLookup();
                set = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                get = linker.downcallHandle(libc.find("getpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                tid = linker.downcallHandle(libc.find("gettid").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
            } catch (RuntimeException | Error e) {
                LOG.debug("thread priorities not available: {}", e.toString());
                set = null;
                get = null;
                tid = null;
            }
        }
        SET_PRIORITY = set;
        GET_PRIORITY = get;
        GET_TID = tid;
    }

    private LowPriority() {
    }

    /** Makes the calling thread yield the CPU to the app's other threads; returns whether it could. */
    public static boolean lowerThisThread() {
        if (SET_PRIORITY == null) {
            return false;
        }
        try {
            int tid = (int) GET_TID.invokeExact();
            // relative to where the thread is: an app started with nice 15 must not get a background thread at 10
            int now = (int) GET_PRIORITY.invokeExact(PRIO_PROCESS, tid);
            if (now >= LOWEST) {
                return true;
            }
            int lower = Math.min(LOWEST, now + STEP);
            return (int) SET_PRIORITY.invokeExact(PRIO_PROCESS, tid, lower) == 0; // on Linux, PRIO_PROCESS + a thread id: that thread only
        } catch (Throwable e) {
            LOG.debug("could not lower the thread's priority: {}", e.toString());
            return false;
        }
    }
}
