package com.fankeep.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    /** One backup at noon on each of the last {@code days} days, ending 2026-11-23. */
    private static List<Instant> daily(int days) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            out.add(LocalDate.of(2026, 11, 23).minusDays(i).atTime(12, 0).toInstant(ZoneOffset.UTC));
        }
        return out;
    }

    @Test
    void aYearOfDailyBackupsKeepsSevenDaysFourWeeksAndTwelveMonths() {
        Set<Instant> kept = RetentionPolicy.DEFAULT.keep(daily(400), UTC);

        List<LocalDate> days = kept.stream().map(t -> LocalDate.ofInstant(t, UTC)).sorted().toList();
        // the last 7 days
        assertThat(days).contains(LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 23));
        assertThat(days).doesNotContain(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 14));
        // the Sundays ending the three ISO weeks before this one (this week's newest is today, a Monday)
        assertThat(days).contains(LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 8));
        assertThat(days).doesNotContain(LocalDate.of(2026, 11, 1));
        // last day of each of the previous months, back to December 2025
        assertThat(days).contains(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 1, 31), LocalDate.of(2025, 12, 31));
        assertThat(days).doesNotContain(LocalDate.of(2025, 11, 30));
        assertThat(kept).hasSizeLessThanOrEqualTo(7 + 4 + 12).hasSizeGreaterThan(12);
    }

    @Test
    void fewerBackupsThanSlotsAreAllKeptAndTheNewestAlways() {
        List<Instant> three = daily(3);
        assertThat(RetentionPolicy.DEFAULT.keep(three, UTC)).containsExactlyInAnyOrderElementsOf(three);
        assertThat(new RetentionPolicy(1, 0, 0).keep(daily(30), UTC)).containsExactly(daily(1).get(0));
    }

    @Test
    void severalBackupsOnOneDayKeepTheNewestOfThatDay() {
        Instant morning = Instant.parse("2026-11-23T08:00:00Z");
        Instant evening = Instant.parse("2026-11-23T20:00:00Z");
        assertThat(new RetentionPolicy(1, 0, 0).keep(List.of(morning, evening), UTC)).containsExactly(evening);
    }
}
