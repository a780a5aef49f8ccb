package com.fankeep.core.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceCalculatorTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** Completes each occurrence on its own date, n times, as the owner would. */
    private static List<LocalDate> series(Recurrence r, LocalDate anchor, int n) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate cur = anchor;
        for (int i = 0; i < n; i++) {
            cur = RecurrenceCalculator.next(r, anchor, cur, cur);
            out.add(cur);
        }
        return out;
    }

    @Test
    void monthlyFromJan31KeepsTheMonthEndWithoutDrifting() {
        assertThat(series(new Recurrence(RecurrenceUnit.MONTH, 1), d("2023-01-31"), 5))
                .containsExactly(d("2023-02-28"), d("2023-03-31"), d("2023-04-30"), d("2023-05-31"), d("2023-06-30"));
    }

    @Test
    void monthlyFromJan31InALeapYearGivesFeb29() {
        assertThat(series(new Recurrence(RecurrenceUnit.MONTH, 1), d("2024-01-31"), 2))
                .containsExactly(d("2024-02-29"), d("2024-03-31"));
    }

    @Test
    void everyThreeMonthsFromNov30CrossesTheYear() {
        assertThat(series(new Recurrence(RecurrenceUnit.MONTH, 3), d("2023-11-30"), 4))
                .containsExactly(d("2024-02-29"), d("2024-05-30"), d("2024-08-30"), d("2024-11-30"));
    }

    @Test
    void yearlyFromFeb29FallsOnFeb28InCommonYearsAndFeb29InLeapYears() {
        assertThat(series(new Recurrence(RecurrenceUnit.YEAR, 1), d("2024-02-29"), 4))
                .containsExactly(d("2025-02-28"), d("2026-02-28"), d("2027-02-28"), d("2028-02-29"));
    }

    @Test
    void daysAndWeeksCountFromWhenItWasDone() {
        Recurrence every30 = new Recurrence(RecurrenceUnit.DAY, 30);
        assertThat(RecurrenceCalculator.next(every30, d("2024-01-01"), d("2024-01-01"), d("2024-01-10")))
                .isEqualTo(d("2024-02-09"));
        Recurrence fortnight = new Recurrence(RecurrenceUnit.WEEK, 2);
        assertThat(RecurrenceCalculator.next(fortnight, d("2024-12-25"), d("2024-12-25"), d("2024-12-25")))
                .isEqualTo(d("2025-01-08"));
    }

    @Test
    void aDailyOneDoneEarlyCountsFromItsOwnDate() {
        Recurrence every3 = new Recurrence(RecurrenceUnit.DAY, 3);
        assertThat(RecurrenceCalculator.next(every3, d("2024-03-10"), d("2024-03-10"), d("2024-03-05")))
                .isEqualTo(d("2024-03-13"));
    }

    @Test
    void aMonthlyOneDoneLateSkipsTheDatesAlreadyPast() {
        Recurrence monthly = new Recurrence(RecurrenceUnit.MONTH, 1);
        // due Jan 31, done on Apr 2: the next is Apr 30, not Feb 29 or Mar 31 (no backlog of overdue copies)
        assertThat(RecurrenceCalculator.next(monthly, d("2024-01-31"), d("2024-01-31"), d("2024-04-02")))
                .isEqualTo(d("2024-04-30"));
    }

    @Test
    void aMonthlyOneDoneEarlyStillGoesToTheFollowingMonth() {
        Recurrence monthly = new Recurrence(RecurrenceUnit.MONTH, 1);
        assertThat(RecurrenceCalculator.next(monthly, d("2024-03-15"), d("2024-03-15"), d("2024-03-01")))
                .isEqualTo(d("2024-04-15"));
    }

    @Test
    void birthdaysWithoutAYearComeBackEveryYear() {
        // anchored in year 2000: only the month and day matter
        Recurrence b = Recurrence.birthday();
        assertThat(series(b, d("2000-07-14"), 1)).containsExactly(d("2001-07-14"));
        assertThat(RecurrenceCalculator.next(b, d("2000-07-14"), d("2024-07-14"), d("2024-07-15")))
                .isEqualTo(d("2025-07-14"));
        assertThat(RecurrenceCalculator.nextBirthday(MonthDay.of(12, 31), d("2024-12-31"))).isEqualTo(d("2025-12-31"));
        assertThat(RecurrenceCalculator.birthdayOnOrAfter(MonthDay.of(3, 15), d("2024-03-15"))).isEqualTo(d("2024-03-15"));
        assertThat(RecurrenceCalculator.birthdayOnOrAfter(MonthDay.of(3, 14), d("2024-03-15"))).isEqualTo(d("2025-03-14"));
    }

    @Test
    void feb29BirthdaysAreCelebratedOnFeb28InCommonYears() {
        MonthDay leapling = MonthDay.of(2, 29);
        assertThat(RecurrenceCalculator.birthdayOnOrAfter(leapling, d("2025-01-01"))).isEqualTo(d("2025-02-28"));
        assertThat(RecurrenceCalculator.birthdayOnOrAfter(leapling, d("2027-03-01"))).isEqualTo(d("2028-02-29"));
        assertThat(RecurrenceCalculator.next(Recurrence.birthday(), d("2000-02-29"), d("2025-02-28"), d("2025-02-28")))
                .isEqualTo(d("2026-02-28"));
        assertThat(RecurrenceCalculator.next(Recurrence.birthday(), d("2000-02-29"), d("2027-02-28"), d("2027-02-28")))
                .isEqualTo(d("2028-02-29"));
    }

    @Test
    void theNextIsAlwaysAfterTheDoneDayAndTheNominalDate() {
        for (RecurrenceUnit unit : RecurrenceUnit.values()) {
            Recurrence r = unit == RecurrenceUnit.BIRTHDAY ? Recurrence.birthday() : new Recurrence(unit, 1);
            for (LocalDate anchor = d("2023-12-25"); anchor.isBefore(d("2024-03-10")); anchor = anchor.plusDays(3)) {
                for (int late = -5; late <= 40; late += 9) {
                    LocalDate done = anchor.plusDays(late);
                    LocalDate next = RecurrenceCalculator.next(r, anchor, anchor, done);
                    assertThat(next).as(unit + " " + anchor + " done " + done).isAfter(done).isAfter(anchor);
                }
            }
        }
    }
}
