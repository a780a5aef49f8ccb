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

    /**
     * Members past the capacity (0 when within it). Adds never pass the capacity, but undoing a merge puts back the
     * membership the merge had folded into the survivor, even if the capacity was lowered meanwhile: the undo restores
     * the owner's earlier data as it was, so it is allowed, and the group shows it is over (ADR 0025). Adds stay refused
     * until members leave.
     */
    public int overCapacity() {
        return capacity == null ? 0 : Math.max(0, members - capacity);
    }
}
