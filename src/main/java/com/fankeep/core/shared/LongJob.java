package com.fankeep.core.shared;

/** A job that may take long: it reports progress and stops (rolling back) when cancelled. */
@FunctionalInterface
public interface LongJob<T> {

    T run(Progress progress, Cancellation cancellation) throws Exception;
}
