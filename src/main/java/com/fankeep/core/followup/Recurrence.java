package com.fankeep.core.followup;

/** "Every {@code every} {@code unit}s"; for {@link RecurrenceUnit#BIRTHDAY} {@code every} is 1. */
public record Recurrence(RecurrenceUnit unit, int every) {

    public Recurrence {
        if (unit == null) {
            throw new IllegalArgumentException("recurrence needs a unit");
        }
        if (every < 1 || every > 1000) {
            throw new IllegalArgumentException("recurrence every must be 1..1000, was " + every);
        }
    }

    public static Recurrence birthday() {
        return new Recurrence(RecurrenceUnit.BIRTHDAY, 1);
    }
}
