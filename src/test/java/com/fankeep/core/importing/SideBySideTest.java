package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scheduler of the import's derive steps (ADR 0057): dependencies kept, two threads used, failures contained. */
class SideBySideTest {

    @Test
    void independentStepsRunAtOnceAndADependentStartsOnlyAfterWhatItNeeds() {
        CountDownLatch bothRunning = new CountDownLatch(2);
        List<String> events = new CopyOnWriteArrayList<>();
        Runnable meet = () -> {
            bothRunning.countDown();
            try {
                // each waits for the other: only two threads at once get past this
                assertThat(bothRunning.await(20, TimeUnit.SECONDS)).as("the other step ran at the same time").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        List<SideBySide.Ran> ran = SideBySide.run(List.of(
                step("a", Set.of(), () -> { events.add("a start"); meet.run(); events.add("a end"); }),
                step("b", Set.of(), () -> { events.add("b start"); meet.run(); events.add("b end"); }),
                step("c", Set.of("a", "b"), () -> events.add("c")),
                step("d", Set.of("c", "not in this run"), () -> events.add("d"))), 2);
        assertThat(ran).extracting(r -> r.step().name()).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(ran).extracting(SideBySide.Ran::lane).contains(0, 1);
        assertThat(events.indexOf("c")).isGreaterThan(events.indexOf("a end")).isGreaterThan(events.indexOf("b end"));
        assertThat(events.getLast()).isEqualTo("d");
    }

    @Test
    void oneThreadRunsTheStepsInTheOrderGiven() {
        List<String> events = new CopyOnWriteArrayList<>();
        SideBySide.run(List.of(step("x", Set.of(), () -> events.add("x")), step("y", Set.of(), () -> events.add("y")),
                step("z", Set.of("x"), () -> events.add("z"))), 1);
        assertThat(events).containsExactly("x", "y", "z");
    }

    @Test
    void aFailingStepIsLoggedAndItsDependentsStillRunAnErrorIsThrownAfterTheOthers() {
        List<String> events = new CopyOnWriteArrayList<>();
        List<SideBySide.Ran> ran = SideBySide.run(List.of(
                step("fails", Set.of(), () -> { throw new IllegalStateException("planted"); }),
                step("after it", Set.of("fails"), () -> events.add("after it"))), 2);
        assertThat(events).containsExactly("after it");
        assertThat(ran.stream().filter(r -> r.step().name().equals("fails")).findFirst().orElseThrow().failure())
                .hasMessage("planted");

        assertThatThrownBy(() -> SideBySide.run(List.of(
                step("errs", Set.of(), () -> { throw new AssertionError("planted error"); }),
                step("other", Set.of(), () -> events.add("other"))), 2)).hasMessage("planted error");
        assertThat(events).contains("other");
    }

    private static SideBySide.Step step(String name, Set<String> after, Runnable work) {
        return new SideBySide.Step(name, after, lane -> work.run());
    }
}
