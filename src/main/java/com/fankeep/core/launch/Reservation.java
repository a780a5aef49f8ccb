package com.fankeep.core.launch;

import java.time.OffsetDateTime;

/**
 * A fan's request in the first batch and, once allocated, what they got, their waiting-list place and the reason
 * stored when the allocation was committed (in the language of that moment; null before a commit).
 */
public record Reservation(long id, long customerId, String name, String tier, int quantity, OffsetDateTime requestedAt,
                          String channel, String state, int allocated, Integer waitlistPosition, OffsetDateTime allocatedAt,
                          String allocationReason) {
}
