package com.fankeep.core.launch;

import java.time.OffsetDateTime;

/** A fan's request as the report lists it: what they asked, what they got, their waiting-list place and the reason. */
public record AllocationLine(long customerId, String name, String tier, int requested, OffsetDateTime requestedAt, String channel,
                             String state, int allocated, Integer waitlistPosition, String reason) {
}
