package com.fankeep.core.launch;

import java.time.OffsetDateTime;

/** A fan's request in the first batch and, once allocated, what they got and their waiting-list place. */
public record Reservation(long id, long customerId, String name, String tier, int quantity, OffsetDateTime requestedAt,
                          String channel, String state, int allocated, Integer waitlistPosition, OffsetDateTime allocatedAt) {
}
