package com.fankeep.core.db;

import javax.sql.DataSource;

/**
 * What an open that updates existing data tells the owner while it works, and how they stop it (ADR 0048). Called on
 * the opening thread; nothing is called for an up-to-date database or a new folder, so their start costs nothing more.
 */
public interface UpgradeProgress {

    /** Reports nothing and is never cancelled: the opens of tests, benches and internal copies. */
    UpgradeProgress NONE = new UpgradeProgress() {
    };

    /**
     * Existing data is about to be updated by {@code pending} migrations; nothing is written yet. {@code current} is
     * the file as it is (e.g. to read the owner's language), valid only during this call.
     */
    default void updating(DataSource current, int pending) {
    }

    /** The backup before the update is being written. */
    default void backingUp() {
    }

    /** Migration {@code index} (1-based) of {@code total} begins. */
    default void migration(int index, int total, String version, String description) {
    }

    /** Inside a migration that counts its own work (V0196): {@code done} of {@code total}. */
    default void step(long done, long total) {
    }

    /** True once the owner asked to stop: the update ends at its next check and the old file stays as it was. */
    default boolean cancelled() {
        return false;
    }
}
