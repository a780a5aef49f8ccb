package com.fankeep.ui.settings;

import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.LongJob;
import com.fankeep.ui.common.UiTasks;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A Settings action run as a job in the task panel: one at a time, with a status line while it works and after. */
final class SettingsJob {

    private final UiTasks tasks;
    private final Supplier<Messages> messages;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    SettingsJob(UiTasks tasks, Supplier<Messages> messages) {
        this.tasks = tasks;
        this.messages = messages;
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    boolean busy() {
        return busy.get();
    }

    /** Starts {@code work} unless a job of this action runs; {@code done} turns its result into the status line. */
    <T> void start(String workingKey, String titleKey, LongJob<? extends T> work, BiFunction<Messages, T, String> done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        Messages m = messages.get();
        status.set(m.get(workingKey));
        tasks.<T>job(m.get(titleKey), work, r -> {
            busy.set(false);
            status.set(done.apply(messages.get(), r));
        });
    }
}
