package com.fankeep.core.followup;

import java.time.OffsetDateTime;

/**
 * One item for a customer's timeline: an interaction or a follow-up.
 *
 * @param kind   {@code interaction} or {@code follow_up}
 * @param detail the interaction kind (call, chat …) or the follow-up status (open, done, cancelled)
 * @param at     when it happened, or for an open follow-up when it is due (start of day in the zone)
 */
public record TimelineEntry(OffsetDateTime at, String kind, String detail, String title, long id) {

    public static final String INTERACTION = "interaction";
    public static final String FOLLOW_UP = "follow_up";
}
