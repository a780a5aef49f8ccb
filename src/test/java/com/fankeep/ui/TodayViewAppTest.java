package com.fankeep.ui;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.followup.FollowUp;
import com.fankeep.core.followup.FollowUpStatus;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.followup.TimelineEntry;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.Interaction;
import com.fankeep.core.interaction.InteractionKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Today page in the real app, headless: the start notice counts what is due and leads to Today; "Done" opens the
 * interaction dialog prefilled from the follow-up; saving it completes the follow-up, and the interaction shows in the
 * customer's interactions & follow-ups panel (the one the profile embeds).
 */
class TodayViewAppTest extends AppTestBase {

    private static final int SLOW = 60;

    @Test
    void completingAFollowUpFromTodayLogsTheInteractionShownInTheCustomersPanel(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        long customer;
        FollowUp due;
        FollowUp later;
        try (Database db = Database.open(data)) {
            CoreServices s = CoreServices.over(db);
            customer = db.transactionResult(dsl -> dsl.insertInto(CUSTOMER).set(CUSTOMER.NAME, "陈静").returning(CUSTOMER.ID).fetchOne().getId());
            LocalDate today = s.followUps().today();
            due = s.followUps().schedule(customer, new NewFollowUp("Ask how the teapot is", null, today, null,
                    ContactMedium.WECHAT, null, null));
            later = s.followUps().schedule(customer, NewFollowUp.on("Birthday card", today.plusDays(3)));
        }
        startApp(data);

        waitForText("#followups-notice", "Follow-ups due or overdue: 1");
        robot.clickOn("#followups-notice-open");
        waitForText("#today-due", "Due today (1)");
        assertThat(text("#today-upcoming")).isEqualTo("Next 7 days (1)");
        assertThat(text("#followup-customer-" + due.id())).isEqualTo("陈静");

        robot.clickOn("#followup-done-" + due.id());
        waitUntilShown("#interaction-save");
        TextField summary = robot.lookup("#interaction-summary").queryAs(TextField.class);
        assertThat(summary.getText()).as("prefilled from the follow-up").isEqualTo("Ask how the teapot is");
        robot.interact(() -> summary.setText("She loves the teapot; added her on WeChat"));
        robot.clickOn("#interaction-save");

        waitForText("#today-due", "Due today (0)");
        waitForText("#activity-customer", "Interactions & follow-ups: 陈静");
        waitUntil(SLOW, () -> activityList().getItems().stream().anyMatch(e -> e.kind().equals(TimelineEntry.INTERACTION)
                && e.title().equals("She loves the teapot; added her on WeChat")));
        List<TimelineEntry> shown = activityList().getItems();
        assertThat(shown).extracting(TimelineEntry::title)
                .contains("She loves the teapot; added her on WeChat", "Ask how the teapot is", "Birthday card");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#activity-list .list-cell").queryAll().stream().map(n -> ((Labeled) n).getText())
                .filter(t -> t != null)).anyMatch(t -> t.contains("Chat") && t.contains("She loves the teapot"));

        closeApp();
        try (Database db = Database.open(data)) {
            CoreServices s = CoreServices.over(db);
            FollowUp done = s.followUps().find(due.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(FollowUpStatus.DONE);
            List<Interaction> logged = s.interactions().forCustomer(customer, null);
            assertThat(logged).extracting(Interaction::summary, Interaction::channel, Interaction::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("She loves the teapot; added her on WeChat",
                            ContactMedium.WECHAT, InteractionKind.CHAT));
            assertThat(done.interactionId()).isEqualTo(logged.getFirst().id());
            assertThat(s.followUps().find(later.id()).orElseThrow().isOpen()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private ListView<TimelineEntry> activityList() {
        return (ListView<TimelineEntry>) robot.lookup("#activity-list").query();
    }

    private String text(String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private void waitForText(String query, String expected) {
        try {
            WaitForAsyncUtils.waitFor(SLOW, TimeUnit.SECONDS, () -> shownText(query).filter(expected::equals).isPresent());
        } catch (TimeoutException e) {
            assertThat(shownText(query)).as(query).contains(expected);
        }
    }

    private Optional<String> shownText(String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).map(n -> ((Labeled) n).getText());
    }
}
