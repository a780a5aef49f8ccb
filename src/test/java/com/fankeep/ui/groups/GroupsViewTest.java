package com.fankeep.ui.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.group.GroupMember;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.FakeDialogs;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressBar;
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

/** The Groups page headless: a saved segment becomes a group's members, the capacity bar shows it, past capacity is refused. */
@ExtendWith(ApplicationExtension.class)
class GroupsViewTest {

    @TempDir
    static Path temp;
    private Database db;
    private UiTasks tasks;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(temp, "shop");
        db = Database.open(dir.resolve("data"));
        FanData data = new FanData(db);
        data.customer("铁粉一", "杭州", "iron_fan", false, 5, "CNY", "500.00");
        data.customer("铁粉二", "杭州", "iron_fan", false, 4, "CNY", "400.00");
        data.customer("铁粉三", "上海", "iron_fan", false, 3, "CNY", "300.00");
        data.customer("常客", "上海", "regular", false, 2, "CNY", "900.00");
        CoreServices core = CoreServices.over(db);
        core.segments().save("铁粉", "tier = iron_fan");
        tasks = UiTasks.background(unexpected::add);
        GroupsViewModel vm = new GroupsViewModel(core.groups(), core.cityCircles(), core.customerExports(), core.followUps(), tasks,
                dialogs, () -> Messages.of(Locale.ENGLISH));
        GroupsView view = new GroupsView(vm, Messages.of(Locale.ENGLISH), FXCollections.observableArrayList(), () -> { });
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void aGroupMadeFromASavedSegmentFillsTheCapacityBar(FxRobot robot) throws Exception {
        robot.interact(() -> {
            robot.lookup("#group-new-name").queryAs(TextField.class).setText("铁粉微信群");
            robot.lookup("#group-new-eligible").queryAs(TextField.class).setText("铁粉");
        });
        assertThat(robot.lookup("#group-new-capacity").queryAs(ComboBox.class).getValue()).isEqualTo("500");
        robot.clickOn("#group-create");
        waitUntil(() -> "铁粉微信群".equals(robot.lookup("#group-title").queryLabeled().getText()));
        // the capacity text fills in after the title (another answer from the background): waited for, not assumed
        waitUntil(() -> "0 / 500 members · 500 places free".equals(robot.lookup("#group-capacity-text").queryLabeled().getText()));
        waitUntil(() -> invites(robot).getItems().size() == 3); // the iron fans, best first; the regular does not qualify

        robot.interact(() -> robot.lookup("#group-add-segment").queryAs(TextField.class).setText("铁粉"));
        robot.clickOn("#group-add-segment-button");
        waitUntil(() -> robot.lookup("#group-capacity-text").queryLabeled().getText().startsWith("3 / 500"));
        ProgressBar bar = robot.lookup("#group-capacity-bar").queryAs(ProgressBar.class);
        assertThat(bar.getProgress()).isEqualTo(3 / 500.0);
        waitUntil(() -> members(robot).getItems().size() == 3);
        assertThat(members(robot).getItems()).extracting(GroupMember::name).containsExactlyInAnyOrder("铁粉一", "铁粉二", "铁粉三");
        waitUntil(() -> invites(robot).getItems().isEmpty());
        assertThat(dialogs.confirmations).isEmpty(); // everyone met the rule: nothing to confirm

        // a smaller capacity than the members is refused and said so
        robot.interact(() -> robot.lookup("#group-edit-capacity").queryAs(ComboBox.class).getEditor().setText("2"));
        robot.clickOn("#group-save");
        waitUntil(() -> robot.lookup("#group-error").queryLabeled().getText().contains("below the 3 current members"));
        assertThat(robot.lookup("#group-capacity-text").queryLabeled().getText()).startsWith("3 / 500");
    }

    @SuppressWarnings("unchecked")
    private static TableView<GroupMember> members(FxRobot robot) {
        return (TableView<GroupMember>) robot.lookup("#group-members").query();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> invites(FxRobot robot) {
        return (TableView<Object>) robot.lookup("#group-invites").query();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
