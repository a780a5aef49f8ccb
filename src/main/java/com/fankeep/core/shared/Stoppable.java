package com.fankeep.core.shared;

import java.util.concurrent.Callable;

/**
 * Background work that may be stopped part-way, e.g. start-up catch-up reads when the app closes (ADR 0038). Inside
 * {@link #call}, every database statement checks {@code stop} before it starts, and a running one is cancelled when
 * {@code stop} is cancelled; the work then ends with {@link CancelledException} (its transaction rolled back). Bound to
 * the calling thread for the extent of the call (a {@link ScopedValue}), so work started elsewhere, such as the owner's
 * last save, is never affected.
 */
public final class Stoppable {

    private static final ScopedValue<Cancellation> STOP = ScopedValue.newInstance();

    private Stoppable() {
    }

    public static <T> T call(Cancellation stop, Callable<? extends T> work) throws Exception {
        return ScopedValue.where(STOP, stop).call(work::call);
    }

    /** {@code work} for a helper thread, stoppable with the calling thread's work (if that is stoppable). */
    public static <T> java.util.function.Supplier<T> carried(java.util.function.Supplier<T> work) {
        Cancellation stop = current();
        return stop == null ? work : () -> ScopedValue.where(STOP, stop).call(work::get);
    }

    /** The stop of the stoppable work running on this thread, or null outside {@link #call}. */
    public static Cancellation current() {
        return STOP.isBound() ? STOP.get() : null;
    }

    /** As {@link #current()}, or a cancellation nobody cancels: for a loop that checks between its steps. */
    public static Cancellation currentOrNone() {
        return STOP.isBound() ? STOP.get() : Cancellation.none();
    }
}
