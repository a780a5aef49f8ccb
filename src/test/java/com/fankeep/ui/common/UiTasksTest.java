package com.fankeep.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiTasksTest {

    /** An executor that runs nothing until the test says so: shows what happens on which "thread". */
    static final class Manual implements Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queue.add(r);
        }

        void runAll() {
            Runnable r;
            while ((r = queue.poll()) != null) {
                r.run();
            }
        }
    }

    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    private final Manual calls = new Manual();
    private final Manual jobs = new Manual();
    private final Manual fx = new Manual();
    private ExecutorService jobThread;

    @AfterEach
    void stopThreads() {
        if (jobThread != null) {
            jobThread.shutdownNow();
        }
    }

    @Test
    void aCallRunsInTheBackgroundAndDeliversItsResultOnTheFxExecutor() {
        UiTasks tasks = new UiTasks(calls, jobs, fx, unexpected::add);
        AtomicReference<Integer> result = new AtomicReference<>();

        tasks.call(() -> 42, result::set);

        assertThat(calls.queue).hasSize(1);
        assertThat(fx.queue).isEmpty();
        calls.runAll();
        assertThat(result.get()).as("not before the FX executor ran").isNull();
        fx.runAll();
        assertThat(result.get()).isEqualTo(42);
    }

    @Test
    void aFailedCallGoesToTheAppsErrorHandlerUnlessTheCallerHandlesIt() {
        UiTasks tasks = UiTasks.direct(unexpected::add);
        AtomicReference<Throwable> handled = new AtomicReference<>();

        tasks.call(() -> {
            throw new IllegalStateException("disk gone");
        }, r -> { });
        tasks.call(() -> {
            throw new IllegalArgumentException("bad");
        }, r -> { }, handled::set);

        assertThat(unexpected).singleElement().satisfies(e -> assertThat(e).hasMessage("disk gone"));
        assertThat(handled.get()).hasMessage("bad");
    }

    @Test
    void aJobIsListedWhileItRunsThenSucceedsWithItsLastProgress() {
        UiTasks tasks = new UiTasks(calls, jobs, fx, unexpected::add);
        AtomicReference<String> result = new AtomicReference<>();

        JobHandle job = tasks.job("Export", (progress, cancellation) -> {
            progress.update(3, 4, "row 3 of 4");
            return "done";
        }, result::set);
        fx.runAll();

        assertThat(tasks.runningJobs()).containsExactly(job);
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        jobs.runAll();
        fx.runAll();

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.progressProperty().get()).isEqualTo(0.75);
        assertThat(job.messageProperty().get()).isEqualTo("row 3 of 4");
        assertThat(result.get()).isEqualTo("done");
        assertThat(tasks.runningJobs()).isEmpty();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void thousandsOfProgressReportsReachTheFxThreadAsOneUpdate() {
        UiTasks tasks = new UiTasks(calls, jobs, fx, unexpected::add);
        JobHandle job = tasks.job("Import", (progress, cancellation) -> {
            for (int i = 1; i <= 10_000; i++) {
                progress.update(i, 10_000, "row " + i);
            }
            return null;
        }, r -> { });
        fx.runAll();
        jobs.runAll();

        // the job's end, markRunning, and one coalesced progress update: not 10,000 tasks
        assertThat(fx.queue).hasSizeLessThanOrEqualTo(3);
        fx.runAll();
        assertThat(job.progressProperty().get()).isEqualTo(1.0);
        assertThat(job.messageProperty().get()).isEqualTo("row 10000");
    }

    @Test
    void aJobCancelledWhileQueuedNeverRuns() {
        UiTasks tasks = new UiTasks(calls, jobs, fx, unexpected::add);
        AtomicBoolean ran = new AtomicBoolean();
        JobHandle job = tasks.job("Backup", (progress, cancellation) -> {
            ran.set(true);
            return null;
        }, r -> { });
        fx.runAll();

        job.cancel();
        jobs.runAll();
        fx.runAll();

        assertThat(ran).isFalse();
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(tasks.runningJobs()).isEmpty();
    }

    @Test
    void cancellingARunningJobEndsItCancelledNotFailed() throws Exception {
        jobThread = Executors.newSingleThreadExecutor();
        UiTasks tasks = new UiTasks(calls, jobThread, Runnable::run, unexpected::add);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean succeeded = new AtomicBoolean();

        JobHandle job = tasks.job("Import", (progress, cancellation) -> {
            started.countDown();
            while (true) {
                cancellation.check();
                Thread.onSpinWait();
            }
        }, r -> succeeded.set(true));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        job.cancel();
        jobThread.shutdown();
        assertThat(jobThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(succeeded).isFalse();
        assertThat(unexpected).isEmpty();
        assertThat(tasks.runningJobs()).isEmpty();
    }

    @Test
    void aFailingJobIsReportedOnce() {
        UiTasks tasks = UiTasks.direct(unexpected::add);
        JobHandle job = tasks.job("Import", (progress, cancellation) -> {
            throw new java.io.IOException("file vanished");
        }, r -> { });

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(unexpected).singleElement().satisfies(e -> assertThat(e).hasMessage("file vanished"));
    }

    @Test
    void closingCancelsRunningJobsAndWaitsUntilTheyHaveStopped() throws Exception {
        // No FX toolkit here: results are dropped, which is what happens while the app closes.
        UiTasks tasks = UiTasks.background(unexpected::add);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean rolledBack = new AtomicBoolean();
        tasks.job("Import", (progress, cancellation) -> {
            started.countDown();
            try {
                while (true) {
                    cancellation.check();
                    Thread.sleep(2);
                }
            } finally {
                Thread.sleep(50);   // a rollback takes a moment
                rolledBack.set(true);
            }
        }, r -> { });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        tasks.close();

        assertThat(rolledBack).as("close() returned only after the job stopped").isTrue();
    }

    @Test
    void closingClosesWhatIsStillHeldAfterTheJobsStoppedButNotWhatWasReleased() throws Exception {
        UiTasks tasks = UiTasks.background(unexpected::add);
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        tasks.job("Import", (progress, cancellation) -> {
            started.countDown();
            try {
                while (true) {
                    cancellation.check();
                    Thread.sleep(2);
                }
            } finally {
                events.add("job stopped");
            }
        }, r -> { });
        AutoCloseable waitingForAnswer = () -> events.add("open import rolled back");
        AutoCloseable answered = () -> events.add("answered import closed twice");
        tasks.holdUntilClosed(waitingForAnswer);
        tasks.holdUntilClosed(answered);
        tasks.release(answered);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        tasks.close();

        assertThat(events).containsExactly("job stopped", "open import rolled back");
    }

    /**
     * A big shop's close waited 12-14 s for start-up reads still running (ADR 0038): closing stops catch-up work and
     * reports inside their statements, and neither result nor failure is delivered.
     */
    @Test
    void closingStopsBackgroundReadsInsideTheirStatementsAndDeliversNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        com.fankeep.core.db.Database db = com.fankeep.core.db.Database.open(dir);
        ExecutorService background = Executors.newFixedThreadPool(2);
        try {
            UiTasks tasks = new UiTasks(background, jobs, Runnable::run, unexpected::add);
            List<Object> delivered = new CopyOnWriteArrayList<>();
            tasks.behind(() -> count(db, "select count(*) from system_range(1, 100000000000) where mod(x, 1000000007) = -1"), delivered::add);
            tasks.report(() -> count(db, "select count(*) from system_range(2, 100000000000) where mod(x, 1000000007) = -1"), delivered::add, delivered::add);
            com.fankeep.testing.RunningStatements.waitUntilRunning(db.dataSource(), "system_range(1,");
            com.fankeep.testing.RunningStatements.waitUntilRunning(db.dataSource(), "system_range(2,");

            tasks.close();

            background.shutdown();
            assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).as("both reads stopped").isTrue();
            assertThat(delivered).isEmpty();
            assertThat(unexpected).isEmpty();
        } finally {
            background.shutdownNow();
            db.close();
        }
    }

    private static long count(com.fankeep.core.db.Database db, String sql) throws java.sql.SQLException {
        try (var c = db.dataSource().getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
