package com.fankeep.core.followup;

import com.fankeep.core.interaction.ContactMedium;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A personal follow-up: get in touch with {@code customerName} about {@code title} on {@code dueDate}.
 *
 * @param scheduledDate the nominal date (a snooze moves {@code dueDate} only)
 * @param recurrence    null when it does not repeat
 * @param channel       null when not chosen
 */
public record FollowUp(long id, long customerId, String customerName, String title, FollowUpReason reason,
                       LocalDate dueDate, LocalTime dueTime, ContactMedium channel, Long templateId,
                       Recurrence recurrence, FollowUpStatus status, Long orderId, String originKey,
                       Long previousId, Long interactionId, OffsetDateTime doneAt, LocalDate scheduledDate,
                       LocalDate anchorDate) {

    public boolean isOpen() {
        return status == FollowUpStatus.OPEN;
    }

    public boolean isSnoozed() {
        return scheduledDate != null && !scheduledDate.equals(dueDate);
    }
}
