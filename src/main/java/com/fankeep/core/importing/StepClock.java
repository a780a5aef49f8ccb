package com.fankeep.core.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an import job's time goes, step by step up to "done" (the run, the commit or swap, each listener after it):
 * `bench import` prints it so the reader sees every phase the owner waits for. Not thread-safe: one job at a time.
 */
public class StepClock {

    /**
     * One step: wall and process CPU seconds (all threads, GC included) since the step before; with a {@link Heap}, the
     * highest heap in use seen while it ran (garbage included) and the highest heap left after a collection (what it
     * held), in MB; -1 without one.
     */
    public record Step(String name, double seconds, double cpuSeconds, long peakHeapMb, long afterGcMb) {

        public Step(String name, double seconds, double cpuSeconds) {
            this(name, seconds, cpuSeconds, -1, -1);
        }
    }

    /** The heap seen between two {@link System#nanoTime()} instants (the bench's sampler). */
    public interface Heap {
        /** The highest heap in use sampled in [from, to], MB (garbage included). */
        long peakMb(long fromNanos, long toNanos);

        /** The highest heap in use right after a collection that ended in [from, to], MB; -1 if none ended. */
        long afterGcMb(long fromNanos, long toNanos);
    }

    /** Records nothing (the app and the CLI). */
    public static final StepClock NONE = new StepClock() {
        @Override
        public void mark(String step) {
        }

        @Override
        public void part(String step, long startNanos, double seconds, double threadCpuSeconds) {
        }

        @Override
        public void heap(Heap heap) {
        }
    };

    private final List<Step> steps = new ArrayList<>();
    private long wall = System.nanoTime();
    private long cpu = cpuNanos();
    private Heap heap;

    /** Starts the first step now. */
    public void start() {
        steps.clear();
        wall = System.nanoTime();
        cpu = cpuNanos();
    }

    /** Each step from now on gets the heap {@code heap} saw while it ran (the bench). */
    public void heap(Heap heap) {
        this.heap = heap;
    }

    /** Ends the current step under {@code step}'s name and starts the next. */
    public void mark(String step) {
        long w = System.nanoTime();
        long c = cpuNanos();
        steps.add(step(step, wall, w, (c - cpu) / 1e9));
        wall = w;
        cpu = c;
    }

    /**
     * A part of the step marked last, timed on its own thread while others ran beside it (ADR 0057): its wall from
     * {@code startNanos} and its thread's CPU seconds, listed under that step; the clock's current step goes on.
     */
    public void part(String step, long startNanos, double seconds, double threadCpuSeconds) {
        steps.add(step(step, startNanos, startNanos + (long) (seconds * 1e9), threadCpuSeconds));
    }

    private Step step(String name, long from, long to, double cpuSeconds) {
        Heap h = heap;
        return new Step(name, (to - from) / 1e9, cpuSeconds, h == null ? -1 : h.peakMb(from, to),
                h == null ? -1 : h.afterGcMb(from, to));
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    private static long cpuNanos() {
        return com.fankeep.core.shared.ProcessCpu.nanos(); // 0 in the packaged runtime (no jdk.management)
    }
}
