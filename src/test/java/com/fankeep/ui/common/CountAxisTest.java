package com.fankeep.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountAxisTest {

    @Test
    void stepsAreRoundAndAtMostEightReachTheTop() {
        assertThat(List.of(2L, 8L, 9L, 16L, 17L, 40L, 41L, 101L, 12_346L)).map(CountAxis::step)
                .containsExactly(1L, 1L, 2L, 2L, 5L, 5L, 10L, 20L, 2_000L);
    }
}
