package com.fankeep.core.followup;

import static com.fankeep.core.followup.FollowUpFixture.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.Interaction;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowUpServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 1, 31);

    @TempDir
    Path temp;

    @Test
    void doneLogsTheInteractionAndSchedulesTheNextMonthEnd() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, TODAY);
            long amy = customer(db, "Amy");
            FollowUp f = s.followUps().schedule(amy, new NewFollowUp("Monthly check-in", FollowUpReason.MANUAL, TODAY,
                    null, ContactMedium.WECHAT, null, new Recurrence(RecurrenceUnit.MONTH, 1)));

            DoneResult r = s.followUps().done(f.id(), NewInteraction.quick(amy, InteractionKind.CHAT, ContactMedium.WECHAT, "Chatted about the teapot"));

            assertThat(r.done().status()).isEqualTo(FollowUpStatus.DONE);
            assertThat(r.done().interactionId()).isEqualTo(r.interaction().id());
            assertThat(s.interactions().forCustomer(amy, null)).extracting(Interaction::summary).containsExactly("Chatted about the teapot");
            assertThat(r.next().dueDate()).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(r.next().previousId()).isEqualTo(f.id());
            assertThat(r.next().channel()).isEqualTo(ContactMedium.WECHAT);
            assertThat(s.followUps().allOpen()).extracting(FollowUp::id).containsExactly(r.next().id());

            // the series keeps the 31st: done on Feb 29, the next is Mar 31
            DoneResult again = s.followUps().done(r.next().id(), NewInteraction.quick(amy, InteractionKind.CALL, ContactMedium.PHONE, "Called"));
            assertThat(again.next().dueDate()).isEqualTo(LocalDate.of(2024, 3, 31));
        }
    }

    @Test
    void aOneOffDoneHasNoNextAndCannotBeDoneTwice() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, TODAY);
            long amy = customer(db, "Amy");
            FollowUp f = s.followUps().schedule(amy, NewFollowUp.on("Send the sample", TODAY));
            DoneResult r = s.followUps().done(f.id(), NewInteraction.quick(amy, InteractionKind.GIFT, ContactMedium.IN_PERSON, "Gave the sample"));
            assertThat(r.next()).isNull();
            assertThat(s.followUps().allOpen()).isEmpty();
            assertThatThrownBy(() -> s.followUps().done(f.id(), NewInteraction.quick(amy, InteractionKind.NOTE, ContactMedium.OTHER, "x")))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(s.interactions().forCustomer(amy, null)).hasSize(1);
        }
    }

    @Test
    void anyInteractionSatisfiesKeepInTouchButNotOtherFollowUps() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, TODAY);
            long amy = customer(db, "Amy");
            long bob = customer(db, "Bob");
            FollowUp keep = s.followUps().schedule(amy, new NewFollowUp("Keep in touch", FollowUpReason.KEEP_IN_TOUCH,
                    TODAY.plusDays(3), null, null, null, new Recurrence(RecurrenceUnit.DAY, 30)));
            FollowUp other = s.followUps().schedule(amy, NewFollowUp.on("Ask about the scarf", TODAY));
            FollowUp bobs = s.followUps().schedule(bob, new NewFollowUp("Keep in touch", FollowUpReason.KEEP_IN_TOUCH,
                    TODAY, null, null, null, null));

            Interaction call = s.interactions().add(NewInteraction.quick(amy, InteractionKind.CALL, ContactMedium.PHONE, "Quick call"));

            FollowUp satisfied = s.followUps().find(keep.id()).orElseThrow();
            assertThat(satisfied.status()).isEqualTo(FollowUpStatus.DONE);
            assertThat(satisfied.interactionId()).isEqualTo(call.id());
            assertThat(s.followUps().find(other.id()).orElseThrow().isOpen()).isTrue();
            assertThat(s.followUps().find(bobs.id()).orElseThrow().isOpen()).isTrue();
            // the next one counts 30 days from the call, not from the date it was due
            FollowUp next = s.followUps().forCustomer(amy).stream()
                    .filter(f -> f.isOpen() && f.reason() == FollowUpReason.KEEP_IN_TOUCH).findFirst().orElseThrow();
            assertThat(next.dueDate()).isEqualTo(TODAY.plusDays(30));
        }
    }

    @Test
    void snoozeMovesOnlyTheDueDateSoTheSeriesStaysOnItsDays() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, TODAY);
            long amy = customer(db, "Amy");
            FollowUp f = s.followUps().schedule(amy, new NewFollowUp("Yearly", FollowUpReason.MANUAL, TODAY, null, null,
                    null, new Recurrence(RecurrenceUnit.YEAR, 1)));
            FollowUp snoozed = s.followUps().snooze(f.id(), TODAY.plusDays(3));
            assertThat(snoozed.dueDate()).isEqualTo(TODAY.plusDays(3));
            assertThat(snoozed.isSnoozed()).isTrue();
            assertThat(s.followUps().agenda(TODAY).dueToday()).isEmpty();
            assertThat(s.followUps().agenda(TODAY).upcoming()).extracting(FollowUp::id).containsExactly(f.id());

            DoneResult r = s.followUps().done(f.id(), NewInteraction.quick(amy, InteractionKind.NOTE, ContactMedium.OTHER, "Done"));
            assertThat(r.next().dueDate()).isEqualTo(LocalDate.of(2025, 1, 31));

            FollowUp moved = s.followUps().reschedule(r.next().id(), LocalDate.of(2025, 2, 3), java.time.LocalTime.of(15, 0));
            assertThat(moved.isSnoozed()).isFalse();
            assertThat(moved.dueTime()).isEqualTo(java.time.LocalTime.of(15, 0));
            assertThat(s.followUps().cancel(moved.id()).status()).isEqualTo(FollowUpStatus.CANCELLED);
            assertThat(s.followUps().allOpen()).isEmpty();
        }
    }

    @Test
    void theAgendaSplitsOverdueTodayAndTheNextSevenDaysForEveryScheduledCustomer() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, TODAY);
            long amy = customer(db, "Amy");
            long bob = customer(db, "Bob");
            s.followUps().schedule(List.of(amy, bob), NewFollowUp.on("Launch teaser", TODAY));
            s.followUps().schedule(amy, NewFollowUp.on("Late", TODAY.minusDays(2)));
            s.followUps().schedule(bob, NewFollowUp.on("Soon", TODAY.plusDays(7)));
            s.followUps().schedule(bob, NewFollowUp.on("Later", TODAY.plusDays(8)));

            Agenda a = s.followUps().agenda(TODAY);
            assertThat(a.overdue()).extracting(FollowUp::title).containsExactly("Late");
            assertThat(a.dueToday()).extracting(FollowUp::customerName).containsExactlyInAnyOrder("Amy", "Bob");
            assertThat(a.upcoming()).extracting(FollowUp::title).containsExactly("Soon");
            assertThat(a.dueOrOverdue()).isEqualTo(3);
        }
    }

    @Test
    void theTimelineListsInteractionsAndFollowUpsNewestFirst() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, TODAY);
            long amy = customer(db, "Amy");
            s.followUps().schedule(amy, NewFollowUp.on("Next week", TODAY.plusDays(7)));
            s.interactions().add(NewInteraction.quick(amy, InteractionKind.CALL, ContactMedium.PHONE, "Called"));
            List<TimelineEntry> t = s.followUps().timeline(amy);
            assertThat(t).extracting(TimelineEntry::kind, TimelineEntry::detail, TimelineEntry::title).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(TimelineEntry.FOLLOW_UP, "open", "Next week"),
                    org.assertj.core.groups.Tuple.tuple(TimelineEntry.INTERACTION, "call", "Called"));
        }
    }
}
