package com.fankeep.ui.settings;

import com.fankeep.core.integrity.IntegrityReport;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.UiTasks;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * "Check the data now" in Settings: the full integrity check (references and every customer's figures against the
 * orders), which start-up leaves out because it reads every order. Runs as a job in the task panel.
 */
public final class DataCheckViewModel {

    private final IntegrityService integrity;
    private final SettingsJob job;

    public DataCheckViewModel(IntegrityService integrity, UiTasks tasks, Supplier<Messages> messages) {
        this.integrity = integrity;
        this.job = new SettingsJob(tasks, messages);
    }

    public ReadOnlyStringProperty statusProperty() {
        return job.statusProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return job.busyProperty();
    }

    public void checkNow() {
        job.start("datacheck.working", "datacheck.button", (progress, cancellation) -> integrity.check(), DataCheckViewModel::status);
    }

    private static String status(Messages m, IntegrityReport report) {
        String seconds = String.format(Locale.ROOT, "%.1f", report.millis() / 1000.0);
        if (report.ok()) {
            return m.get("datacheck.ok", report.checks(), seconds);
        }
        StringBuilder problems = new StringBuilder();
        for (IntegrityReport.Problem p : report.problems()) {
            problems.append("\n• ").append(p.code()).append(": ").append(p.where()).append(" (").append(p.rows()).append(')');
        }
        return m.get("datacheck.problems", problems);
    }
}
