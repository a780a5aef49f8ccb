package com.fankeep.core.followup;

import java.time.LocalDate;
import java.util.List;

/** The Today page: open follow-ups before today, on today, and in the next days (in due order). */
public record Agenda(LocalDate today, List<FollowUp> overdue, List<FollowUp> dueToday, List<FollowUp> upcoming) {

    public Agenda {
        overdue = List.copyOf(overdue);
        dueToday = List.copyOf(dueToday);
        upcoming = List.copyOf(upcoming);
    }

    /** What the start-up notice counts. */
    public int dueOrOverdue() {
        return overdue.size() + dueToday.size();
    }
}
