package com.fankeep.core.shared;

/** Thrown inside a job when the user cancelled it; the job's transaction rolls back. */
public final class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
