package com.fankeep.ui.shell;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.JobHandle;
import com.fankeep.ui.common.JobState;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Long jobs that are queued or running: one row each with progress, message and a cancel button; hidden when none. */
public final class TaskPanelView {

    private final VBox root = new VBox();
    private final ObservableList<JobHandle> jobs;
    private final Messages m;
    private final Map<JobHandle, Node> rows = new IdentityHashMap<>();
    private final ListChangeListener<JobHandle> onJobsChanged = c -> showRows();

    public TaskPanelView(ObservableList<JobHandle> jobs, Messages m) {
        this.jobs = jobs;
        this.m = m;
        root.getStyleClass().add("task-panel");
        root.setId("task-panel");
        root.visibleProperty().bind(Bindings.isNotEmpty(jobs));
        root.managedProperty().bind(root.visibleProperty());
        jobs.addListener(onJobsChanged);
        showRows();
    }

    private void showRows() {
        // Rows of jobs still listed are kept, not rebuilt: a click on a cancel button must not land on a row replaced meanwhile.
        rows.keySet().retainAll(jobs);
        root.getChildren().setAll(jobs.stream().map(job -> rows.computeIfAbsent(job, this::row)).toList());
    }

    private Node row(JobHandle job) {
        Label title = new Label(job.title());
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "job-title");
        title.setMinWidth(Label.USE_PREF_SIZE);

        Label message = new Label();
        message.getStyleClass().addAll(Styles.TEXT_MUTED, "job-message");
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            if (job.cancelRequestedProperty().get()) {
                return m.get("jobs.cancelling");
            }
            return job.state() == JobState.QUEUED ? m.get("jobs.waiting") : job.messageProperty().get();
        }, job.cancelRequestedProperty(), job.stateProperty(), job.messageProperty()));
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);

        ProgressBar bar = new ProgressBar();
        // A queued job is not working yet: an empty bar, not the "busy" animation.
        bar.progressProperty().bind(Bindings.when(job.stateProperty().isEqualTo(JobState.QUEUED))
                .then(0.0).otherwise(job.progressProperty()));
        bar.setPrefWidth(220);

        Button cancel = new Button(m.get("jobs.cancel"), new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.getStyleClass().addAll(Styles.SMALL, "job-cancel");
        cancel.setOnAction(e -> job.cancel());
        cancel.disableProperty().bind(job.cancelRequestedProperty());

        HBox row = new HBox(12, title, message, bar, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("job-row");
        return row;
    }

    /** Stops following the job list; the shell calls it before replacing this view (e.g. on a language switch). */
    public void dispose() {
        jobs.removeListener(onJobsChanged);
    }

    public Node node() {
        return root;
    }
}
