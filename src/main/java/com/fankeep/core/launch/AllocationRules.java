package com.fankeep.core.launch;

import java.time.OffsetDateTime;

/**
 * What an allocation is run under.
 *
 * @param windowFrom,windowTo the phase window (null: open); tier-time serves requests asked inside it by tier, the
 *                            others after them by time
 * @param tierWeighted        lottery only: higher tiers draw with more weight
 */
public record AllocationRules(AllocationPolicy policy, int quota, int perCustomerLimit, long seed, boolean tierWeighted,
                              OffsetDateTime windowFrom, OffsetDateTime windowTo) {

    public AllocationRules {
        if (quota < 0 || perCustomerLimit < 1) {
            throw new IllegalArgumentException("quota >= 0 and per-customer limit >= 1");
        }
    }

    boolean inWindow(OffsetDateTime at) {
        return (windowFrom == null || !at.isBefore(windowFrom)) && (windowTo == null || !at.isAfter(windowTo));
    }
}
