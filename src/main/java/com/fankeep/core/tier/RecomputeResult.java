package com.fankeep.core.tier;

/** What a recompute did: customers looked at and customers whose tier changed. */
public record RecomputeResult(long examined, long changed, long millis) {
}
