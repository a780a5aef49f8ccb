package com.fankeep.core.followup;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * When the next occurrence of a recurring follow-up falls. Pure; no clock.
 * <p>
 * Days and weeks count from when the last one was done (a "call every 30 days" means 30 days after the last call),
 * but never land on or before the occurrence just done (done early, they count from its date).
 * Months and years stay on the calendar of the series' first date (the anchor): from Jan 31 monthly gives Feb 28 (29
 * in a leap year), Mar 31, Apr 30; Feb 29 yearly gives Feb 28 in other years and Feb 29 again in leap years. An
 * occurrence done late skips the dates already past, so a late "done" never leaves a backlog of overdue copies.
 * Birthdays fall on the month and day (the year of birth may be unknown); Feb 29 birthdays on Feb 28 in common years.
 */
public final class RecurrenceCalculator {

    private RecurrenceCalculator() {
    }

    /**
     * @param anchor    the first date of the series (its day of month is kept for months and years)
     * @param scheduled the nominal date of the occurrence just done (before any snooze)
     * @param doneOn    the day it was done; the result is always after it
     */
    public static LocalDate next(Recurrence r, LocalDate anchor, LocalDate scheduled, LocalDate doneOn) {
        return switch (r.unit()) {
            case DAY -> afterNominal(doneOn.plusDays(r.every()), scheduled.plusDays(r.every()), scheduled);
            case WEEK -> afterNominal(doneOn.plusWeeks(r.every()), scheduled.plusWeeks(r.every()), scheduled);
            case MONTH -> calendarNext(anchor, scheduled, doneOn, r.every(), 0);
            case YEAR -> calendarNext(anchor, scheduled, doneOn, 0, r.every());
            case BIRTHDAY -> nextBirthday(MonthDay.from(anchor), doneOn.isAfter(scheduled) ? doneOn : scheduled);
        };
    }

    /** Done early: counting from the done day could land before the current date; then count from the nominal date. */
    private static LocalDate afterNominal(LocalDate fromDone, LocalDate fromNominal, LocalDate scheduled) {
        return fromDone.isAfter(scheduled) ? fromDone : fromNominal;
    }

    private static LocalDate calendarNext(LocalDate anchor, LocalDate scheduled, LocalDate doneOn, int months, int years) {
        int step = months + 12 * years;
        // the k-th occurrence is anchor + k*step months (clamped to the month's length), counted from the anchor
        long k = monthsBetween(anchor, scheduled) / step + 1;
        LocalDate candidate = anchor.plusMonths(k * step);
        while (!candidate.isAfter(doneOn) || !candidate.isAfter(scheduled)) {
            k++;
            candidate = anchor.plusMonths(k * step);
        }
        return candidate;
    }

    private static long monthsBetween(LocalDate anchor, LocalDate scheduled) {
        long m = (scheduled.getYear() - anchor.getYear()) * 12L + scheduled.getMonthValue() - anchor.getMonthValue();
        return Math.max(0, m);
    }

    /** The first birthday strictly after {@code after}. */
    public static LocalDate nextBirthday(MonthDay birthday, LocalDate after) {
        LocalDate d = onYear(birthday, after.getYear());
        return d.isAfter(after) ? d : onYear(birthday, after.getYear() + 1);
    }

    /** The first birthday on or after {@code from}. */
    public static LocalDate birthdayOnOrAfter(MonthDay birthday, LocalDate from) {
        return nextBirthday(birthday, from.minusDays(1));
    }

    /** The birthday in {@code year}; Feb 29 is Feb 28 in a common year. */
    public static LocalDate onYear(MonthDay birthday, int year) {
        return birthday.isValidYear(year) ? birthday.atYear(year) : LocalDate.of(year, 2, 28);
    }
}
