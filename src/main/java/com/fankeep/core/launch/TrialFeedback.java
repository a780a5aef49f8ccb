package com.fankeep.core.launch;

import java.time.OffsetDateTime;

/** What a trial fan said back: an interaction of kind feedback, logged after the trial campaign opened. */
public record TrialFeedback(long interactionId, long customerId, String name, OffsetDateTime at, String channel, String summary,
                            String body) {
}
