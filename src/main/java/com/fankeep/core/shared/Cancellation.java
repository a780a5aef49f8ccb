package com.fankeep.core.shared;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A cancel flag a long job checks between units of work; cancelling makes the job roll back, never half-write. */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Run once by {@link #cancel()}: e.g. cancelling the statement a stoppable read is waiting for. */
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** @throws CancelledException when cancel() was called */
    public void check() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }

    /**
     * Runs {@code action} when this is cancelled (at once, on this thread, if it already is) until the returned handle
     * is closed. The action runs on the cancelling thread: it must be quick and must not throw.
     */
    public Registration whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled.get() && onCancel.remove(action)) {
            action.run();
        }
        return () -> onCancel.remove(action);
    }

    /** Ends a {@link #whenCancelled} registration. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
