package com.fankeep.core.tier;

import java.time.OffsetDateTime;

/** A tier set by hand; recomputing leaves the customer alone until it is removed. */
public record TierPin(long customerId, String tier, String reason, OffsetDateTime pinnedAt) {
}
