package com.fankeep.ui.imports;

import com.fankeep.ui.common.FakeDialogs;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.shared.Folders;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.UiTasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The column-mapping dialog driven with the mouse and keyboard, headless: a hand-made CSV no format knows opens it; the
 * owner picks the header row, maps four columns, names the mapping, saves; the preview follows and the customers are
 * imported.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnMappingDialogTest {

    private static final Messages EN = Messages.of(Locale.ENGLISH);
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    private Path dir;
    private Database db;
    private UiTasks tasks;
    private ImportsViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        dir = Files.createTempDirectory("fankeep-mapping-ui");
        db = Database.open(dir.resolve("data"));
        tasks = UiTasks.background(unexpected::add);
        vm = new ImportsViewModel(new ImportService(db), tasks, new FakeDialogs(), () -> EN, () -> { });
        ColumnMappingDialog.showWhenReady(stage, vm.flow(), () -> EN);
        ImportPreviewDialog.showWhenReady(stage, vm.flow(), () -> EN);
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(new ImportsView(vm, EN).node()), 900, 600));
        stage.show();
        vm.refresh();
    }

    @AfterEach
    void close() throws Exception {
        tasks.close();
        db.close();
        Folders.deleteTree(dir);
    }

    @Test
    void mappingAHandMadeListImportsItsCustomers(FxRobot robot) throws Exception {
        Path csv = dir.resolve("会员登记.csv");
        Files.writeString(csv, ColumnMappingTest.MEMBERS_CSV, StandardCharsets.UTF_8);

        robot.interact(() -> vm.importFiles(List.of(csv)));
        waitUntilShown(robot, "#mapping-save");
        assertThat(robot.lookup("#mapping-save").queryButton().isDisabled()).as("nothing identifies anyone yet").isTrue();

        // the header guess is row 2; choose row 1 (the title) and back, through the combo box
        chooseIn(robot, "#mapping-header-row", "Row 1: 2021 会员登记表");
        waitUntil(() -> robot.lookup("#mapping-field-1").tryQuery().isEmpty());
        chooseIn(robot, "#mapping-header-row", "Row 2: 会员卡号, 顾客称呼, 联络手机, 微信号码, 消费备忘");
        waitUntil(() -> robot.lookup("#mapping-field-4").tryQuery().isPresent());

        chooseIn(robot, "#mapping-field-1", "Name");
        chooseIn(robot, "#mapping-field-2", "Phone");
        chooseIn(robot, "#mapping-field-3", "WeChat");
        chooseIn(robot, "#mapping-field-4", "Note");
        reveal(robot, robot.lookup("#mapping-name").query());
        robot.clickOn("#mapping-name").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("members-2021");
        assertThat(robot.lookup("#mapping-save").queryButton().isDisabled()).isFalse();
        robot.clickOn("#mapping-save");

        waitUntilShown(robot, "#preview-import");
        assertThat(robot.lookup("#preview-totals").queryLabeled().getText()).contains("3 new customers");
        robot.clickOn("#preview-import");

        waitUntil(() -> new StatsService(db).stats().customers() == 3);
        assertThat(db.dsl().select(CUSTOMER.NAME).from(CUSTOMER).fetch(CUSTOMER.NAME))
                .containsExactlyInAnyOrder("周晓梅", "钱多多", "孙悦");
        assertThat(vm.flow().busyProperty().get()).isFalse();
        assertThat(new ImportService(db).mappings().list()).extracting(pr -> pr.name()).containsExactly("members-2021");
        assertThat(unexpected).isEmpty();
    }

    private static void chooseIn(FxRobot robot, String combo, String text) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<Object> box = robot.lookup(combo).queryAs(ComboBox.class);
        reveal(robot, box);
        robot.clickOn(box);
        waitUntil(() -> cell(robot, text) != null);
        robot.clickOn(cell(robot, text));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getConverter().toString(box.getValue())).as(combo).isEqualTo(text);
    }

    /** Scrolls the dialog's content so that {@code node} is in view (the headless screen is small). */
    private static void reveal(FxRobot robot, Node node) {
        robot.interact(() -> {
            Node n = node;
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            if (n instanceof javafx.scene.control.ScrollPane scroll) {
                double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
                double viewport = scroll.getViewportBounds().getHeight();
                double y = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                scroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (y - 40) / (contentHeight - viewport))));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && n.getScene() != null && text.equals(((Labeled) n).getText()))
                .filter(n -> n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()
                        && !n.getStyleClass().contains("combo-box-list-cell-button"))
                .findFirst().orElse(null);
    }

    private static void waitUntilShown(FxRobot robot, String query) throws Exception {
        waitUntil(() -> robot.lookup(query).tryQuery().filter(n -> n.isVisible() && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
