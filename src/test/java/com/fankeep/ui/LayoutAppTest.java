package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.testing.SampleShop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On the most common shop laptop (1366×768) no page cuts a label, in English or Chinese, with the sample shop loaded:
 * every page the sidebar offers (found in the sidebar, so new pages are walked too), a profile and the main dialogs.
 */
class LayoutAppTest extends AppTestBase {

    static final double WIDTH = 1366;
    static final double HEIGHT = 768;

    @Test
    void noPageOrDialogCutsALabelAt1366x768InEitherLanguage(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("data"))) {
            SampleShop.load(new ImportService(db), dir);
            // two referrals, so the Referrers tab shows rows (the plain ImportService here links no 分销员)
            var core = com.fankeep.core.app.CoreServices.over(db);
            List<Long> ids = new com.fankeep.core.group.FanData(db).ids("select id from customer order by id");
            core.referrals().setMany(ids.subList(1, 3), ids.getFirst());
        }
        // a fan group with members, so Fan groups shows its tables (their headers were cut: "Last cont…", "Or…")
        var cli = com.fankeep.testing.InProcessCli.over(dir.resolve("data"));
        assertThat(cli.run("group", "create", "老粉群", "--kind", "wechat", "--capacity", "500").code()).isZero();
        assertThat(cli.run("group", "add", "老粉群", "1,2,3").code()).isZero();
        // a launch with a phase, so Limited launches shows its tabs filled (the reservation time's prompt was clipped)
        assertThat(cli.run("launch", "create", "春茶", "--product", "春茶礼盒", "--currency", "CNY").code()).isZero();
        String today = java.time.LocalDate.now().toString();
        assertThat(cli.run("launch", "phase", "1", "first_batch", "--from", today, "--to", java.time.LocalDate.now().plusDays(7).toString(),
                "--quota", "2", "--per-customer", "1", "--price", "99").code()).isZero();
        startApp(dir.resolve("data"));
        robot.interact(() -> {
            stage().setMaximized(false);
            stage().setWidth(WIDTH);
            stage().setHeight(HEIGHT);
        });
        waitUntil(() -> robot.lookup("#nav-today").tryQuery().isPresent());

        List<String> cut = new ArrayList<>();
        walk("English", cut);
        robot.clickOn("#nav-settings");
        robot.clickOn("#language-zh_CN");
        waitUntil(() -> "今日待办".equals(robot.lookup("#nav-today").queryLabeled().getText()));
        walk("中文", cut);

        assertThat(cut).as("labels cut at 1366×768").isEmpty();
    }

    private void walk(String language, List<String> cut) throws TimeoutException {
        long started = System.nanoTime();
        List<Labeled> pages = robot.lookup(".nav-button").queryAllAs(Labeled.class).stream()
                .sorted(java.util.Comparator.comparingInt(n -> n.getParent().getChildrenUnmodifiable().indexOf(n))).toList();
        assertThat(pages).hasSizeGreaterThan(5);
        List<String> names = pages.stream().map(Labeled::getText).toList();
        for (String name : names) {
            robot.interact(() -> ((javafx.scene.control.ButtonBase) navButton(name)).fire());
            settle();
            check(language + " / " + name, cut);
        }

        // Settings' "Set a password…" opens its form in the page (no window): its prompts and warnings whole
        robot.interact(() -> robot.lookup("#nav-settings").queryButton().fire());
        waitUntil(() -> robot.lookup("#crypto-set").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#crypto-set").queryButton().fire());
        waitUntil(() -> robot.lookup("#crypto-again").tryQuery().isPresent());
        settle();
        check(language + " / set a password", cut);
        robot.interact(() -> robot.lookup("#crypto-cancel").queryButton().fire());
        waitUntil(() -> robot.lookup("#crypto-again").tryQuery().isEmpty());

        // Win back's bar (title, lapse days, vCard export) stays one row: a wrapped bar pushes the board down
        robot.clickOn("#nav-recovery");
        waitUntil(() -> robot.lookup("#recovery-export-vcard").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node title = robot.lookup("#recovery-title").query();
        Node export = robot.lookup("#recovery-export-vcard").query();
        double rows = Math.abs(title.localToScene(title.getBoundsInLocal()).getCenterY()
                - export.localToScene(export.getBoundsInLocal()).getCenterY());
        if (rows > 12) {
            cut.add(language + " / Win back: the title bar wraps to two rows");
        }

        robot.clickOn("#nav-customers");
        waitUntil(() -> robot.lookup("#customer-table .table-row-cell").match((TableRow<?> r) -> !r.isEmpty()).tryQuery().isPresent());
        robot.interact(() -> {
            TableRow<?> first = robot.lookup("#customer-table .table-row-cell").match((TableRow<?> r) -> !r.isEmpty()).query();
            first.getTableView().getSelectionModel().select(first.getIndex());
        });
        javafx.application.Platform.runLater(() -> robot.lookup("#customer-open").queryButton().fire());
        waitUntil(() -> robot.lookup("#customer-profile").tryQuery().isPresent());
        settle();
        check(language + " / profile", cut);
        dialog("#activity-log", language + " / log interaction", cut);
        dialog("#activity-schedule", language + " / schedule follow-up", cut);

        // referrals: the bulk "referred by" picker and the Referrers tab of the Groups page
        robot.clickOn("#" + com.fankeep.ui.shell.PageId.CUSTOMERS.navId());
        waitUntil(() -> robot.lookup("#customer-table .table-row-cell").match((TableRow<?> r) -> !r.isEmpty()).tryQuery().isPresent());
        robot.interact(() -> {
            TableRow<?> first = robot.lookup("#customer-table .table-row-cell").match((TableRow<?> r) -> !r.isEmpty()).query();
            first.getTableView().getSelectionModel().select(first.getIndex());
        });
        WaitForAsyncUtils.waitForFxEvents();
        dialog("#bulk-referred-by", language + " / referred by", cut);
        robot.clickOn("#" + com.fankeep.ui.shell.PageId.GROUPS.navId());
        waitUntil(() -> robot.lookup("#groups-tabs").tryQuery().isPresent());
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#groups-tabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getTabs().stream().filter(t -> "groups-tab-referrers".equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        waitUntil(() -> robot.lookup("#referrers-table").tryQuery()
                .map(t -> !((javafx.scene.control.TableView<?>) t).getItems().isEmpty()).orElse(false));
        settle();
        check(language + " / referrers", cut);

        // Fan groups with its group chosen (members, worth inviting), then its Cities tab: whole column headers
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#groups-tabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getSelectionModel().select(0);
        });
        waitUntil(() -> robot.lookup("#groups-list").match(Node::isVisible).tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#groups-list").queryListView().getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#group-members").match(Node::isVisible).tryQuery()
                .map(t -> !((javafx.scene.control.TableView<?>) t).getItems().isEmpty()).orElse(false));
        settle();
        check(language + " / fan group", cut);
        // the page was built anew with the group still chosen (the language changed): its capacity, not "no limit"
        assertThat(robot.lookup("#group-edit-capacity").queryComboBox().getValue()).as(language + " capacity shown").isEqualTo("500");
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#groups-tabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getTabs().stream().filter(t -> "groups-tab-cities".equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        waitUntil(() -> robot.lookup("#cities-table").match(Node::isVisible).tryQuery().isPresent());
        settle();
        check(language + " / cities", cut);

        // Limited launches with its launch chosen: every tab
        robot.interact(() -> robot.lookup("#nav-launches").queryButton().fire());
        waitUntil(() -> robot.lookup("#launch-list").match(Node::isVisible).tryQuery()
                .map(l -> !((javafx.scene.control.ListView<?>) l).getItems().isEmpty()).orElse(false));
        robot.interact(() -> robot.lookup("#launch-list").queryListView().getSelectionModel().select(0));
        javafx.scene.control.TabPane launchTabs = robot.lookup("#launch-tabs").queryAs(javafx.scene.control.TabPane.class);
        for (int i = 0; i < launchTabs.getTabs().size(); i++) {
            int tab = i;
            robot.interact(() -> launchTabs.getSelectionModel().select(tab));
            settle();
            check(language + " / launch tab " + launchTabs.getTabs().get(tab).getText(), cut);
        }

        robot.clickOn("#nav-duplicates");
        waitUntil(() -> robot.lookup(".merge-pair").match(Node::isVisible).tryQuery().isPresent());
        dialog(".merge-pair", language + " / merge", cut);

        robot.clickOn("#nav-imports");
        waitUntil(() -> robot.lookup("#review-unassigned").match(Node::isVisible).tryQuery().isPresent());
        // with the first buyer selected: their evidence shows under the table, and the wrapped lines must keep their room
        dialog("#review-unassigned", language + " / orders without a customer", cut, () -> {
            javafx.scene.control.TableView<?> table = robot.lookup("#unassigned-table").queryAs(javafx.scene.control.TableView.class);
            waitUntil(() -> !table.getItems().isEmpty());
            robot.interact(() -> table.getSelectionModel().select(0));
        });
        System.out.printf("%s walked in %d ms%n", language, (System.nanoTime() - started) / 1_000_000);
    }

    private Labeled navButton(String text) {
        return robot.lookup(".nav-button").queryAllAs(Labeled.class).stream().filter(b -> text.equals(b.getText())).findFirst()
                .orElseThrow();
    }

    private void dialog(String opener, String where, List<String> cut) throws TimeoutException {
        dialog(opener, where, cut, () -> { });
    }

    private interface Step {
        void run() throws TimeoutException;
    }

    /** Opens the dialog, takes {@code step} in it, and checks it. */
    private void dialog(String opener, String where, List<String> cut, Step step) throws TimeoutException {
        javafx.scene.control.ButtonBase button = robot.lookup(opener).match(Node::isVisible).query();
        // fired, not clicked: it may be below the fold; and not waited for, as the dialog may wait for the owner
        javafx.application.Platform.runLater(button::fire);
        waitUntil(() -> dialogWindow() != null);
        settle();
        step.run();
        settle();
        Window w = dialogWindow();
        Truncations.in(w.getScene().getRoot()).forEach(t -> cut.add(where + ": " + t));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> dialogWindow() == null);
    }

    private Window dialogWindow() {
        return robot.listWindows().stream().filter(w -> w != stage() && w.isShowing() && w instanceof Stage).findFirst().orElse(null);
    }

    private void check(String where, List<String> cut) {
        Parent root = stage().getScene().getRoot();
        Truncations.in(root).forEach(t -> cut.add(where + ": " + t));
    }

    /** Waits until what the window shows stops changing (pages fill in from the background). */
    private void settle() {
        String before = null;
        for (int i = 0; i < 25; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            String now = shownTexts();
            if (now.equals(before)) {
                return;
            }
            before = now;
            WaitForAsyncUtils.sleep(120, TimeUnit.MILLISECONDS);
        }
    }

    private String shownTexts() {
        List<String> texts = new ArrayList<>();
        for (Window w : robot.listWindows()) {
            if (w.getScene() != null) {
                collect(w.getScene().getRoot(), texts);
            }
        }
        return String.join("|", texts);
    }

    private static void collect(Node n, List<String> texts) {
        if (n instanceof Labeled l) {
            texts.add(Objects.toString(l.getText()) + "@" + Math.round(l.getWidth()));
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, texts));
        }
    }

    private static Stage stage() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
