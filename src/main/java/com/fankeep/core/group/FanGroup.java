package com.fankeep.core.group;

import java.time.OffsetDateTime;

/**
 * A group as listed.
 *
 * @param capacity        most current members allowed, null for no limit
 * @param eligibleSegment a saved segment's name or a rule; null when anyone may join
 * @param members         current members (those who left not counted)
 */
public record FanGroup(long id, String name, GroupKind kind, Integer capacity, String eligibleSegment, String city,
                       int members, OffsetDateTime createdAt) {

    /** Places still free, or -1 without a limit. */
    public int free() {
        return capacity == null ? -1 : Math.max(0, capacity - members);
    }
}
