package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.settings.Language;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.unassigned.BuyerGroup;
import com.fankeep.testing.SampleShop;
import com.fankeep.ui.shell.PageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Screen;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review of orders without a customer in the real app: "Create customer…" for the masked 张** buyer, the name and
 * phone typed, both orders attached to the new customer, then "Undo last attach" takes it all back. With
 * {@code -Dfankeep.shots=DIR} it also writes the screen (1366×768) with the dialog, in English and Chinese.
 */
class NewBuyerCustomerAppTest extends AppTestBase {

    private static final String MASKED = "138****8000";

    @Test
    void aMaskedBuyerBecomesANewCustomerWithTheirOrdersAndUndoTakesItBack(@TempDir Path dir) throws Exception {
        openReview(shop(dir, Language.EN));
        select(MASKED);
        fire("#new-customer-unassigned");
        waitUntilShown("#new-customer-name");
        assertThat(robot.lookup("#new-customer-name").queryAs(TextField.class).getText()).isEqualTo("张**");
        assertThat(robot.lookup("#new-customer-create").queryAs(Labeled.class).getText()).isEqualTo("Create and attach 2 orders");
        shot("new-customer-en");
        robot.interact(() -> {
            robot.lookup("#new-customer-name").queryAs(TextField.class).setText("张小伟");
            robot.lookup("#new-customer-phone").queryAs(TextField.class).setText("13912345678");
        });
        fire("#new-customer-create");

        waitUntil(() -> status().startsWith("Made customer #"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status()).contains("\"张小伟\" and attached 2 orders");
        String id = status().replaceAll("(?s)^Made customer #(\\d+).*", "$1");
        waitUntil(() -> table().getItems().stream().noneMatch(g -> MASKED.equals(g.phone())));
        shot("new-customer-made-en");

        fire("#undo-unassigned");
        waitUntil(() -> status().equals("2 orders of customer #" + id + " are without a customer again"));
        waitUntil(() -> table().getItems().stream().anyMatch(g -> MASKED.equals(g.phone())));
    }

    @Test
    @EnabledIfSystemProperty(named = "fankeep.shots", matches = ".+")
    void screenshotInChinese(@TempDir Path dir) throws Exception {
        openReview(shop(dir, Language.ZH_CN));
        select(MASKED);
        fire("#new-customer-unassigned");
        waitUntilShown("#new-customer-name");
        shot("new-customer-zh");
    }

    private Path shop(Path dir, Language language) {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            SampleShop.load(db, dir.resolve("samples"));
            new SettingsService(db).setLanguage(language);
        }
        return data;
    }

    private void openReview(Path data) throws Exception {
        startApp(data);
        waitUntil(() -> robot.lookup("#" + PageId.IMPORTS.navId()).tryQuery().isPresent());
        robot.clickOn("#" + PageId.IMPORTS.navId());
        waitUntil(() -> robot.lookup("#review-unassigned").match(Node::isVisible).tryQuery().isPresent());
        fire("#review-unassigned");
        waitUntil(() -> robot.lookup("#unassigned-table").tryQuery().isPresent() && !table().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void select(String phone) {
        robot.interact(() -> {
            TableView<BuyerGroup> t = table();
            t.getSelectionModel().select(t.getItems().stream().filter(g -> phone.equals(g.phone())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Fired, not clicked: a button may sit below the fold; not waited for, as a dialog may wait for the owner. */
    private void fire(String query) throws TimeoutException {
        waitUntil(() -> robot.lookup(query).match(Node::isVisible).tryQuery().map(n -> !n.isDisabled()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        ButtonBase button = robot.lookup(query).match(Node::isVisible).queryAs(ButtonBase.class);
        Platform.runLater(button::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<BuyerGroup> table() {
        return robot.lookup("#unassigned-table").queryAs(TableView.class);
    }

    private String status() {
        return robot.lookup("#unassigned-status").queryAs(Labeled.class).getText();
    }

    private void shot(String name) throws Exception {
        String dir = System.getProperty("fankeep.shots");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        // headless Monocle cannot read the screen back: each window's scene drawn where it sits on a 1366×768 screen
        var bounds = Screen.getPrimary().getBounds();
        java.awt.image.BufferedImage screen = new java.awt.image.BufferedImage((int) bounds.getWidth(), (int) bounds.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = screen.createGraphics();
        for (javafx.stage.Window w : robot.listWindows()) {
            if (w.isShowing() && w.getScene() != null) {
                javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
                robot.interact(() -> img[0] = w.getScene().snapshot(null));
                g.drawImage(SwingFXUtils.fromFXImage(img[0], null), (int) w.getX(), (int) w.getY(), null);
            }
        }
        g.dispose();
        Files.createDirectories(Path.of(dir));
        ImageIO.write(screen, "png", Path.of(dir, name + ".png").toFile());
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
