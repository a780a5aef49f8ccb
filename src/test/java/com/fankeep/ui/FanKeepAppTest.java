package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseInUseException;
import com.fankeep.core.db.DatabaseOpenException;
import com.fankeep.core.settings.Language;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.shell.PageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real app (init on a non-FX thread, start, stop) on a fresh data folder and uses it like the owner would. */
class FanKeepAppTest extends AppTestBase {

    private static final Messages EN = Messages.of(Locale.ENGLISH);
    private static final Map<PageId, String> EMPTY_TITLES = new EnumMap<>(Map.of(
            PageId.TODAY, "today.empty.title",
            PageId.CUSTOMERS, "customers.empty.title",
            PageId.RECOVERY, "recovery.empty.title",
            PageId.GROUPS, "groups.empty.title",
            PageId.CAMPAIGNS, "campaigns.empty.title",
            PageId.LAUNCHES, "launches.empty.title",
            PageId.IMPORTS, "imports.empty.title"));

    @Test
    void everyPageShowsWhatItWillHoldAndTheStatusBarCountsTheEmptyDatabase(@TempDir Path dir) throws Exception {
        startApp(dir, Database::open);

        waitForText("#status-customers", "Customers: 0");
        assertThat(text("#status-orders")).isEqualTo("Orders: 0");
        assertThat(text("#status-data-folder")).isEqualTo("Data folder: " + dir.toAbsolutePath().normalize());
        assertThat(stage().getTitle()).isEqualTo("FanKeep \u2014 fan base manager");

        for (Map.Entry<PageId, String> page : EMPTY_TITLES.entrySet()) {
            robot.clickOn("#" + page.getKey().navId());
            waitForText(".empty-state-title", EN.get(page.getValue()));
        }
        // the dashboard (the page the app opens on) shows its figures, zero, rather than an empty state
        robot.clickOn("#" + PageId.DASHBOARD.navId());
        waitForText("#figure-customers .title-2", "0");

        robot.clickOn("#" + PageId.SETTINGS.navId());
        waitForText("#settings-title", "Settings");
        assertThat(robot.lookup("#settings-data-folder").queryAs(TextField.class).getText())
                .isEqualTo(dir.toAbsolutePath().normalize().toString());
    }

    @Test
    void theNextStepButtonsLeadSomewhereAndImportsListsTheSupportedExports(@TempDir Path dir) throws Exception {
        startApp(dir, Database::open);
        robot.clickOn("#" + PageId.TODAY.navId());
        waitForText(".empty-state-title", "Nothing to do today yet");

        robot.clickOn("Import your first order export");
        waitForText(".empty-state-title", EN.get("imports.empty.title"));
        assertThat(text(".empty-state-action")).isEqualTo("Choose files\u2026");
        assertThat(text("#load-sample-data")).isEqualTo("Load sample data");
        List<String> formats = robot.lookup(".format-chip").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(formats).contains("Taobao / Tmall", "JD", "Pinduoduo", "Youzan", "Douyin shop", "Shopify", "WooCommerce",
                "Etsy", "eBay", "vCard / phone contacts", "Any CSV or XLSX spreadsheet");
        assertThat(text(".empty-state-body")).contains("can be undone", "sample shop").doesNotContain("arrives");

        robot.clickOn("#" + PageId.CAMPAIGNS.navId());
        waitForText(".empty-state-title", EN.get("campaigns.empty.title"));
        robot.clickOn(".empty-state-action"); // no campaign yet: the form of a new one
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#campaign-new-name").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));

        robot.clickOn("#" + PageId.LAUNCHES.navId());
        waitForText(".empty-state-title", EN.get("launches.empty.title"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".empty-state-action").match(org.testfx.util.NodeQueryUtils.isVisible()).queryButton()); // no launch yet: the form
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#launch-new-name").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
    }

    @Test
    void switchingToChineseRelabelsTheWholeWindowAtOnceAndBackAndIsSaved(@TempDir Path dir) throws Exception {
        startApp(dir, Database::open);
        waitForText("#nav-today", "Today");
        waitForText("#status-customers", "Customers: 0");

        robot.clickOn("#" + PageId.SETTINGS.navId());
        robot.clickOn("#language-zh_CN");

        waitForText("#nav-today", "今日待办");
        assertThat(navTexts()).containsExactly("数据看板", "今日待办", "客户", "重复客户", "老客户寻回", "客户分群", "粉丝群", "赠品活动", "限量首发", "导入", "设置");
        // still on the settings page; waited for: the test thread may look while the FX thread is between the new
        // sidebar and the new page (a longer settings page made that window wide enough to hit under load)
        waitForText("#settings-title", "设置");
        assertThat(stage().getTitle()).isEqualTo("粉丝管家 FanKeep");
        waitForText("#status-customers", "客户：0");

        robot.clickOn("#language-en");
        waitForText("#nav-today", "Today");
        assertThat(navTexts()).containsExactly("Dashboard", "Today", "Customers", "Duplicates", "Win back", "Segments", "Fan groups",
                "Gift campaigns", "Limited launches", "Import", "Settings");
        assertThat(text("#settings-title")).isEqualTo("Settings");

        closeApp(); // the app and its database closed, so the folder can be opened here
        try (Database db = Database.open(dir)) {
            assertThat(new SettingsService(db).language()).isEqualTo(Language.EN);
        }
    }

    @Test
    void theSavedLanguageIsUsedFromTheStart(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir)) {
            new SettingsService(db).setLanguage(Language.ZH_CN);
        }
        startApp(dir, Database::open);

        waitForText("#nav-today", "今日待办");
        robot.clickOn("#" + PageId.TODAY.navId());
        waitForText(".empty-state-title", "今天还没有待办");
        assertThat(text(".empty-state-action")).isEqualTo("导入第一份订单导出表");
    }

    @Test
    void aSecondWindowOnTheSameFolderSaysSoPlainlyAndExitsWithOne(@TempDir Path dir) throws Exception {
        startApp(dir, d -> {
            throw new DatabaseInUseException(d, new SQLException("Database may be already in use", "90020", 90020));
        });

        DialogPane pane = waitForDialog();
        assertThat(pane.getHeaderText()).isEqualTo("FanKeep is already open");
        assertThat(pane.getContentText())
                .isEqualTo(EN.get("error.databaseInUse", dir.toAbsolutePath().normalize()))
                .contains("Close the other FanKeep window")
                .doesNotContain("Exception", "90020", "at com.");
        assertThat(robot.lookup("#copy-details").tryQuery()).as("nothing technical to copy").isEmpty();
        assertThat(robot.lookup("#nav-today").tryQuery()).as("no main window").isEmpty();
        assertThat(exitCode.get()).as("not before the owner has read it").isEqualTo(-1);

        robot.clickOn("Close");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exitCode.get() == 1);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("nothing created in the data folder").isEmpty();
        }
    }

    @Test
    void anyOtherStartupFailureShowsAShortMessageAndCopiesTheDetails(@TempDir Path dir) throws Exception {
        startApp(dir, d -> {
            throw new DatabaseOpenException(d, "Cannot open the database in " + d + ": File corrupted while reading record",
                    new IllegalStateException("File corrupted while reading record"));
        });

        DialogPane pane = waitForDialog();
        assertThat(pane.getHeaderText()).isEqualTo("FanKeep cannot start");
        assertThat(pane.getContentText()).isEqualTo(EN.get("error.startup.message", dir.toAbsolutePath().normalize()))
                .doesNotContain("corrupted", "Exception");

        robot.clickOn("#copy-details");

        waitForText("#copy-details", "Copied");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(copied).contains("DatabaseOpenException", "File corrupted while reading record", "at ");
        assertThat(exitCode.get()).as("copying keeps the dialog open").isEqualTo(-1);

        robot.clickOn("Close");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exitCode.get() == 1);
    }

    private static Stage stage() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    private List<String> navTexts() {
        return java.util.Arrays.stream(PageId.values()).map(p -> text("#" + p.navId())).toList();
    }

    private String text(String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    /** Waits until the node shows {@code expected}; on timeout the assertion says what it showed instead. */
    private void waitForText(String query, String expected) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownText(query).filter(expected::equals).isPresent());
        } catch (TimeoutException e) {
            assertThat(shownText(query)).as(query).contains(expected);
        }
    }

    private Optional<String> shownText(String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).map(n -> ((Labeled) n).getText());
    }
}
