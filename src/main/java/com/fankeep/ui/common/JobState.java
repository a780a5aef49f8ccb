package com.fankeep.ui.common;

/** Where a long job stands, as the task panel shows it. */
public enum JobState {
    /** Waiting for the job thread (jobs run one after another). */
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Stopped at the owner's request; the job rolled its work back. */
    CANCELLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
