package com.fankeep.ui.settings;

import com.fankeep.core.integrity.IntegrityReport;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.UiTasks;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Check the data now" in Settings: the full integrity check (references and every customer's figures against the
 * orders), which start-up leaves out because it reads every order. Runs as a job in the task panel.
 */
public final class DataCheckViewModel {

    private final IntegrityService integrity;
    private final UiTasks tasks;
    private final Supplier<Messages> messages;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public DataCheckViewModel(IntegrityService integrity, UiTasks tasks, Supplier<Messages> messages) {
        this.integrity = integrity;
        this.tasks = tasks;
        this.messages = messages;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void checkNow() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        Messages m = messages.get();
        status.set(m.get("datacheck.working"));
        tasks.job(m.get("datacheck.button"), (progress, cancellation) -> integrity.check(), this::show);
    }

    private void show(IntegrityReport report) {
        busy.set(false);
        Messages m = messages.get();
        String seconds = String.format(Locale.ROOT, "%.1f", report.millis() / 1000.0);
        if (report.ok()) {
            status.set(m.get("datacheck.ok", report.checks(), seconds));
            return;
        }
        StringBuilder problems = new StringBuilder();
        for (IntegrityReport.Problem p : report.problems()) {
            problems.append("\n• ").append(p.code()).append(": ").append(p.where()).append(" (").append(p.rows()).append(')');
        }
        status.set(m.get("datacheck.problems", problems));
    }
}
