package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bulk path's ids as a sorted array are the same set as the HashSet they came from (ADR 0063). */
class SortedIdsTest {

    @Test
    void theSameSetAsTheCollectionItCameFrom() {
        Random r = new Random(11);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add((long) r.nextInt(20_000)); // repeats on purpose
        }
        Set<Long> expected = new HashSet<>(ids);
        Set<Long> sorted = SortedIds.of(ids);

        assertThat(sorted).hasSize(expected.size());
        assertThat(sorted).isEqualTo(expected);
        assertThat(expected).isEqualTo(sorted);
        assertThat(sorted.hashCode()).isEqualTo(expected.hashCode());
        for (long id = -1; id < 20_001; id++) {
            assertThat(sorted.contains(id)).isEqualTo(expected.contains(id));
        }
        assertThat(sorted.contains("7")).isFalse();
        assertThat(new ArrayList<>(sorted)).isSorted();
        assertThat(Set.copyOf(sorted)).isEqualTo(expected);
        assertThatThrownBy(() -> sorted.add(1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void empty() {
        assertThat(SortedIds.of(List.of())).isEmpty();
        assertThat(SortedIds.of(List.of()).iterator().hasNext()).isFalse();
    }
}
