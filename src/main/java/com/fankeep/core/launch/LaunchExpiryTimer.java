package com.fankeep.core.launch;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the app runs: the launches' expiry pass ({@link LaunchService#expireAllDue}) on a background thread, once soon
 * after start and then every {@code every}, so unpaid allocations expire and the waiting list moves up without the
 * owner asking. Logs a count only (no names: they are personal data).
 */
public final class LaunchExpiryTimer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchExpiryTimer.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fankeep-launch-expiry");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private LaunchExpiryTimer() {
    }

    public static LaunchExpiryTimer start(LaunchService launches, Duration first, Duration every) {
        return start(launches::expireAllDue, first, every);
    }

    /** The pass returns how many allocations it expired. */
    static LaunchExpiryTimer start(IntSupplier pass, Duration first, Duration every) {
        LaunchExpiryTimer t = new LaunchExpiryTimer();
        t.timer.scheduleWithFixedDelay(() -> {
            try {
                int n = pass.getAsInt();
                if (n > 0) {
                    LOG.info("launch expiry: {} unpaid allocations expired", n);
                }
            } catch (RuntimeException e) {
                LOG.error("launch expiry pass failed", e); // the next pass tries again
            }
        }, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return t;
    }

    /** Stops the timer and waits for a pass in progress (the database must not close under it). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
