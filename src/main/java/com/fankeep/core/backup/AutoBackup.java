package com.fankeep.core.backup;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** While the app runs: looks every half hour whether a daily backup is due, and makes it on a background thread. */
public final class AutoBackup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoBackup.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fankeep-auto-backup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private AutoBackup() {
    }

    /** Starts checking after {@code firstCheck} (not at once: start-up has other work), then every {@code every}. */
    public static AutoBackup start(BackupService backups, Duration firstCheck, Duration every) {
        AutoBackup auto = new AutoBackup();
        auto.timer.scheduleWithFixedDelay(() -> {
            try {
                backups.backupIfDue();
            } catch (RuntimeException e) {
                LOG.error("automatic backup failed", e);
            }
        }, firstCheck.toSeconds(), every.toSeconds(), TimeUnit.SECONDS);
        return auto;
    }

    /** Stops the timer and waits for a backup in progress to finish (it must not be cut off by the database closing). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
