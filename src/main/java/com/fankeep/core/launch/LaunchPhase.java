package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One phase of a launch.
 *
 * @param audienceKind  segment, group or tier (null: no audience)
 * @param audienceValue a saved segment's name or a rule; a group's name; a tier code
 * @param startedAt     when the owner started it (its follow-ups were made then), null before
 * @param reached       the fans its follow-ups went to when started
 */
public record LaunchPhase(long id, PhaseKind kind, OffsetDateTime from, OffsetDateTime to, String audienceKind,
                          String audienceValue, Integer quota, Integer perCustomer, BigDecimal price, OffsetDateTime startedAt,
                          Integer reached) {

    public boolean contains(OffsetDateTime at) {
        return at != null && (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }
}
