package com.fankeep.core.followup;

import java.util.Locale;

/** How a follow-up repeats; stored in follow_up.recurrence_unit. */
public enum RecurrenceUnit {
    DAY, WEEK, MONTH, YEAR,
    /** Yearly on the customer's birthday (month and day; the year may be unknown). */
    BIRTHDAY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecurrenceUnit fromCode(String code) {
        return code == null ? null : valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
