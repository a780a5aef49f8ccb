package com.fankeep.ui.common;

import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One long job started through {@link UiTasks}: its progress and state as FX properties (changed on the FX thread
 * only) and a {@link #cancel()} the task panel's button calls.
 */
public final class JobHandle {

    /** Progress value of a job that has not said how much work there is. */
    public static final double INDETERMINATE = -1;

    private record Update(long done, long total, String message) {
    }

    private final String title;
    private final Executor fx;
    private final Cancellation cancellation = new Cancellation();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(INDETERMINATE);
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(JobState.QUEUED);
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper();
    // A job may report thousands of times a second; only the latest report is handed to the FX thread.
    private final AtomicReference<Update> pending = new AtomicReference<>();

    JobHandle(String title, Executor fx) {
        this.title = title;
        this.fx = fx;
    }

    public String title() {
        return title;
    }

    /** Asks the job to stop; it does at its next check and rolls back. Never interrupts the thread (H2 would close its file). */
    public void cancel() {
        cancellation.cancel();
        cancelRequested.set(true);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** 0..1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public JobState state() {
        return state.get();
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    /** The {@link Progress} handed to the job; safe to call from its thread. */
    Progress progressReporter() {
        return (done, total, text) -> {
            if (pending.getAndSet(new Update(done, total, text)) == null) {
                fx.execute(this::applyPending);
            }
        };
    }

    void markRunning() {
        fx.execute(() -> {
            if (state.get() == JobState.QUEUED) {
                state.set(JobState.RUNNING);
            }
        });
    }

    /** On the FX thread: the last progress report, then the end state. */
    void finish(JobState end) {
        applyPending();
        state.set(end);
    }

    private void applyPending() {
        Update u = pending.getAndSet(null);
        if (u == null) {
            return;
        }
        progress.set(u.total() > 0 ? Math.min(1.0, (double) u.done() / u.total()) : INDETERMINATE);
        message.set(u.message() == null ? "" : u.message());
    }
}
