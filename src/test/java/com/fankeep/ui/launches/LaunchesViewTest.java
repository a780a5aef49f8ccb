package com.fankeep.ui.launches;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.core.launch.PhaseKind;
import com.fankeep.core.launch.PhaseSpec;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.Progress;
import com.fankeep.ui.common.FakeDialogs;
import com.fankeep.ui.common.UiTasks;
import com.fankeep.ui.launches.LaunchesViewModel.AllocationRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Launches page headless (issue #14): a launch, its VIP first batch with a quota, three votes, requests from three
 * fans, the allocation previewed then committed, and each fan's reason read from the table's cells; then the trial made
 * with its button and a fan's feedback in the trial's list.
 */
@ExtendWith(ApplicationExtension.class)
class LaunchesViewTest {

    @TempDir
    static Path temp;
    private static Database db;
    private static CoreServices core;
    private UiTasks tasks;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

    /** The database off the FX thread and outside TestFX's setup timeout (migrations are slow on a busy machine). */
    @BeforeAll
    static void shop() throws Exception {
        db = Database.open(Files.createTempDirectory(temp, "shop").resolve("data"));
        FanData data = new FanData(db);
        data.customer("王铁柱", "杭州", "iron_fan", false, 3, "CNY", "300.00");
        data.customer("李小花", "杭州", "vip", false, 2, "CNY", "200.00");
        data.customer("赵大宝", "上海", "regular", false, 1, "CNY", "50.00");
        core = CoreServices.over(db);
        core.search().build(Progress.NONE, Cancellation.none());
    }

    @AfterAll
    static void closeShop() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        tasks = UiTasks.background(unexpected::add);
        LaunchesViewModel vm = new LaunchesViewModel(core.launches(), core.customers(), core.search(), tasks, dialogs,
                () -> Messages.of(Locale.ENGLISH));
        stage.setScene(new Scene((javafx.scene.Parent) new LaunchesView(vm, Messages.of(Locale.ENGLISH)).node(), 1300, 740));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void aLaunchThreeVotesRequestsAndAFairAllocationWithItsReasons(FxRobot robot) throws Exception {
        LocalDate today = LocalDate.now();
        click(robot, "#launch-tab-new");
        robot.interact(() -> {
            text(robot, "#launch-new-name").setText("Spring tea");
            text(robot, "#launch-new-product").setText("明前龙井");
            text(robot, "#launch-new-quantity").setText("3");
        });
        click(robot, "#launch-create");
        waitUntil(() -> robot.lookup("#launch-notice").queryLabeled().getText().startsWith("Launch \"Spring tea\" created"));

        click(robot, "#launch-tab-phases");
        phase(robot, PhaseKind.FIRST_BATCH, today.minusDays(1) + "", today.plusDays(7) + "", "3", "2", "199");
        waitUntil(() -> phases(robot).getItems().size() == 1);
        // the playbook's promise: a public price below the VIP price is refused, said plainly
        phase(robot, PhaseKind.PUBLIC, today.plusDays(10) + "", today.plusDays(20) + "", "100", "5", "150");
        waitUntil(() -> robot.lookup("#launch-error").queryLabeled().getText().contains("below the VIP price"));
        assertThat(phases(robot).getItems()).hasSize(1);

        click(robot, "#launch-tab-votes");
        vote(robot, "王铁柱", "220");
        vote(robot, "李小花", "180");
        vote(robot, "赵大宝", "");
        waitUntil(() -> robot.lookup("#launch-vote-stats").queryLabeled().getText().startsWith("3 fans answered"));
        assertThat(robot.lookup("#launch-vote-stats").queryLabeled().getText()).contains("median ¥200.00");

        click(robot, "#launch-tab-reservations");
        reserve(robot, "赵大宝", "1", today + "T09:00");
        reserve(robot, "王铁柱", "2", today + "T10:02");
        reserve(robot, "李小花", "2", today + "T10:40");
        waitUntil(() -> robot.lookup("#launch-reservations").queryTableView().getItems().size() == 3);

        click(robot, "#launch-tab-allocation");
        click(robot, "#launch-alloc-preview"); // tier first, then time
        waitUntil(() -> allocation(robot).getItems().size() == 3);
        assertThat(reasons(robot)).containsExactly(
                "Iron fan, asked 10:02, 2 of 2 allocated",
                "VIP, asked 10:40, 1 of 2 allocated, waitlist #1",
                "Regular, asked 09:00, waitlist #2");
        click(robot, "#launch-alloc-commit");
        waitUntil(() -> robot.lookup("#launch-notice").queryLabeled().getText().startsWith("Committed: 3 of 3 allocated"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reasons(robot)).hasSize(3).first().isEqualTo("Iron fan, asked 10:02, 2 of 2 allocated");
        assertThat(allocation(robot).getItems().stream().mapToInt(AllocationRow::allocated).sum()).isLessThanOrEqualTo(3);
        assertThat(column(robot, "Allocated")).containsExactly("2", "1", "0");

        click(robot, "#launch-tab-report"); // the report as a workbook, written off the FX thread
        // requests, allocated and paid are whole units: the count axis never steps by 0.5
        javafx.scene.chart.NumberAxis counts = (javafx.scene.chart.NumberAxis)
                robot.lookup("#launch-report-flow").queryAs(javafx.scene.chart.BarChart.class).getYAxis();
        waitUntil(() -> !counts.getTickMarks().isEmpty() && counts.getUpperBound() >= 3);
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> ticks = WaitForAsyncUtils.asyncFx(() -> counts.getTickMarks().stream().map(t -> t.getValue().doubleValue()).toList())
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ticks).as("count ticks").isNotEmpty().allMatch(v -> v == Math.rint(v));
        dialogs.fileToSave = temp.resolve("spring-tea.xlsx");
        click(robot, "#launch-report-export");
        waitUntil(() -> robot.lookup("#launch-notice").queryLabeled().getText().startsWith("Wrote the report"));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dialogs.fileToSave))) {
            assertThat(wb.getNumberOfSheets()).isPositive();
        }

        // the trial: its phase and a fan's feedback through core (the phase form is covered above), then the button
        long launchId = core.launches().list().getFirst().id();
        long iron = allocation(robot).getItems().stream().filter(a -> a.name().equals("王铁柱")).findFirst().orElseThrow().customerId();
        OffsetDateTime now = OffsetDateTime.now();
        core.launches().phase(launchId, new PhaseSpec(PhaseKind.TRIAL, now.minusDays(1), now.plusDays(5), "tier", "iron_fan", null, null, null));
        core.interactions().add(new NewInteraction(iron, InteractionKind.FEEDBACK, ContactMedium.WECHAT, now, "很香，回甘长", null, false, false));
        click(robot, "#launch-tab-trial");
        assertThat(robot.lookup("#launch-trial-status").queryLabeled().getText()).isEqualTo("This launch has no trial campaign yet.");
        // the empty feedback list says where feedback will come from, not "no trial yet" a second time
        assertThat(((javafx.scene.control.Labeled) robot.lookup("#launch-feedback").queryTableView().getPlaceholder()).getText())
                .startsWith("Once the trial is made");
        assertThat(robot.lookup("#launch-trial-make").queryButton().isDisabled()).as("no quantity yet").isTrue();
        robot.interact(() -> text(robot, "#launch-trial-quantity").setText("2"));
        click(robot, "#launch-trial-make");
        waitUntil(() -> robot.lookup("#launch-notice").queryLabeled().getText().startsWith("Trial campaign \"Trial: Spring tea\" made with 2 samples"));
        waitUntil(() -> robot.lookup("#launch-feedback").queryTableView().getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#launch-trial-status").queryLabeled().getText()).isEqualTo("Trial campaign: Trial: Spring tea (2 of 2 samples left)");
        assertThat(robot.lookup("#launch-trial-make").queryButton().isDisabled()).as("once per launch").isTrue();
        TableView<?> said = robot.lookup("#launch-feedback").queryTableView();
        TableColumn<?, ?> feedback = said.getColumns().stream().filter(c -> c.getText().equals("Feedback")).findFirst().orElseThrow();
        assertThat(feedback.getCellData(0)).isEqualTo("很香，回甘长");
        TableColumn<?, ?> channel = said.getColumns().stream().filter(c -> c.getText().equals("Channel")).findFirst().orElseThrow();
        assertThat(channel.getCellData(0)).as("the channel by its name, not its code").isEqualTo("WeChat");
        assertThat(core.campaigns().list()).extracting(c -> c.name()).contains("Trial: Spring tea");
    }

    private static void phase(FxRobot robot, PhaseKind kind, String from, String to, String quota, String per, String price)
            throws TimeoutException {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<PhaseKind> k = robot.lookup("#launch-phase-kind").queryAs(ComboBox.class);
            k.setValue(kind);
            text(robot, "#launch-phase-from").setText(from);
            text(robot, "#launch-phase-to").setText(to);
            text(robot, "#launch-phase-quota").setText(quota);
            text(robot, "#launch-phase-per").setText(per);
            text(robot, "#launch-phase-price").setText(price);
        });
        click(robot, "#launch-phase-save");
    }

    private static void vote(FxRobot robot, String name, String guess) throws TimeoutException {
        pick(robot, "#launch-vote", name);
        robot.interact(() -> text(robot, "#launch-vote-guess").setText(guess));
        click(robot, "#launch-vote-log");
        waitUntil(() -> robot.lookup("#launch-notice").queryLabeled().getText().startsWith(name + ": answer logged"));
    }

    private static void reserve(FxRobot robot, String name, String quantity, String at) throws TimeoutException {
        pick(robot, "#launch-reserve", name);
        robot.interact(() -> {
            text(robot, "#launch-reserve-quantity").setText(quantity);
            text(robot, "#launch-reserve-at").setText(at);
        });
        click(robot, "#launch-reserve-record");
        waitUntil(() -> robot.lookup("#launch-notice").queryLabeled().getText().startsWith(name + " asked for " + quantity));
    }

    private static void pick(FxRobot robot, String picker, String name) throws TimeoutException {
        robot.interact(() -> text(robot, picker + "-search").setText(name));
        waitUntil(() -> {
            Object v = robot.lookup(picker + "-who").queryAs(ComboBox.class).getValue();
            return v != null && v.toString().contains(name);
        });
    }

    /** The reasons as the table's Reason column shows them (not the row objects: the column's binding is what is checked). */
    private static List<String> reasons(FxRobot robot) {
        return column(robot, "Reason");
    }

    private static List<String> column(FxRobot robot, String header) {
        TableView<AllocationRow> t = allocation(robot);
        TableColumn<AllocationRow, ?> c = t.getColumns().stream().filter(x -> header.equals(x.getText())).findFirst().orElseThrow();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.getItems().size(); i++) {
            out.add(String.valueOf(c.getCellData(i)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static TableView<AllocationRow> allocation(FxRobot robot) {
        return (TableView<AllocationRow>) robot.lookup("#launch-alloc-table").query();
    }

    private static TableView<?> phases(FxRobot robot) {
        return robot.lookup("#launch-phases").queryTableView();
    }

    private static TextField text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    /** Clicks once the FX queue is empty, so the node clicked is the one shown (not one the view was about to replace). */
    private static void click(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(id);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
