package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.crypto.EncryptionService;
import com.fankeep.core.db.Database;
import com.fankeep.core.db.FolderSwap;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.PlainText;
import com.fankeep.ui.shell.PageId;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The password prompt on start of an encrypted folder (wrong, then right), and setting a password in Settings. */
class EncryptionAppTest extends AppTestBase {

    @Test
    void anEncryptedFolderAsksForThePasswordSaysWhenItIsWrongAndOpensWithTheRightOne(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            PlainText.addCustomer(db, PlainText.NAME, PlainText.PHONE);
        }
        EncryptionService.change(dir, null, "right one".toCharArray(), Progress.NONE, Cancellation.none(), FolderSwap.Steps.NONE);

        startApp(dir);
        waitUntilShown("#password-field");
        assertThat(robot.lookup("#status-customers").tryQuery()).as("nothing is open before the password").isEmpty();

        type("#password-field", "wrong one");
        robot.clickOn("#password-open");
        waitForText("#password-status", "Wrong password. Try again.");
        WaitForAsyncUtils.waitForFxEvents(); // read the field after the FX thread has finished with it
        assertThat(robot.lookup("#password-field").queryAs(TextInputControl.class).getText()).isEmpty();

        type("#password-field", "right one");
        robot.clickOn("#password-open");
        waitForText("#status-customers", "Customers: 1");
    }

    @Test
    void aPasswordSetInSettingsEncryptsTheFolderAndTheAppCloses(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            PlainText.addCustomer(db, PlainText.NAME, PlainText.PHONE);
        }
        startApp(dir);
        waitForText("#status-customers", "Customers: 1");
        robot.clickOn("#" + PageId.SETTINGS.navId());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#crypto-set").tryQuery().isPresent());
        assertThat(((Labeled) robot.lookup("#crypto-state").query()).getText()).isEqualTo("Your data is not encrypted.");
        robot.interact(() -> robot.lookup("#crypto-set").queryButton().fire());
        type("#crypto-new", "new pass");
        type("#crypto-again", "new pass typo");
        robot.interact(() -> robot.lookup("#crypto-apply").queryButton().fire());
        waitForText("#crypto-problem", "The two new passwords differ.");

        type("#crypto-again", "new pass");
        robot.interact(() -> robot.lookup("#crypto-apply").queryButton().fire());
        DialogPane done = waitForDialog();
        assertThat(((Labeled) robot.lookup("#crypto-status").query()).getText()).startsWith("Done.");
        robot.clickOn(closeButton(done));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exitCode.get() == 0);

        assertThat(EncryptionService.encrypted(dir)).isTrue();
        assertThat(PlainText.contains(dir.resolve("fankeep.mv.db"), PlainText.PHONE)).isFalse();
        try (Database db = EncryptionService.open(dir, "new pass".toCharArray())) {
            assertThat(db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.CUSTOMER)).isEqualTo(1);
        }
    }

    @Test
    void removingThePasswordNeedsTheCurrentOneAndLeavesAPlainFolder(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            PlainText.addCustomer(db, PlainText.NAME, PlainText.PHONE);
        }
        EncryptionService.change(dir, null, "pass one".toCharArray(), Progress.NONE, Cancellation.none(), FolderSwap.Steps.NONE);
        startApp(dir);
        waitUntilShown("#password-field");
        type("#password-field", "pass one");
        robot.clickOn("#password-open");
        waitForText("#status-customers", "Customers: 1");
        robot.clickOn("#" + PageId.SETTINGS.navId());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#crypto-remove").tryQuery().isPresent());
        assertThat(((Labeled) robot.lookup("#crypto-state").query()).getText()).isEqualTo("Your data is encrypted.");
        robot.interact(() -> robot.lookup("#crypto-remove").queryButton().fire());
        type("#crypto-current", "not it");
        robot.interact(() -> robot.lookup("#crypto-apply").queryButton().fire());
        waitForText("#crypto-status", "The current password is wrong.");
        assertThat(EncryptionService.encrypted(dir)).isTrue();
        assertThat(exitCode.get()).as("a wrong password leaves the app open").isEqualTo(-1);

        type("#crypto-current", "pass one");
        robot.interact(() -> robot.lookup("#crypto-apply").queryButton().fire());
        DialogPane done = waitForDialog();
        robot.clickOn(closeButton(done));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exitCode.get() == 0);
        assertThat(EncryptionService.encrypted(dir)).isFalse();
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.CUSTOMER)).isEqualTo(1);
        }
    }

    private static Node closeButton(DialogPane pane) {
        return pane.lookupButton(pane.getButtonTypes().stream().filter(t -> t.getButtonData() == ButtonData.CANCEL_CLOSE).findFirst()
                .orElseThrow());
    }

    private void type(String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).setText(text));
    }

    private void waitForText(String query, String expected) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shownText(query).filter(expected::equals).isPresent());
        } catch (TimeoutException e) {
            assertThat(shownText(query)).as(query).contains(expected);
        }
    }

    private Optional<String> shownText(String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).map(n -> ((Labeled) n).getText());
    }
}
