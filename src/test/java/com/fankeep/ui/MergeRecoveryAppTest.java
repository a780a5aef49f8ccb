package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.recovery.RecoveryCustomer;
import com.fankeep.testing.SampleShop;
import com.fankeep.ui.shell.PageId;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Duplicates and Recovery pages in the real window, headless, over the imported sample shop. */
class MergeRecoveryAppTest extends AppTestBase {

    private static final int SLOW = 30;

    @Test
    void mergeAPairInTheDialogUndoItThenMoveSomeoneAlongThePipeline(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("data"))) {
            SampleShop.load(new ImportService(db), dir);
        }
        startApp(dir.resolve("data"));

        click("#" + PageId.DUPLICATES.navId());
        // list cells are rebuilt when the pairs arrive: only a button shown in the window can be clicked
        waitUntil(() -> robot.lookup(".merge-pair").match(n -> n.getScene() != null && n.isVisible()).tryQuery().isPresent());
        int pairs = list("#duplicate-list").getItems().size();
        assertThat(pairs).isPositive();

        click(".merge-pair");
        waitUntilShown("#merge-grid");
        click("Merge 2 customers");
        waitUntil(() -> text("#duplicates-notice").startsWith("2 customers merged into #"));
        waitUntil(() -> list("#duplicate-list").getItems().size() == pairs - 1);

        click("#undo-merge");
        waitUntil(() -> text("#duplicates-notice").startsWith("Merge undone"));
        waitUntil(() -> list("#duplicate-list").getItems().size() == pairs);

        click("#" + PageId.RECOVERY.navId());
        waitUntil(() -> robot.lookup("#recovery-list-none").tryQuery().isPresent());
        assertThat(text("#recovery-count-to_contact")).isEqualTo("To contact · 0");
        ListView<RecoveryCustomer> lapsed = list("#recovery-list-none");
        int before = lapsed.getItems().size();
        assertThat(before).isPositive();
        robot.interact(() -> lapsed.getSelectionModel().select(0));
        waitUntil(() -> !robot.lookup("#recovery-move-none").queryButton().isDisabled());
        click("#recovery-move-none");
        waitUntil(() -> text("#recovery-count-to_contact").equals("To contact · 1"));
        assertThat(list("#recovery-list-none").getItems()).hasSize(before - 1);
        assertThat(text("#recovery-notice")).isEqualTo("1 moved to To contact.");
    }

    /**
     * Clicks the first node the query finds that is shown in the window, trying again while lists rebuild their
     * cells (a node looked up a moment before may have left the scene by the time the robot moves to it).
     */
    private void click(String query) throws TimeoutException {
        for (int attempt = 1; ; attempt++) {
            waitUntil(() -> shown(query).isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            try {
                robot.clickOn(shown(query).orElseThrow());
                return;
            } catch (RuntimeException gone) {
                if (attempt == 5) {
                    throw gone;
                }
            }
        }
    }

    private java.util.Optional<javafx.scene.Node> shown(String query) {
        return robot.lookup(query).match(AppTestBase::onShownWindow).tryQuery();
    }

    @SuppressWarnings("unchecked")
    private <T> ListView<T> list(String query) {
        return robot.lookup(query).queryAs(ListView.class);
    }

    private String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(SLOW, TimeUnit.SECONDS, condition);
    }
}
