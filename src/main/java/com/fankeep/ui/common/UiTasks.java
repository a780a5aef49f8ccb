package com.fankeep.ui.common;

import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.CancelledException;
import com.fankeep.core.shared.LongJob;
import com.fankeep.core.shared.Stoppable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI reaches services: work runs off the FX thread, results come back on it (ADR 0004).
 * Short calls ({@link #call}) share a small pool; long jobs ({@link #job}) run one after another on their own thread,
 * report progress and can be cancelled. {@link #direct} runs everything on the caller's thread, for ViewModel tests.
 */
public final class UiTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UiTasks.class);
    private static final long CLOSE_WAIT_SECONDS = 20;

    private final Executor calls;
    /** Start-up catch-up work (search index, follow-up rules, checks): never ahead of what the owner asked for. */
    private final Executor behind;
    /** Long read-only reports (the dashboard over a million orders): never holding a thread a list or a page waits for. */
    private final Executor reports;
    private final Executor jobs;
    private final Executor fx;
    private final Consumer<Throwable> unexpected;
    private final List<ExecutorService> owned;
    private final ObservableList<JobHandle> running = FXCollections.observableArrayList();
    private final ObservableList<JobHandle> runningView = FXCollections.unmodifiableObservableList(running);
    private final Set<JobHandle> unfinished = ConcurrentHashMap.newKeySet();
    private final Set<AutoCloseable> held = ConcurrentHashMap.newKeySet();
    /** Cancelled when the app closes: what {@link #behind} and {@link #report} run stops (ADR 0038). */
    private final Cancellation closing = new Cancellation();

    /**
     * @param unexpected where failures nobody handles go (the app shows them as a short message with "copy details");
     *                   called on the FX thread
     */
    public UiTasks(Executor calls, Executor jobs, Executor fx, Consumer<Throwable> unexpected) {
        this(calls, calls, calls, jobs, fx, unexpected, List.of());
    }

    private UiTasks(Executor calls, Executor behind, Executor reports, Executor jobs, Executor fx, Consumer<Throwable> unexpected,
                    List<ExecutorService> owned) {
        this.calls = calls;
        this.behind = behind;
        this.reports = reports;
        this.jobs = jobs;
        this.fx = fx;
        this.unexpected = unexpected;
        this.owned = owned;
    }

    /** Background threads, results delivered with {@link Platform#runLater}. */
    public static UiTasks background(Consumer<Throwable> unexpected) {
        ExecutorService calls = Executors.newFixedThreadPool(2, daemonThreads("fankeep-call"));
        // One job thread: imports, exports and backups write a lot, and one writer at a time keeps them from colliding.
        ExecutorService jobs = Executors.newSingleThreadExecutor(daemonThreads("fankeep-job"));
        // A big shop's start-up catch-up (index build, rules over 1,000,000 orders) held both call threads for seconds:
        // a search typed meanwhile waited 20 s. It gets a thread of its own.
        ThreadPoolExecutor behind = oneThread(lowPriorityThreads("fankeep-behind"));
        // The dashboard's figures and charts took seconds each at 1,000,000 orders and held a call thread meanwhile.
        // Two threads: the page reads its figures and its charts side by side, one per core (ADR 0046).
        ThreadPoolExecutor reports = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                lowPriorityThreads("fankeep-report"));
        return new UiTasks(calls, behind, reports, jobs, UiTasks::runLaterIfAlive, unexpected, List.of(calls, behind, reports, jobs));
    }

    private static ThreadPoolExecutor oneThread(ThreadFactory threads) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
    }

    /** Everything on the caller's thread: a test calls a ViewModel method and sees the result right after. */
    public static UiTasks direct(Consumer<Throwable> unexpected) {
        Executor now = Runnable::run;
        return new UiTasks(now, now, now, now, now, unexpected, List.of());
    }

    /** Runs {@code work} in the background; {@code onSuccess} gets its result on the FX thread, failures go to the app's error handler. */
    public <T> void call(Callable<? extends T> work, Consumer<? super T> onSuccess) {
        call(work, onSuccess, unexpected);
    }

    public <T> void call(Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        callOn(calls, work, onSuccess, onFailure);
    }

    /**
     * As {@link #call}, for catch-up work nobody waits for: one at a time, never taking a thread from {@link #call}.
     * Stoppable: when the app closes, its database statements are cancelled and it ends without a result (ADR 0038).
     */
    public <T> void behind(Callable<? extends T> work, Consumer<? super T> onSuccess) {
        callOn(behind, () -> Stoppable.call(closing, work), onSuccess, unexpected);
    }

    /** As {@link #call}, for a long read-only report: two at a time, on threads of their own; stoppable as {@link #behind}. */
    public <T> void report(Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        callOn(reports, () -> Stoppable.call(closing, work), onSuccess, onFailure);
    }

    private <T> void callOn(Executor executor, Callable<? extends T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Throwable> onFailure) {
        submit(executor, () -> {
            T result;
            try {
                result = work.call();
            } catch (CancelledException e) {
                LOG.info("background work stopped: the app is closing");
                return;
            } catch (Exception e) {
                LOG.warn("background call failed", e);
                fx.execute(() -> onFailure.accept(e));
                return;
            }
            fx.execute(() -> onSuccess.accept(result));
        });
    }

    /**
     * Starts a long job: it appears in {@link #runningJobs()} until it ends, {@code onSuccess} gets its result on the FX
     * thread. A job that throws {@link CancelledException} after {@link JobHandle#cancel()} ends {@link JobState#CANCELLED}.
     */
    public <T> JobHandle job(String title, LongJob<? extends T> job, Consumer<? super T> onSuccess) {
        JobHandle handle = new JobHandle(title, fx);
        unfinished.add(handle);
        fx.execute(() -> running.add(handle));
        submit(jobs, () -> runJob(handle, job, onSuccess));
        return handle;
    }

    /** Hands a failure to the app's error handler (a ViewModel that cleaned up after a failure still wants it shown). */
    public void reportUnexpected(Throwable e) {
        unexpected.accept(e);
    }

    /**
     * Keeps {@code resource} until {@link #release} (e.g. an import whose open transaction waits for the owner's
     * answer): if the app closes first, {@link #close()} closes it after the jobs have stopped. Safe from any thread.
     */
    public void holdUntilClosed(AutoCloseable resource) {
        held.add(resource);
    }

    /** The resource was committed or closed by its owner; closing the app no longer needs to. */
    public void release(AutoCloseable resource) {
        held.remove(resource);
    }

    /** Jobs queued or running, in start order; changes on the FX thread. */
    public ObservableList<JobHandle> runningJobs() {
        return runningView;
    }

    private <T> void runJob(JobHandle handle, LongJob<? extends T> job, Consumer<? super T> onSuccess) {
        T result = null;
        Exception failure = null;
        JobState end;
        if (handle.cancellation().isCancelled()) {
            end = JobState.CANCELLED;   // cancelled while waiting: it never started, so there is nothing to undo
        } else {
            handle.markRunning();
            try {
                result = job.run(handle.progressReporter(), handle.cancellation());
                end = JobState.SUCCEEDED;
            } catch (CancelledException e) {
                end = JobState.CANCELLED;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                end = handle.cancellation().isCancelled() && e instanceof InterruptedException ? JobState.CANCELLED : JobState.FAILED;
                failure = e;
            }
        }
        unfinished.remove(handle);
        LOG.info("job '{}' ended {}", handle.title(), end);
        if (end == JobState.FAILED) {
            LOG.warn("job '{}' failed", handle.title(), failure);
        }
        JobState finalEnd = end;
        T finalResult = result;
        Exception finalFailure = failure;
        fx.execute(() -> {
            handle.finish(finalEnd);
            running.remove(handle);
            if (finalEnd == JobState.SUCCEEDED) {
                onSuccess.accept(finalResult);
            } else if (finalEnd == JobState.FAILED) {
                unexpected.accept(finalFailure);
            }
        });
    }

    private static void submit(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.info("the app is closing; background work not started");
        }
    }

    /**
     * Cancels every job, waits for them to roll back, then closes what is still held (an import nobody answered is
     * rolled back), so the database can be closed after this returns.
     */
    @Override
    public void close() {
        closing.cancel(); // catch-up work and reports stop at or inside their current statement
        unfinished.forEach(h -> h.cancellation().cancel());
        // Reports and catch-up work nobody will see: a big shop's close waited 20-40 s for queued dashboard reads and
        // checks. Dropped, not interrupted: an interrupt in the middle of H2's file I/O closes the database.
        for (ExecutorService e : owned) {
            if (e instanceof ThreadPoolExecutor pool && pool != calls) {
                pool.getQueue().clear();
            }
        }
        owned.forEach(ExecutorService::shutdown);
        for (ExecutorService e : owned) {
            try {
                if (!e.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("background work still running after {} s", CLOSE_WAIT_SECONDS);
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (AutoCloseable resource : List.copyOf(held)) {
            held.remove(resource);
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} while the app closes failed", resource, e);
            }
        }
    }

    private static void runLaterIfAlive(Runnable r) {
        try {
            Platform.runLater(r);
        } catch (IllegalStateException e) {
            // The FX toolkit has exited (the app is closing): there is no window left to update.
            LOG.debug("FX toolkit gone; result dropped");
        }
    }

    /** Daemon threads that yield the CPU to the others: what the owner waits for goes first on 2 cores. */
    private static ThreadFactory lowPriorityThreads(String prefix) {
        ThreadFactory plain = daemonThreads(prefix);
        return r -> plain.newThread(() -> {
            com.fankeep.core.shared.LowPriority.lowerThisThread();
            r.run();
        });
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
