package com.fankeep.ui.settings;

import com.fankeep.core.db.FileCompaction;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.UiTasks;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * "Make the database smaller" in Settings, and the same pass after a big job when the file is more than twice its
 * data: a job in the task panel with progress, then the size before and after.
 */
public final class CompactViewModel {

    private final FileCompaction compaction;
    private final UiTasks tasks;
    private final Supplier<Messages> messages;
    private final SettingsJob job;

    public CompactViewModel(FileCompaction compaction, UiTasks tasks, Supplier<Messages> messages) {
        this.compaction = compaction;
        this.tasks = tasks;
        this.messages = messages;
        this.job = new SettingsJob(tasks, messages);
    }

    public ReadOnlyStringProperty statusProperty() {
        return job.statusProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return job.busyProperty();
    }

    public void compactNow() {
        start(false);
    }

    /** After a job that may have grown the file: one cheap look at the fill rate, a pass only when it is bloated. */
    public void compactIfBloated() {
        if (job.busy()) {
            return;
        }
        tasks.call(compaction::fill, fill -> {
            if (fill.bloated()) {
                start(true);
            }
        }, e -> { }); // a convenience: the next close tries again
    }

    private void start(boolean onlyIfBloated) {
        job.start("settings.compact.working", "settings.compact.job", (progress, cancellation) -> onlyIfBloated
                ? compaction.compactIfBloated(progress, cancellation) : compaction.compact(progress, cancellation),
                (m, r) -> m.get("settings.compact.done", mb(r.beforeBytes()), mb(r.afterBytes())));
    }

    /** The job's own title, so the "a job ended" listener does not start another look after this one. */
    public boolean isOwnJob(String title) {
        return messages.get().get("settings.compact.job").equals(title);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
