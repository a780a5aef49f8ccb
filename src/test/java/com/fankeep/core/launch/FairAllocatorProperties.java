package com.fankeep.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.PropertyRunner;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The allocation's promises over generated requests (seeded: the seed is printed, -Dfankeep.seed repeats a run). */
class FairAllocatorProperties {

    private static final String[] TIERS = {"iron_fan", "vip", "regular", "new", "lapsed", null};
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    record Case(List<AllocationRequest> requests, AllocationRules rules) {
    }

    static Case generate(RandomGenerator r) {
        int fans = r.nextInt(0, 40);
        List<AllocationRequest> requests = new ArrayList<>();
        for (int i = 0; i < fans; i++) {
            long id = r.nextLong(1, 60);
            requests.add(new AllocationRequest(id, TIERS[(int) (id % TIERS.length)], r.nextInt(1, 5), T0.plusMinutes(r.nextInt(0, 600))));
        }
        AllocationPolicy policy = AllocationPolicy.values()[r.nextInt(3)];
        OffsetDateTime from = r.nextBoolean() ? null : T0.plusMinutes(r.nextInt(0, 100));
        OffsetDateTime to = r.nextBoolean() ? null : T0.plusMinutes(r.nextInt(200, 500));
        return new Case(requests, new AllocationRules(policy, r.nextInt(0, 50), r.nextInt(1, 4), r.nextLong(), r.nextBoolean(), from, to));
    }

    @Test
    void neverMoreThanTheQuotaOrTheLimitAndEveryFanOnce() {
        PropertyRunner.check("allocation bounds", 300, FairAllocatorProperties::generate, c -> {
            List<Allocation> out = FairAllocator.allocate(c.requests(), c.rules());
            assertThat(out.stream().mapToInt(Allocation::allocated).sum()).isLessThanOrEqualTo(c.rules().quota());
            assertThat(out).allSatisfy(a -> assertThat(a.allocated()).isBetween(0, c.rules().perCustomerLimit()));
            assertThat(out.stream().map(Allocation::customerId).distinct().count()).isEqualTo(c.requests().stream()
                    .map(AllocationRequest::customerId).distinct().count());
            // the quota is used up before anyone waits, and the waiting list is 1..n in serving order
            int waiting = 0;
            for (Allocation a : out) {
                if (a.allocated() < a.wanted()) {
                    assertThat(a.waitlistPosition()).isEqualTo(++waiting);
                } else {
                    assertThat(a.waitlistPosition()).isNull();
                }
            }
            if (waiting > 0) {
                assertThat(out.stream().mapToInt(Allocation::allocated).sum()).isEqualTo(c.rules().quota());
            }
        });
    }

    @Test
    void theSameSeedGivesTheSameResultWhateverTheOrderOfRequests() {
        PropertyRunner.check("allocation determinism", 200, FairAllocatorProperties::generate, c -> {
            List<AllocationRequest> shuffled = new ArrayList<>(c.requests());
            Collections.shuffle(shuffled, new Random(c.rules().seed()));
            assertThat(FairAllocator.allocate(shuffled, c.rules())).isEqualTo(FairAllocator.allocate(c.requests(), c.rules()));
        });
    }

    @Test
    void tierTimeNeverServesALowerTierBeforeAHigherOneWhoAskedInTheWindow() {
        PropertyRunner.check("tier-time order", 300, r -> {
            Case c = generate(r);
            AllocationRules x = c.rules();
            return new Case(c.requests(), new AllocationRules(AllocationPolicy.TIER_TIME, x.quota(), x.perCustomerLimit(), x.seed(), false,
                    x.windowFrom(), x.windowTo()));
        }, c -> {
            List<Allocation> out = FairAllocator.allocate(c.requests(), c.rules());
            for (Allocation high : out) {
                for (Allocation low : out) {
                    if (high.inWindow() && TierOrder.rank(high.tier()) < TierOrder.rank(low.tier()) && low.allocated() > 0) {
                        assertThat(high.allocated()).as("%s served before %s", low, high).isEqualTo(high.wanted());
                    }
                }
            }
        });
    }

    @Test
    void waitlistPromotionKeepsOrder() {
        PropertyRunner.check("waitlist order", 300, r -> {
            List<WaitlistEntry> list = new ArrayList<>();
            int n = r.nextInt(0, 15);
            for (int i = 0; i < n; i++) {
                int wanted = r.nextInt(1, 4);
                // distinct ids unrelated to the positions: a sort by id instead of position must show
                list.add(new WaitlistEntry(100 + (i * 7919L) % 1009, wanted, r.nextInt(0, wanted), i + 1));
            }
            Collections.shuffle(list, new Random(r.nextLong()));
            return new Object[] {list, r.nextInt(0, 10)};
        }, c -> {
            @SuppressWarnings("unchecked")
            List<WaitlistEntry> list = (List<WaitlistEntry>) c[0];
            int freed = (int) c[1];
            List<Promotion> out = WaitlistPromotion.promote(list, freed);
            Map<Long, Integer> added = new HashMap<>();
            out.forEach(p -> added.put(p.customerId(), p.added()));
            List<WaitlistEntry> ordered = new ArrayList<>(list);
            ordered.sort(java.util.Comparator.comparingInt(WaitlistEntry::position));
            int shortfall = ordered.stream().mapToInt(e -> e.wanted() - e.allocated()).sum();
            assertThat(added.values().stream().mapToInt(i -> i).sum()).isEqualTo(Math.min(freed, shortfall));
            boolean someoneStillShort = false;
            for (WaitlistEntry e : ordered) {
                int got = added.getOrDefault(e.customerId(), 0);
                if (someoneStillShort) {
                    assertThat(got).as("#%d promoted while someone above still waits", e.customerId()).isZero();
                }
                if (e.allocated() + got < e.wanted()) {
                    someoneStillShort = true;
                }
            }
        });
    }
}
