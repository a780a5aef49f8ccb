package com.fankeep.core.followup;

import com.fankeep.core.customer.TimelineSource;
import java.util.List;
import org.jooq.DSLContext;

/** Puts a customer's interactions and follow-ups on the profile's timeline, beside the orders. */
public final class FollowUpTimelineSource implements TimelineSource {

    private final FollowUpService followUps;

    public FollowUpTimelineSource(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public List<com.fankeep.core.customer.TimelineEntry> entries(DSLContext dsl, long customerId) {
        return followUps.timeline(customerId).stream()
                .map(e -> new com.fankeep.core.customer.TimelineEntry(e.at(), e.kind(), e.id(), e.title(), e.detail(), null,
                        List.of()))
                .toList();
    }
}
