package com.fankeep.core.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an import job's time goes, step by step up to "done" (the run, the commit or swap, each listener after it):
 * `bench import` prints it so the reader sees every phase the owner waits for. Not thread-safe: one job at a time.
 */
public class StepClock {

    /** One step: wall and process CPU seconds (all threads, GC included) since the step before. */
    public record Step(String name, double seconds, double cpuSeconds) {
    }

    /** Records nothing (the app and the CLI). */
    public static final StepClock NONE = new StepClock() {
        @Override
        public void mark(String step) {
        }

        @Override
        public void part(String step, double seconds, double threadCpuSeconds) {
        }
    };

    private final List<Step> steps = new ArrayList<>();
    private long wall = System.nanoTime();
    private long cpu = cpuNanos();

    /** Starts the first step now. */
    public void start() {
        steps.clear();
        wall = System.nanoTime();
        cpu = cpuNanos();
    }

    /** Ends the current step under {@code step}'s name and starts the next. */
    public void mark(String step) {
        long w = System.nanoTime();
        long c = cpuNanos();
        steps.add(new Step(step, (w - wall) / 1e9, (c - cpu) / 1e9));
        wall = w;
        cpu = c;
    }

    /**
     * A part of the step marked last, timed on its own thread while others ran beside it (ADR 0057): its wall and its
     * thread's CPU seconds, listed under that step; the clock's current step goes on.
     */
    public void part(String step, double seconds, double threadCpuSeconds) {
        steps.add(new Step(step, seconds, threadCpuSeconds));
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    private static long cpuNanos() {
        return com.fankeep.core.shared.ProcessCpu.nanos(); // 0 in the packaged runtime (no jdk.management)
    }
}
