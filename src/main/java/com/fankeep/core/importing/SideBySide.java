package com.fankeep.core.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an import's derive steps (the listeners after its commit, their work on the bulk copy, the duplicates scan) on up
 * to two threads: the calling thread and one helper. A step starts once every step it runs after is done (ADR 0057), the
 * earliest registered ready step first, so with one thread the order is the registration order, as before. A step that
 * throws is logged and counts as done (its work is left to its catch-up; its dependents still run, as they did when the
 * steps ran one after another). The helper thread is never interrupted: H2 closes its file when a thread doing I/O is.
 */
final class SideBySide {

    private static final Logger LOG = LoggerFactory.getLogger(SideBySide.class);
    /** {@code -Dfankeep.import.threads=1}: one after another, in registration order. */
    static final String PROPERTY = "fankeep.import.threads";
    private static final boolean THREAD_CPU = ModuleLayer.boot().findModule("java.management").isPresent();

    /** A step: its name, the names it runs after (names not in this run count as done), and its work given its lane. */
    record Step(String name, Set<String> after, IntConsumer work) {
        Step {
            after = Set.copyOf(after);
        }
    }

    /** How a step went: which lane (0: the calling thread), its wall and its thread's CPU seconds, its failure if any. */
    record Ran(Step step, int lane, long startNanos, double seconds, double cpuSeconds, RuntimeException failure) {
    }

    /** Threads to use unless told: the property, else two where there are two cores. */
    static int defaultThreads() {
        Integer set = Integer.getInteger(PROPERTY);
        if (set != null) {
            return Math.max(1, Math.min(2, set));
        }
        return Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
    }

    private final List<Step> steps;
    private final Set<String> names = new HashSet<>();
    private final boolean[] started;
    private final Set<String> done = new HashSet<>();
    private final List<Ran> ran = new ArrayList<>();
    private Error fatal;
    private boolean interrupted;

    /** Null: the first ready step; else a random ready one (tests: any order the dependencies allow). */
    private final java.util.random.RandomGenerator shuffle;
    /** With {@code shuffle}: this step only when no other is ready (tests: each step as late as the others allow). */
    private final String postponed;

    private SideBySide(List<Step> steps, java.util.random.RandomGenerator shuffle, String postponed) {
        this.steps = List.copyOf(steps);
        this.shuffle = shuffle;
        this.postponed = postponed;
        this.started = new boolean[steps.size()];
        steps.forEach(s -> names.add(s.name()));
    }

    /**
     * Runs every step and returns when all are done, in the order they finished. {@code threads} 1 runs them in order
     * on the calling thread. An {@link Error} in a step is thrown here, after the other steps have finished.
     */
    static List<Ran> run(List<Step> steps, int threads) {
        return run(steps, threads, null, null);
    }

    /**
     * As {@link #run(List, int)}; with {@code shuffle}, each thread takes a random ready step instead of the first, and
     * the step named {@code postponed} (may be null) only when no other is ready.
     */
    static List<Ran> run(List<Step> steps, int threads, java.util.random.RandomGenerator shuffle, String postponed) {
        SideBySide run = new SideBySide(steps, shuffle, postponed);
        Thread helper = null;
        if (threads > 1 && steps.size() > 1) {
            helper = Thread.ofPlatform().daemon().name("import-side-by-side").start(() -> run.work(1));
        }
        run.work(0);
        if (helper != null) {
            joinUninterruptibly(helper);
        }
        synchronized (run) {
            if (run.interrupted) {
                Thread.currentThread().interrupt();
            }
            if (run.fatal != null) {
                throw run.fatal;
            }
            return List.copyOf(run.ran);
        }
    }

    private void work(int lane) {
        for (Step s = next(); s != null; s = next()) {
            long wall = System.nanoTime();
            long cpu = threadCpu();
            RuntimeException failure = null;
            try {
                s.work().accept(lane);
            } catch (RuntimeException e) {
                failure = e;
                LOG.warn("import step {} failed; its catch-up redoes it, the import stays as it is", s.name(), e);
            } catch (Error e) {
                synchronized (this) {
                    fatal = fatal == null ? e : fatal;
                }
            } catch (Throwable e) { // a checked exception thrown sneakily: still a failed step, never a stuck join
                failure = new IllegalStateException(e);
                LOG.warn("import step {} failed; its catch-up redoes it, the import stays as it is", s.name(), e);
            }
            finished(new Ran(s, lane, wall, (System.nanoTime() - wall) / 1e9, (threadCpu() - cpu) / 1e9, failure));
        }
    }

    /** The first step not started whose steps to run after are done; waits while one is running that may free one. */
    private synchronized Step next() {
        while (true) {
            boolean waiting = false;
            List<Integer> ready = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                if (started[i]) {
                    continue;
                }
                waiting = true;
                if (steps.get(i).after().stream().allMatch(a -> done.contains(a) || !names.contains(a))) {
                    ready.add(i);
                }
            }
            if (ready.size() > 1 && shuffle != null) {
                ready.removeIf(i -> steps.get(i).name().equals(postponed));
            }
            if (!ready.isEmpty()) {
                int i = ready.get(shuffle == null ? 0 : shuffle.nextInt(ready.size()));
                started[i] = true;
                return steps.get(i);
            }
            if (!waiting) {
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // given back to the caller at the end; the steps run to their end
            }
        }
    }

    private synchronized void finished(Ran r) {
        done.add(r.step().name());
        ran.add(r);
        notifyAll();
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static long threadCpu() {
        return THREAD_CPU ? Cpu.nanos() : 0;
    }

    /** Loaded only when java.management is there. */
    private static final class Cpu {
        static long nanos() {
            return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }
}
