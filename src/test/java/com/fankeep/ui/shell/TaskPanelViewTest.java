package com.fankeep.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.JobHandle;
import com.fankeep.ui.common.JobState;
import com.fankeep.ui.common.UiTasks;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The task panel with real background threads: a job shows up, can be cancelled with its button, and goes away. */
@ExtendWith(ApplicationExtension.class)
class TaskPanelViewTest {

    private final Messages en = Messages.of(Locale.ENGLISH);
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    private UiTasks tasks;
    private Node panel;

    @Start
    void start(Stage stage) {
        tasks = UiTasks.background(unexpected::add);
        panel = new TaskPanelView(tasks.runningJobs(), en).node();
        stage.setScene(new Scene(new StackPane(panel), 800, 160));
        stage.show();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void cancelStopsAJobThatRunsUntilCancelledAndRemovesItsRow(FxRobot robot) throws Exception {
        assertThat(panel.isVisible()).as("hidden while nothing runs").isFalse();

        JobHandle job = tasks.job("Importing orders", (progress, cancellation) -> {
            for (long row = 1; ; row++) {
                cancellation.check();
                progress.update(row, -1, "Row " + row);
                Thread.sleep(5);
            }
        }, r -> { });

        waitUntil(() -> job.state() == JobState.RUNNING && panel.isVisible());
        assertThat(robot.lookup(".job-title").queryLabeled().getText()).isEqualTo("Importing orders");
        waitUntil(() -> robot.lookup(".job-message").queryLabeled().getText().startsWith("Row "));

        robot.clickOn(".job-cancel");

        waitUntil(() -> job.state().isFinished());
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".job-row").queryAll()).isEmpty();
        assertThat(panel.isVisible()).isFalse();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void aRowShowsTheJobsProgressUntilItSucceeds(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        JobHandle job = tasks.job("Exporting contacts", (progress, cancellation) -> {
            progress.update(1, 4, "1 of 4 contacts");
            release.await(10, TimeUnit.SECONDS);
            return "contacts.vcf";
        }, result::set);

        waitUntil(() -> job.progressProperty().get() == 0.25);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".progress-bar").queryAs(ProgressBar.class).getProgress()).isEqualTo(0.25);
        assertThat(robot.lookup(".job-message").queryAs(Label.class).getText()).isEqualTo("1 of 4 contacts");

        release.countDown();
        waitUntil(() -> "contacts.vcf".equals(result.get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(robot.lookup(".job-row").queryAll()).isEmpty();
    }

    @Test
    void aJobQueuedBehindAnotherWaitsAndCanBeCancelledBeforeItStarts(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        JobHandle first = tasks.job("Importing orders", (progress, cancellation) -> release.await(10, TimeUnit.SECONDS), r -> { });
        JobHandle second = tasks.job("Exporting contacts", (progress, cancellation) -> {
            secondRan.set(true);
            return null;
        }, r -> { });

        waitUntil(() -> first.state() == JobState.RUNNING && robot.lookup(".job-row").queryAll().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> messages = List.copyOf(robot.lookup(".job-message").queryAllAs(Label.class));
        assertThat(messages.get(1).getText()).isEqualTo(en.get("jobs.waiting"));
        List<ProgressBar> bars = List.copyOf(robot.lookup(".progress-bar").queryAllAs(ProgressBar.class));
        assertThat(bars.get(1).getProgress()).as("no busy animation while waiting").isZero();

        robot.clickOn(List.copyOf(robot.lookup(".job-cancel").queryAllAs(Button.class)).get(1));
        release.countDown();

        waitUntil(() -> second.state().isFinished() && first.state().isFinished());
        assertThat(second.state()).isEqualTo(JobState.CANCELLED);
        assertThat(secondRan).isFalse();
        assertThat(first.state()).isEqualTo(JobState.SUCCEEDED);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
