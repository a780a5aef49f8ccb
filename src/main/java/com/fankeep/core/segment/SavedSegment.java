package com.fankeep.core.segment;

import java.time.Instant;

/** A rule saved under a name, usable wherever a set of customers is asked for. */
public record SavedSegment(long id, String name, String rule, Instant updatedAt) {
}
