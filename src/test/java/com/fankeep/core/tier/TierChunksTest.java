package com.fankeep.core.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.PropertyRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The tier recompute's parts (ADR 0053): every id once, runs of consecutive ids as ranges that hold exactly those ids
 * (never more than the longest run allowed), the rest in short lists.
 */
class TierChunksTest {

    @Test
    void aRunOfConsecutiveIdsIsARangeAndTheRestAreLists() {
        List<List<Long>> parts = TierRepository.chunks(List.of(9L, 1L, 2L, 3L, 4L, 5L, 20L, 7L), 3, 4);
        assertThat(parts).containsExactly(List.of(1L, 2L, 3L, 4L), List.of(5L, 7L, 9L), List.of(20L));
        assertThat(TierRepository.isRun(parts.get(0))).isTrue();
        assertThat(TierRepository.isRun(List.of(5L, 7L))).isFalse();
        assertThat(TierRepository.isRun(List.of(5L))).isFalse();
        assertThat(TierRepository.chunks(List.of(1L, 2L, 3L, 4L), 3, 0)).containsExactly(List.of(1L, 2L, 3L), List.of(4L));
    }

    @Test
    void thePartsHoldEveryIdOnceAndARangePartOnlyItsIds() {
        PropertyRunner.check("tier chunks", 200, r -> r.nextLong(), seed -> {
            var random = new java.util.SplittableRandom(seed);
            Set<Long> ids = new TreeSet<>();
            long next = 1 + random.nextInt(50);
            for (int block = random.nextInt(12); block >= 0; block--) {
                int length = random.nextInt(1, 40);
                for (int i = 0; i < length; i++) {
                    ids.add(next + i);
                }
                next += length + (random.nextBoolean() ? 1 + random.nextInt(5) : 0);
            }
            int size = random.nextInt(2, 8);
            int maxRun = random.nextBoolean() ? 0 : random.nextInt(size, 3 * size);
            List<Long> all = new ArrayList<>();
            for (List<Long> part : TierRepository.chunks(ids, size, maxRun)) {
                assertThat(part).as("seed %s", seed).isNotEmpty().isSorted();
                if (TierRepository.isRun(part)) {
                    assertThat(part.getLast() - part.getFirst() + 1).as("a range holds exactly its ids").isEqualTo(part.size());
                }
                if (maxRun > 0 && part.size() > size) {
                    assertThat(TierRepository.isRun(part)).as("a part longer than a list is a run").isTrue();
                    assertThat(part.size()).isLessThanOrEqualTo(maxRun);
                }
                if (maxRun == 0) {
                    assertThat(part.size()).isLessThanOrEqualTo(size);
                }
                all.addAll(part);
            }
            assertThat(new TreeSet<>(all)).as("seed %s", seed).isEqualTo(ids);
            assertThat(all).hasSameSizeAs(ids);
        });
    }
}
