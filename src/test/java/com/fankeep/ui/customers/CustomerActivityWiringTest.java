package com.fankeep.ui.customers;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.FOLLOW_UP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.customer.TimelineEntry;
import com.fankeep.core.db.Database;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.testing.TestDatabases;
import com.fankeep.ui.common.UiTasks;
import com.fankeep.ui.interaction.CustomerActivityViewModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer list and profile with the interactions and follow-ups of the open customer. */
class CustomerActivityWiringTest {

    @TempDir
    Path temp;

    @Test
    void anInteractionLoggedOnTheProfileIsOnItsTimelineAndASelectionGetsOneFollowUpEach() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = CoreServices.over(db);
            long amy = customer(db, "Amy");
            long bo = customer(db, "Bo");
            UiTasks tasks = UiTasks.direct(e -> {
                throw new AssertionError(e);
            });
            CustomersViewModel vm = new CustomersViewModel(s.customers(), s.search(), tasks);
            CustomerActivityViewModel activity = new CustomerActivityViewModel(s.interactions(), s.followUps(), s.templates(), tasks);
            vm.useActivity(activity);

            vm.open(amy);
            assertThat(activity.customerProperty().get().id()).isEqualTo(amy);
            activity.log(NewInteraction.quick(amy, InteractionKind.CALL, ContactMedium.PHONE, "Asked about the new mugs"));

            // the profile was read again: its timeline has the call beside the orders
            assertThat(vm.profile().get().timeline()).extracting(TimelineEntry::kind, TimelineEntry::title)
                    .contains(Tuple.tuple("interaction", "Asked about the new mugs"));

            activity.scheduleFor(List.of(amy, bo), NewFollowUp.on("Send the catalogue", LocalDate.now().plusDays(3)));
            assertThat(db.dsl().select(FOLLOW_UP.CUSTOMER_ID).from(FOLLOW_UP).where(FOLLOW_UP.TITLE.eq("Send the catalogue"))
                    .fetch(FOLLOW_UP.CUSTOMER_ID)).containsExactlyInAnyOrder(amy, bo);
        }
    }

    private static long customer(Database db, String name) {
        return db.transactionResult(dsl -> dsl.insertInto(CUSTOMER).set(CUSTOMER.NAME, name).returning(CUSTOMER.ID).fetchOne().getId());
    }
}
