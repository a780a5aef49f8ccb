package com.fankeep.core.shared;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancel flag a long job checks between units of work; cancelling makes the job roll back, never half-write. */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
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
}
