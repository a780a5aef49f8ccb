package com.fankeep.core.launch;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Shares a quota among requests: a pure function of (requests, rules) — the same seed always gives the same result,
 * whatever order the requests come in. Requests of one fan are summed (earliest time counts). Fans are put in the
 * policy's order and served in turn, each at most the per-customer limit, until the quota is gone; a fan who got less
 * than they could takes the next waiting-list place.
 */
public final class FairAllocator {

    private FairAllocator() {
    }

    public static List<Allocation> allocate(List<AllocationRequest> requests, AllocationRules rules) {
        List<Fan> fans = new ArrayList<>(merge(requests).values()); // ascending customer id: the lottery's fixed start
        order(fans, rules);
        List<Allocation> out = new ArrayList<>(fans.size());
        int remaining = rules.quota();
        int waiting = 0;
        for (int i = 0; i < fans.size(); i++) {
            Fan f = fans.get(i);
            int wanted = Math.min(f.quantity, rules.perCustomerLimit());
            int given = Math.min(wanted, remaining);
            remaining -= given;
            Integer position = given < wanted ? ++waiting : null;
            out.add(new Allocation(f.customerId, f.tier, f.askedAt, f.quantity, wanted, given, position, i + 1,
                    rules.inWindow(f.askedAt)));
        }
        return List.copyOf(out);
    }

    private static void order(List<Fan> fans, AllocationRules rules) {
        Comparator<Fan> byTime = Comparator.comparing((Fan f) -> f.askedAt).thenComparingLong(f -> f.customerId);
        switch (rules.policy()) {
            case TIME -> fans.sort(byTime);
            case TIER_TIME -> fans.sort(Comparator.comparingInt((Fan f) -> rules.inWindow(f.askedAt) ? 0 : 1)
                    .thenComparingInt(f -> rules.inWindow(f.askedAt) ? TierOrder.rank(f.tier) : 0)
                    .thenComparing(byTime));
            case LOTTERY -> {
                SplittableRandom random = new SplittableRandom(rules.seed());
                Map<Long, Double> key = new HashMap<>();
                for (Fan f : fans) {
                    // exponential clocks: the smallest -ln(u)/w draws first (weighted sampling without replacement)
                    double w = rules.tierWeighted() ? TierOrder.weight(f.tier) : 1;
                    key.put(f.customerId, -Math.log(1 - random.nextDouble()) / w);
                }
                fans.sort(Comparator.comparingDouble((Fan f) -> key.get(f.customerId)).thenComparingLong(f -> f.customerId));
            }
        }
    }

    private static TreeMap<Long, Fan> merge(List<AllocationRequest> requests) {
        TreeMap<Long, Fan> byFan = new TreeMap<>();
        for (AllocationRequest r : requests) {
            Fan f = byFan.computeIfAbsent(r.customerId(), id -> new Fan(id, r.askedAt()));
            f.quantity += r.quantity();
            if (r.askedAt().isBefore(f.askedAt)) {
                f.askedAt = r.askedAt();
            }
            if (f.tier == null || TierOrder.rank(r.tier()) < TierOrder.rank(f.tier)) {
                f.tier = r.tier();
            }
        }
        return byFan;
    }

    private static final class Fan {
        final long customerId;
        OffsetDateTime askedAt;
        String tier;
        int quantity;

        Fan(long customerId, OffsetDateTime askedAt) {
            this.customerId = customerId;
            this.askedAt = askedAt;
        }
    }
}
