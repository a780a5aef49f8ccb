package com.fankeep.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The app's expiry timer without JavaFX: it runs the pass at once and again, survives a failed pass, and stops on close. */
class LaunchExpiryTimerTest {

    @Test
    void runsAtOnceThenAgainEvenAfterAFailureAndStopsWhenClosed() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        LaunchExpiryTimer timer = LaunchExpiryTimer.start(() -> {
            int n = passes.incrementAndGet();
            three.countDown();
            if (n == 1) {
                throw new IllegalStateException("the database was busy"); // the next pass must still run
            }
            return 0;
        }, Duration.ZERO, Duration.ofMillis(20));
        try {
            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            timer.close();
        }
        int after = passes.get();
        Thread.sleep(100); // a few periods: a stopped timer must not run again
        assertThat(passes.get()).isEqualTo(after);
    }
}
