package com.fankeep.core.db;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * The progress of the migration running on this thread, for a Java migration that counts its own work (V0196), and the
 * Flyway callback that reports each migration as it begins and stops between them once cancelled (ADR 0048).
 */
public final class MigrationProgress implements Callback {

    private static final ThreadLocal<UpgradeProgress> CURRENT = ThreadLocal.withInitial(() -> UpgradeProgress.NONE);

    private final UpgradeProgress progress;
    private final int total;
    private int index;

    MigrationProgress(UpgradeProgress progress, int total) {
        this.progress = progress;
        this.total = total;
    }

    /** The progress of the open migrating on this thread ({@link UpgradeProgress#NONE} outside one). */
    public static UpgradeProgress current() {
        return CURRENT.get();
    }

    static void set(UpgradeProgress progress) {
        CURRENT.set(progress);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** Stops the migration running on this thread at this point when the owner cancelled. */
    public static void checkCancelled() {
        checkCancelled(current());
    }

    static void checkCancelled(UpgradeProgress progress) {
        if (progress.cancelled()) {
            throw new Cancelled();
        }
    }

    /** Thrown inside a migration or between two; {@link Database#open} turns it into {@link UpgradeCancelledException}. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("the update was cancelled");
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MigrationProgress.class);
    private long started;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        var info = context.getMigrationInfo();
        if (event == Event.AFTER_EACH_MIGRATE) {
            if (total > 0) { // an update of existing data: each migration's time in the log
                LOG.info("migration {} took {} ms", info == null ? "" : info.getVersion(), (System.nanoTime() - started) / 1_000_000);
            }
            return;
        }
        started = System.nanoTime();
        checkCancelled(progress);
        progress.migration(++index, total, info == null ? "" : String.valueOf(info.getVersion()),
                info == null ? "" : info.getDescription());
    }

    @Override
    public String getCallbackName() {
        return "fankeep-progress";
    }
}
