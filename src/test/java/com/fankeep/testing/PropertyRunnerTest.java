package com.fankeep.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PropertyRunnerTest {

    @AfterEach
    void clear() {
        System.clearProperty(PropertyRunner.SEED);
        System.clearProperty(PropertyRunner.TRIES);
    }

    @Test
    void aFailureNamesTheCaseTheSeedAndHowToRepeatTheTryAlone() {
        System.setProperty(PropertyRunner.SEED, "1000");
        assertThatThrownBy(() -> PropertyRunner.check("odd numbers", 50, r -> r.nextInt(100), v -> assertThat(v % 2).isOne()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("odd numbers failed at try")
                .hasMessageContaining("seed of the run: 1000 (-Dfankeep.seed=1000)")
                .hasMessageMatching("(?s).*this try alone: -Dfankeep.seed=10\\d\\d -Dfankeep.tries=1.*");
    }

    @Test
    void theSameSeedDrawsTheSameCasesAndATryAloneRepeatsIt() {
        System.setProperty(PropertyRunner.SEED, "42");
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        PropertyRunner.check("a", 20, r -> r.nextLong(), first::add);
        PropertyRunner.check("b", 20, r -> r.nextLong(), second::add);
        assertThat(first).hasSize(20).isEqualTo(second).doesNotHaveDuplicates();

        System.setProperty(PropertyRunner.SEED, "49");
        System.setProperty(PropertyRunner.TRIES, "1");
        List<Long> alone = new ArrayList<>();
        assertThat(PropertyRunner.check("c", 20, r -> r.nextLong(), alone::add)).isOne();
        assertThat(alone).containsExactly(first.get(7));
    }

    @Test
    void anExceptionIsAFailureToo() {
        assertThatThrownBy(() -> PropertyRunner.check("crash", 3, r -> "x", v -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("case: x").hasMessageContaining("IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
