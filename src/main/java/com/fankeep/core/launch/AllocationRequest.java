package com.fankeep.core.launch;

import java.time.OffsetDateTime;

/**
 * One fan's request for the first batch, as the allocator sees it.
 *
 * @param tier the fan's tier code (iron_fan, vip, regular, new, lapsed) or null
 */
public record AllocationRequest(long customerId, String tier, int quantity, OffsetDateTime askedAt) {

    public AllocationRequest {
        if (quantity < 1) {
            throw new IllegalArgumentException("a request is for at least 1");
        }
        java.util.Objects.requireNonNull(askedAt, "askedAt");
    }
}
