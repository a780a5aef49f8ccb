package com.fankeep.core.shared;

/** Where a long job reports how far it is. Implementations must be cheap and thread-safe. */
@FunctionalInterface
public interface Progress {

    /** @param done units finished so far; @param total all units, or -1 when unknown; @param message what is happening */
    void update(long done, long total, String message);

    Progress NONE = (done, total, message) -> { };
}
