package com.fankeep.core.launch;

import java.time.OffsetDateTime;

/**
 * One fan's result: what they asked, what they got, and their place on the waiting list when they got less.
 *
 * @param requested        what the fan asked in total
 * @param wanted           what they could get: the request capped at the per-customer limit
 * @param waitlistPosition 1-based, null when served in full
 * @param rank             1-based place in the order the policy served fans
 * @param inWindow         asked inside the phase window
 */
public record Allocation(long customerId, String tier, OffsetDateTime askedAt, int requested, int wanted, int allocated,
                         Integer waitlistPosition, int rank, boolean inWindow) {
}
