package com.fankeep.core.insight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the dashboard shows: the days from {@code from} to {@code to} (both included, the app's time zone) on one
 * platform or all (null); compared with the period of the same length just before.
 */
public record DashboardQuery(LocalDate from, LocalDate to, String platform) {

    public DashboardQuery {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period starts after it ends: " + from + " > " + to);
        }
        platform = platform == null || platform.isBlank() ? null : platform.strip();
    }

    /** The last {@code days} days up to and including {@code today}. */
    public static DashboardQuery lastDays(LocalDate today, int days, String platform) {
        return new DashboardQuery(today.minusDays(days - 1L), today, platform);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public LocalDate previousFrom() {
        return from.minusDays(days());
    }

    public LocalDate previousTo() {
        return from.minusDays(1);
    }

    /** The platform as buyer_first names it ('*': any). */
    String firstKey() {
        return platform == null ? "*" : platform;
    }
}
