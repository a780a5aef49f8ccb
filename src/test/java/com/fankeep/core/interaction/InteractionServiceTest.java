package com.fankeep.core.interaction;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionServiceTest {

    @TempDir
    Path temp;

    private static long customer(Database db) {
        return db.transactionResult(dsl -> dsl.insertInto(CUSTOMER).set(CUSTOMER.NAME, "陈静").returning(CUSTOMER.ID).fetchOne().getId());
    }

    @Test
    void loggedInteractionsAreListedNewestFirstAndFilterableByKind() {
        try (Database db = TestDatabases.fresh(temp)) {
            InteractionService s = new InteractionService(db, Clock.systemUTC());
            long c = customer(db);
            OffsetDateTime t = OffsetDateTime.of(2024, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
            s.add(new NewInteraction(c, InteractionKind.CALL, ContactMedium.PHONE, t, "Asked about the teapot", null, false, false));
            s.add(new NewInteraction(c, InteractionKind.STORY, ContactMedium.WECHAT, t.plusDays(1), "Her tea ritual",
                    "Long story", true, true));
            s.add(new NewInteraction(c, InteractionKind.CALL, ContactMedium.PHONE, t.plusDays(2), "Thanked her", null, false, false));

            assertThat(s.forCustomer(c, null)).extracting(Interaction::summary)
                    .containsExactly("Thanked her", "Her tea ritual", "Asked about the teapot");
            assertThat(s.forCustomer(c, InteractionKind.CALL)).hasSize(2);
            Interaction story = s.forCustomer(c, InteractionKind.STORY).getFirst();
            assertThat(story.shareable()).isTrue();
            assertThat(story.consentAt()).as("consent recorded").isNotNull();
            assertThat(story.body()).isEqualTo("Long story");
        }
    }

    @Test
    void editAndDeleteCanBeUndoneExactlyOnce() {
        try (Database db = TestDatabases.fresh(temp)) {
            InteractionService s = new InteractionService(db, Clock.systemUTC());
            long c = customer(db);
            Interaction i = s.add(NewInteraction.quick(c, InteractionKind.CHAT, ContactMedium.WECHAT, "Original"));

            InteractionChange edit = s.edit(i.id(), NewInteraction.quick(c, InteractionKind.COMPLAINT, ContactMedium.QQ, "Edited"));
            assertThat(s.find(i.id()).orElseThrow().summary()).isEqualTo("Edited");
            Interaction back = s.undo(edit.undoId());
            assertThat(back.summary()).isEqualTo("Original");
            assertThat(back.kind()).isEqualTo(InteractionKind.CHAT);
            assertThat(back.occurredAt().toInstant()).isEqualTo(i.occurredAt().toInstant());
            assertThatThrownBy(() -> s.undo(edit.undoId())).isInstanceOf(IllegalArgumentException.class);

            InteractionChange del = s.delete(i.id());
            assertThat(s.forCustomer(c, null)).isEmpty();
            s.undo(del.undoId());
            assertThat(s.forCustomer(c, null)).extracting(Interaction::id, Interaction::summary)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(i.id(), "Original"));
        }
    }

    @Test
    void aSummaryIsRequiredAndTheCustomerMustExist() {
        try (Database db = TestDatabases.fresh(temp)) {
            InteractionService s = new InteractionService(db, Clock.systemUTC());
            assertThatThrownBy(() -> NewInteraction.quick(1, InteractionKind.NOTE, ContactMedium.OTHER, "  "))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.add(NewInteraction.quick(999, InteractionKind.NOTE, ContactMedium.OTHER, "x")))
                    .hasMessageContaining("no customer 999");
        }
    }
}
