package com.fankeep.core.interaction;

import java.time.OffsetDateTime;

/** What the owner enters to log (or edit) an interaction. A null {@code occurredAt} means now. */
public record NewInteraction(long customerId, InteractionKind kind, ContactMedium channel, OffsetDateTime occurredAt,
                             String summary, String body, boolean shareable, boolean consentGiven) {

    public NewInteraction {
        if (kind == null || channel == null) {
            throw new IllegalArgumentException("an interaction needs a kind and a channel");
        }
        summary = summary == null ? "" : summary.strip();
        if (summary.isEmpty()) {
            throw new IllegalArgumentException("an interaction needs a summary");
        }
        if (summary.length() > 500) {
            throw new IllegalArgumentException("the summary is longer than 500 characters");
        }
        body = body == null || body.isBlank() ? null : body;
    }

    public static NewInteraction quick(long customerId, InteractionKind kind, ContactMedium channel, String summary) {
        return new NewInteraction(customerId, kind, channel, null, summary, null, false, false);
    }
}
