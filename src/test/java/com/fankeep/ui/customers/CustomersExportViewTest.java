package com.fankeep.ui.customers;

import static com.fankeep.core.db.jooq.Tables.EXPORT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.customer.CustomerRow;
import com.fankeep.core.customer.CustomersFixture;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.Progress;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.FileType;
import com.fankeep.ui.common.UiTasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Bulk export from the customer list, headless: select two customers, export as CSV, the file holds exactly them. */
@ExtendWith(ApplicationExtension.class)
class CustomersExportViewTest {

    @TempDir
    static Path temp;
    private Database db;
    private UiTasks tasks;
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    private volatile Path saveTo;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(temp, "shop");
        db = Database.open(dir.resolve("data"));
        CoreServices core = CoreServices.over(db);
        CustomersFixture.importSheet(core, dir.resolve("in"));
        core.search().build(Progress.NONE, Cancellation.none());
        tasks = UiTasks.background(unexpected::add);
        CustomersViewModel vm = new CustomersViewModel(core.customers(), core.search(), tasks);
        vm.useExports(core.customerExports(), new Dialogs() {
            @Override
            public CompletionStage<Void> showError(String title, String message, String details) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Boolean> confirm(String title, String message, String actionText, String keepText) {
                return CompletableFuture.completedFuture(true);
            }

            @Override
            public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
                return List.of();
            }

            @Override
            public Path chooseFileToSave(String title, String suggestedName, FileType type) {
                return saveTo;
            }
        });
        CustomersView view = new CustomersView(vm, Messages.of(Locale.ENGLISH), () -> { }, () -> { });
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1200, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void theSelectedCustomersAndThenAllSearchHitsAreExported(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 5);
        robot.interact(() -> {
            TableView<CustomerRow> t = table(robot);
            t.getSelectionModel().clearSelection();
            for (int i = 0; i < t.getItems().size(); i++) {
                String name = t.getItems().get(i).name();
                if (name.equals("张三") || name.equals("李四")) {
                    t.getSelectionModel().select(i);
                }
            }
        });
        assertThat(robot.lookup("#bulk-export").queryAs(MenuButton.class).isDisabled()).isFalse();
        saveTo = temp.resolve("selected.csv");
        robot.interact(() -> item(robot, "bulk-export-csv").fire());
        waitUntil(() -> Files.exists(saveTo) && !robot.lookup("#bulk-export-notice").queryLabeled().getText().isEmpty());
        String csv = Files.readString(saveTo, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("张三", "李四").doesNotContain("王五", "曾强", "单丽");
        assertThat(robot.lookup("#bulk-export-notice").queryLabeled().getText()).startsWith("2 customers written to selected.csv");
        assertThat(db.dsl().fetchCount(EXPORT_LOG)).isEqualTo(1);

        robot.interact(() -> {
            table(robot).getSelectionModel().clearSelection();
            robot.lookup("#bulk-export-all").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#bulk-export-mask").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#customer-search").queryAs(TextField.class).setText("zs");
        });
        waitUntil(() -> table(robot).getItems().size() == 1);
        saveTo = temp.resolve("all-zs.csv");
        robot.interact(() -> item(robot, "bulk-export-csv").fire());
        waitUntil(() -> Files.exists(saveTo));
        String masked = Files.readString(saveTo, StandardCharsets.UTF_8);
        assertThat(masked).contains("张三", "138****8000").doesNotContain("13800138000", "李四");
        waitUntil(() -> db.dsl().fetchCount(EXPORT_LOG) == 2);
    }

    @SuppressWarnings("unchecked")
    private static TableView<CustomerRow> table(FxRobot robot) {
        return (TableView<CustomerRow>) robot.lookup("#customer-table").query();
    }

    private static MenuItem item(FxRobot robot, String id) {
        return robot.lookup("#bulk-export").queryAs(MenuButton.class).getItems().stream().filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
