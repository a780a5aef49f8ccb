package com.fankeep.core.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.ImportBatch;
import com.fankeep.core.merge.MergeRecord;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.privacy.ErasureReason;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of imports, import undo, merges, merge undo, erasures, pins and unpins: after every step the tiers
 * the listeners kept up to date equal both an independent computation from the orders ({@link TierOracle}) and a full
 * recompute (which then changes nothing). The seed is printed; rerun one with {@code -Dfankeep.tiers.seed=N}, and more
 * steps with {@code -Dfankeep.tiers.steps=N}.
 */
class TierIncrementalTest {

    @TempDir
    Path temp;

    @Test
    void incrementalTiersEqualAFullRecomputeAfterRandomChanges() throws Exception {
        long seed = Long.getLong("fankeep.tiers.seed", System.nanoTime());
        int steps = Integer.getInteger("fankeep.tiers.steps", 40);
        System.out.println("[TierIncrementalTest] seed " + seed + " (rerun: -Dfankeep.tiers.seed=" + seed + ")");
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        try (TierWorld w = new TierWorld(temp, random, 30)) {
            w.importOrders(20);
            StringBuilder log = new StringBuilder("import 20");
            for (int step = 0; step < steps; step++) {
                log.append(" | ").append(step(w, random));
                Map<Long, String> stored = w.stored();
                assertThat(stored).as("seed %d, steps: %s", seed, log).isEqualTo(w.expected());
                if (step % 5 == 4) {
                    RecomputeResult full = w.tiers().recomputeAll(Progress.NONE, Cancellation.none());
                    assertThat(full.changed()).as("a full recompute after: %s (seed %d)", log, seed).isZero();
                }
            }
            assertThat(w.tiers().counts().stream().filter(c -> c.tier() != null && c.count() > 0).count())
                    .as("the sequence reached several tiers").isGreaterThanOrEqualTo(3);
        }
    }

    static String step(TierWorld w, RandomGenerator random) throws Exception {
        int op = random.nextInt(100);
        List<Long> live = w.live();
        if (op < 35 || live.size() < 3) {
            int n = 3 + random.nextInt(20);
            w.importOrders(n);
            return "import " + n;
        }
        if (op < 50) {
            List<ImportBatch> committed = w.services.imports().batches().stream().filter(b -> "committed".equals(b.status())).toList();
            if (committed.isEmpty()) {
                return "no undo";
            }
            long batch = committed.get(random.nextInt(committed.size())).id();
            w.services.imports().undo(batch);
            return "undo import " + batch;
        }
        if (op < 65) {
            long a = live.get(random.nextInt(live.size()));
            long b = live.get(random.nextInt(live.size()));
            if (a == b) {
                return "no merge";
            }
            w.services.merges().merge(new MergeRequest(List.of(a, b), a, Map.of()));
            return "merge " + b + " into " + a;
        }
        if (op < 73) {
            List<MergeRecord> merges = w.services.merges().history(100).stream().filter(m -> m.undoneAt() == null).toList();
            if (merges.isEmpty()) {
                return "no merge undo";
            }
            MergeRecord m = merges.get(random.nextInt(merges.size()));
            try {
                w.services.merges().undo(m.id());
                return "undo merge " + m.id();
            } catch (IllegalStateException | IllegalArgumentException e) {
                return "merge undo refused";
            }
        }
        if (op < 80) {
            long id = live.get(random.nextInt(live.size()));
            w.services.erasure().erase(id, ErasureReason.REQUEST);
            return "erase " + id;
        }
        if (op < 90) {
            long id = live.get(random.nextInt(live.size()));
            Tier tier = Tier.values()[random.nextInt(Tier.values().length)];
            w.tiers().pin(id, tier, "test");
            return "pin " + id + " " + tier.code();
        }
        long id = live.get(random.nextInt(live.size()));
        w.tiers().unpin(id);
        return "unpin " + id;
    }
}
