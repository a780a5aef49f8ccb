package com.fankeep.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.PropertyRunner;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Fair allocation over generated requests (seeded: see {@link PropertyRunner} to repeat a failure). */
class FairAllocatorProperties {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");
    private static final List<String> TIERS = java.util.Arrays.asList("iron_fan", "vip", "regular", "new", "lapsed", null);

    record Case(List<AllocationRequest> requests, AllocationRules rules) {
    }

    static Case draw(RandomGenerator r) {
        int fans = 1 + r.nextInt(30);
        List<AllocationRequest> requests = new ArrayList<>();
        for (int i = 0; i < fans; i++) {
            long id = 1 + r.nextInt(40);
            requests.add(new AllocationRequest(id, TIERS.get((int) (id % TIERS.size())), 1 + r.nextInt(4),
                    T0.plusMinutes(r.nextInt(240))));
        }
        AllocationPolicy policy = AllocationPolicy.values()[r.nextInt(3)];
        OffsetDateTime from = r.nextBoolean() ? null : T0.plusMinutes(r.nextInt(60));
        OffsetDateTime to = r.nextBoolean() ? null : T0.plusMinutes(120 + r.nextInt(60));
        return new Case(requests, new AllocationRules(policy, r.nextInt(40), 1 + r.nextInt(3), r.nextLong(), r.nextBoolean(), from, to));
    }

    @Test
    void neverMoreThanTheQuotaNorTheLimitPerFan() {
        PropertyRunner.check("launch quota and limit", 300, FairAllocatorProperties::draw, c -> {
            List<Allocation> out = FairAllocator.allocate(c.requests(), c.rules());
            assertThat(out.stream().mapToInt(Allocation::allocated).sum()).isLessThanOrEqualTo(c.rules().quota());
            assertThat(out).allSatisfy(a -> assertThat(a.allocated()).isBetween(0, c.rules().perCustomerLimit()));
            assertThat(out).extracting(Allocation::customerId).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(c.requests().stream().map(AllocationRequest::customerId).distinct().toList());
            // nothing is left unused while a fan still waits
            int total = out.stream().mapToInt(Allocation::allocated).sum();
            if (out.stream().anyMatch(a -> a.waitlistPosition() != null)) {
                assertThat(total).isEqualTo(c.rules().quota());
            }
            // a fan allocated less than they could has a waitlist position, 1..n in serving order
            List<Integer> positions = out.stream().map(Allocation::waitlistPosition).filter(java.util.Objects::nonNull).toList();
            assertThat(positions).isEqualTo(java.util.stream.IntStream.rangeClosed(1, positions.size()).boxed().toList());
            assertThat(out).allSatisfy(a -> assertThat(a.waitlistPosition() != null).isEqualTo(a.allocated() < a.wanted()));
        });
    }

    @Test
    void theSameSeedGivesTheSameResultWhateverTheRequestOrder() {
        PropertyRunner.check("launch deterministic", 200, FairAllocatorProperties::draw, c -> {
            List<AllocationRequest> shuffled = new ArrayList<>(c.requests());
            Collections.shuffle(shuffled, new java.util.Random(c.rules().seed()));
            assertThat(FairAllocator.allocate(shuffled, c.rules())).isEqualTo(FairAllocator.allocate(c.requests(), c.rules()));
        });
    }

    @Test
    void tierTimeNeverServesALowerTierBeforeAHigherOneWhoAskedInTheWindow() {
        PropertyRunner.check("launch tier-time", 300, r -> {
            Case c = draw(r);
            AllocationRules x = c.rules();
            return new Case(c.requests(), new AllocationRules(AllocationPolicy.TIER_TIME, x.quota(), x.perCustomerLimit(), x.seed(),
                    false, x.windowFrom(), x.windowTo()));
        }, c -> {
            List<Allocation> out = FairAllocator.allocate(c.requests(), c.rules());
            for (Allocation higher : out) {
                if (!higher.inWindow() || higher.allocated() == higher.wanted()) {
                    continue;
                }
                // higher was not served in full: nobody of a lower tier may have got a unit
                for (Allocation lower : out) {
                    if (TierOrder.rank(lower.tier()) > TierOrder.rank(higher.tier())) {
                        assertThat(lower.allocated()).as("%s got units while %s waited", lower, higher).isZero();
                    }
                }
            }
        });
    }

    @Test
    void waitlistPromotionKeepsOrder() {
        PropertyRunner.check("launch waitlist promotion", 300, r -> {
            int n = r.nextInt(12);
            List<WaitlistEntry> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int wanted = 1 + r.nextInt(3);
                list.add(new WaitlistEntry(100 + i * 7L + r.nextInt(7) - 50L * (i % 2), wanted, i == 0 ? r.nextInt(wanted) : 0, i + 1));
            }
            Collections.shuffle(list, new java.util.Random(r.nextLong()));
            return Map.entry(list, r.nextInt(8));
        }, c -> {
            List<WaitlistEntry> waitlist = c.getKey();
            int freed = c.getValue();
            Map<Long, Promotion> byFan = new HashMap<>();
            WaitlistPromotion.promote(waitlist, freed).forEach(p -> byFan.put(p.customerId(), p));
            List<WaitlistEntry> ordered = waitlist.stream().sorted(java.util.Comparator.comparingInt(WaitlistEntry::position)).toList();
            int given = 0;
            boolean someoneStillWaits = false;
            int expectedPosition = 0;
            for (WaitlistEntry e : ordered) {
                Promotion p = byFan.get(e.customerId());
                int now = p == null ? e.allocated() : p.allocatedNow();
                Integer position = p == null ? Integer.valueOf(e.position()) : p.newPosition();
                given += now - e.allocated();
                if (now > e.allocated()) {
                    assertThat(someoneStillWaits).as("%s promoted past someone above still waiting", e).isFalse();
                }
                if (now < e.wanted()) {
                    someoneStillWaits = true;
                    assertThat(position).isEqualTo(++expectedPosition);
                } else {
                    assertThat(position).isNull();
                }
            }
            int room = ordered.stream().mapToInt(e -> e.wanted() - e.allocated()).sum();
            assertThat(given).isEqualTo(Math.min(freed, room));
        });
    }
}
