package com.fankeep.ui.today;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.followup.FollowUp;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.followup.TimelineEntry;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.testing.TestDatabases;
import com.fankeep.ui.common.UiTasks;
import com.fankeep.ui.interaction.CustomerActivityViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TodayViewModelTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate WEDNESDAY = LocalDate.of(2024, 3, 13);

    @TempDir
    Path temp;

    @Test
    void startUpCountsWhatIsDueAndDoneSnoozeAndCancelMoveRowsAndFillThePanel() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = CoreServices.over(db, Clock.fixed(WEDNESDAY.atTime(9, 0).atZone(ZONE).toInstant(), ZONE));
            long amy = db.transactionResult(dsl -> dsl.insertInto(CUSTOMER).set(CUSTOMER.NAME, "Amy").returning(CUSTOMER.ID).fetchOne().getId());
            FollowUp late = s.followUps().schedule(amy, NewFollowUp.on("Late", WEDNESDAY.minusDays(1)));
            FollowUp due = s.followUps().schedule(amy, NewFollowUp.on("Due", WEDNESDAY));
            FollowUp soon = s.followUps().schedule(amy, NewFollowUp.on("Soon", WEDNESDAY.plusDays(2)));
            UiTasks tasks = UiTasks.direct(e -> { throw new AssertionError(e); });
            TodayViewModel vm = new TodayViewModel(s.followUps(), s.followUpRules(), s.templates(), s.stats(),
                    new CustomerActivityViewModel(s.interactions(), s.followUps(), s.templates(), tasks), tasks);

            AtomicInteger count = new AtomicInteger(-1);
            vm.startUp(count::set);
            assertThat(count.get()).isEqualTo(2);
            assertThat(vm.hasCustomersProperty().get()).isTrue();
            assertThat(vm.overdue()).extracting(FollowUp::id).containsExactly(late.id());
            assertThat(vm.dueToday()).extracting(FollowUp::id).containsExactly(due.id());
            assertThat(vm.upcoming()).extracting(FollowUp::id).containsExactly(soon.id());
            assertThat(vm.calendar()).extracting(FollowUp::id).containsExactly(due.id(), soon.id());

            assertThat(vm.snoozeDate("1d")).isEqualTo(LocalDate.of(2024, 3, 14));
            assertThat(vm.snoozeDate("3d")).isEqualTo(LocalDate.of(2024, 3, 16));
            assertThat(vm.snoozeDate("week")).isEqualTo(LocalDate.of(2024, 3, 18));

            vm.snooze(late, vm.snoozeDate("week"));
            assertThat(vm.overdue()).isEmpty();
            assertThat(vm.upcoming()).extracting(FollowUp::title, FollowUp::dueDate).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Soon", WEDNESDAY.plusDays(2)),
                    org.assertj.core.groups.Tuple.tuple("Late", LocalDate.of(2024, 3, 18)));
            vm.cancel(soon);
            assertThat(vm.upcoming()).extracting(FollowUp::title).containsExactly("Late");

            vm.done(due, NewInteraction.quick(amy, InteractionKind.CALL, ContactMedium.PHONE, "Called her"));
            assertThat(vm.dueToday()).isEmpty();
            assertThat(vm.activity().customerProperty().get().id()).isEqualTo(amy);
            assertThat(vm.activity().entries()).extracting(TimelineEntry::title).contains("Called her", "Due", "Late", "Soon");
            long call = vm.activity().entries().stream().filter(e -> e.title().equals("Called her")).findFirst().orElseThrow().id();
            vm.activity().editInteraction(call, NewInteraction.quick(amy, InteractionKind.CALL, ContactMedium.PHONE, "Called her twice"));
            assertThat(vm.activity().entries()).extracting(TimelineEntry::title).contains("Called her twice").doesNotContain("Called her");
            vm.activity().undo();
            assertThat(vm.activity().entries()).extracting(TimelineEntry::title).contains("Called her").doesNotContain("Called her twice");
            assertThat(vm.activity().lastChangeProperty().get()).isNull();
            vm.activity().filterProperty().set(InteractionKind.CALL.code());
            assertThat(vm.activity().entries()).extracting(TimelineEntry::title).containsExactly("Called her");
            vm.activity().filterProperty().set(CustomerActivityViewModel.FOLLOW_UPS);
            assertThat(vm.activity().entries()).extracting(TimelineEntry::kind).containsOnly(TimelineEntry.FOLLOW_UP).hasSize(3);
        }
    }

    private static TodayViewModel withNextSteps(CoreServices s) {
        UiTasks tasks = UiTasks.direct(e -> { throw new AssertionError(e); });
        TodayViewModel vm = new TodayViewModel(s.followUps(), s.followUpRules(), s.templates(), s.stats(),
                new CustomerActivityViewModel(s.interactions(), s.followUps(), s.templates(), tasks), tasks);
        vm.setNextSteps(() -> NextStep.read(s.recovery(), s.merges(), s.imports()));
        return vm;
    }

    @Test
    void nothingDueSuggestsTheNextStepsFromTheData() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = CoreServices.over(db, Clock.fixed(LocalDate.of(2026, 12, 6).atTime(9, 0).atZone(ZONE).toInstant(), ZONE));
            TodayViewModel vm = withNextSteps(s);
            vm.refresh();
            assertThat(vm.nothingDue()).isTrue();
            assertThat(vm.nextSteps()).containsExactly(new NextStep(NextStep.Page.IMPORT, 0));

            com.fankeep.testing.SampleShop.load(s.imports(), temp.resolve("samples"));
            int lapsed = db.dsl().fetchCount(CUSTOMER, CUSTOMER.RECOVERY_STATE.eq("none").and(CUSTOMER.MERGED_INTO_ID.isNull())
                    .and(CUSTOMER.LAST_ORDER_AT.lt(java.time.OffsetDateTime.of(2026, 12, 6, 9, 0, 0, 0, java.time.ZoneOffset.ofHours(8))
                            .minusDays(s.recovery().lapseDays()))));
            vm.refresh();

            assertThat(lapsed).isPositive();
            assertThat(vm.nextSteps()).extracting(NextStep::page).doesNotContain(NextStep.Page.IMPORT);
            assertThat(vm.nextSteps()).first().isEqualTo(new NextStep(NextStep.Page.WIN_BACK, lapsed));
            assertThat(vm.nextSteps()).filteredOn(n -> n.page() == NextStep.Page.DUPLICATES)
                    .allSatisfy(n -> assertThat(n.count()).isEqualTo(s.merges().suggestions(101).size()));
        }
    }

    @Test
    void withSomethingDueThereAreNoNextSteps() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = CoreServices.over(db, Clock.fixed(WEDNESDAY.atTime(9, 0).atZone(ZONE).toInstant(), ZONE));
            long amy = db.transactionResult(dsl -> dsl.insertInto(CUSTOMER).set(CUSTOMER.NAME, "Amy").returning(CUSTOMER.ID).fetchOne().getId());
            s.followUps().schedule(amy, NewFollowUp.on("Due", WEDNESDAY));
            TodayViewModel vm = withNextSteps(s);
            vm.refresh();
            assertThat(vm.nothingDue()).isFalse();
            assertThat(vm.nextSteps()).isEmpty();
        }
    }
}
