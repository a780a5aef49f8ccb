package com.fankeep.core.interaction;

import java.time.OffsetDateTime;

/** One logged contact with a customer. {@code consentAt}: when the customer agreed that a shareable story be shared. */
public record Interaction(long id, long customerId, InteractionKind kind, ContactMedium channel, OffsetDateTime occurredAt,
                          String summary, String body, boolean shareable, OffsetDateTime consentAt) {
}
