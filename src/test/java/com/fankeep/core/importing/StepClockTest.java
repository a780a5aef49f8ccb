package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each step of the clock gets the heap seen while it ran, not the job's: the bench lays the import's peak heap to its
 * steps (ADR 0063). The fake heap answers with the interval it was asked about.
 */
class StepClockTest {

    /** Remembers the intervals asked; answers 1 MB per millisecond of the interval, -1 after GC when asked for none. */
    private static final class Intervals implements StepClock.Heap {
        final List<long[]> asked = new ArrayList<>();

        @Override
        public long peakMb(long fromNanos, long toNanos) {
            asked.add(new long[] {fromNanos, toNanos});
            return (toNanos - fromNanos) / 1_000_000;
        }

        @Override
        public long afterGcMb(long fromNanos, long toNanos) {
            return toNanos - fromNanos > 1_000_000_000L ? -1 : 7;
        }
    }

    @Test
    void aStepGetsTheHeapOfItsOwnInterval() throws Exception {
        StepClock clock = new StepClock();
        Intervals heap = new Intervals();
        clock.heap(heap);
        clock.start();
        long before = System.nanoTime();
        Thread.sleep(30);
        clock.mark("first");
        long between = System.nanoTime();
        Thread.sleep(5);
        clock.mark("second");
        clock.part("a part", 1_000_000L, 0.040, 0.01);

        List<StepClock.Step> steps = clock.steps();
        assertThat(steps).extracting(StepClock.Step::name).containsExactly("first", "second", "a part");
        // the first step's interval starts at start() and ends at its mark; the second starts where the first ended
        assertThat(heap.asked.get(0)[0]).isLessThanOrEqualTo(before);
        assertThat(heap.asked.get(0)[1]).isBetween(before, between);
        assertThat(heap.asked.get(1)[0]).isEqualTo(heap.asked.get(0)[1]);
        assertThat(steps.get(0).peakHeapMb()).isBetween(30L, 1_000L);
        assertThat(steps.get(1).peakHeapMb()).isLessThan(steps.get(0).peakHeapMb());
        // a part: from its own start, for its own wall
        assertThat(heap.asked.get(2)).containsExactly(1_000_000L, 41_000_000L);
        assertThat(steps.get(2).peakHeapMb()).isEqualTo(40L);
        assertThat(steps.get(2).afterGcMb()).isEqualTo(7L);
        assertThat(steps.get(2).seconds()).isEqualTo(0.040, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void withoutAHeapTheColumnsSayUnknown() {
        StepClock clock = new StepClock();
        clock.start();
        clock.mark("one");
        assertThat(clock.steps().get(0).peakHeapMb()).isEqualTo(-1);
        assertThat(clock.steps().get(0).afterGcMb()).isEqualTo(-1);
        StepClock.NONE.heap(new Intervals()); // the shared no-op clock keeps no heap
        StepClock.NONE.mark("x");
        assertThat(StepClock.NONE.steps()).isEmpty();
    }
}
