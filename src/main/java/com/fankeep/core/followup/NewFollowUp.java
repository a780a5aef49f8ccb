package com.fankeep.core.followup;

import com.fankeep.core.interaction.ContactMedium;
import java.time.LocalDate;
import java.time.LocalTime;

/** What the owner schedules; {@code dueTime}, {@code channel}, {@code templateId}, {@code recurrence} are optional. */
public record NewFollowUp(String title, FollowUpReason reason, LocalDate dueDate, LocalTime dueTime, ContactMedium channel,
                          Long templateId, Recurrence recurrence) {

    public NewFollowUp {
        title = title == null ? "" : title.strip();
        if (title.isEmpty()) {
            throw new IllegalArgumentException("a follow-up needs a title");
        }
        if (title.length() > 300) {
            throw new IllegalArgumentException("the title is longer than 300 characters");
        }
        if (dueDate == null) {
            throw new IllegalArgumentException("a follow-up needs a due date");
        }
        reason = reason == null ? FollowUpReason.MANUAL : reason;
    }

    public static NewFollowUp on(String title, LocalDate due) {
        return new NewFollowUp(title, FollowUpReason.MANUAL, due, null, null, null, null);
    }
}
