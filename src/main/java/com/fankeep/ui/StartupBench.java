package com.fankeep.ui;

import com.fankeep.core.bench.StartupTimes;
import com.fankeep.core.crypto.EncryptionService;
import com.fankeep.ui.customers.CustomersViewModel;
import com.fankeep.ui.shell.PageId;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * {@code bench startup}: starts the real app in this JVM (on $DISPLAY) and times, from the JVM's start, its first frame
 * and the moment it is usable — the Customers page opened from the sidebar took a search typed into its box and its
 * list answered. The search index may still be loading then (it loads behind); when it is ready is reported too.
 * Then the app is closed as the window's close would (search index saved, exit backup, database closed).
 */
public final class StartupBench {

    /** Typed into the search box: a common surname, so a filled folder has hits. */
    static final String QUERY = "王";
    private static final long TIMEOUT_SECONDS = 120;
    private static final long INDEX_WAIT_SECONDS = 60;
    private static final long CLOSE_WAIT_MINUTES = 20;

    private final CompletableFuture<Long> firstFrame = new CompletableFuture<>();
    private final CompletableFuture<Long> usable = new CompletableFuture<>();
    private volatile long usableCpuMs = -1;
    private final CompletableFuture<Long> indexReady = new CompletableFuture<>();
    private final CompletableFuture<Long> statusReady = new CompletableFuture<>();
    private final CompletableFuture<Long> todayReady = new CompletableFuture<>();
    private final CompletableFuture<Long> dashboardReady = new CompletableFuture<>();
    private final AtomicReference<CompletionStage<Void>> shutdown = new AtomicReference<>();
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

    private StartupBench() {
    }

    /** Measures one start over {@code dataDir} (created if new); the JavaFX toolkit must not be running yet. */
    public static StartupTimes measure(Path dataDir, java.time.Duration hold) {
        if (EncryptionService.encrypted(dataDir)) {
            throw new IllegalArgumentException("bench startup does not take an encrypted data folder (it would wait for the password)");
        }
        try {
            return new StartupBench().run(dataDir, hold);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("bench startup failed: " + e.getMessage(), e);
        }
    }

    private StartupTimes run(Path dataDir, java.time.Duration hold) throws Exception {
        Platform.setImplicitExit(false);
        CompletableFuture<Void> toolkit = new CompletableFuture<>();
        Platform.startup(() -> toolkit.complete(null));
        FanKeepApp app = new FanKeepApp(new StartOptions(dataDir, Locale.getDefault(), FanKeepApp::openWithUpgradeBackup,
                code -> usable.completeExceptionally(new IllegalStateException("the app could not start (exit code " + code + ")")),
                shutdown::set));
        app.init(); // opens (and migrates) the database here, off the FX thread, as the launcher thread does
        toolkit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        AtomicReference<Stage> stage = new AtomicReference<>();
        Platform.runLater(() -> {
            stage.set(new Stage());
            app.start(stage.get());
            Scene scene = stage.get().getScene();
            if (app.mainWindow() == null) {
                usable.completeExceptionally(new IllegalStateException("the data folder could not be opened (see the log)"));
            } else {
                watchFigures(app.mainWindow());
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    firstFrame.complete(sinceJvmStart());
                    Platform.runLater(() -> typeSearch(scene, app.mainWindow().customersViewModel()));
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
        });
        long usableMs;
        long firstFrameMs;
        long[] later; // search index, status bar, Today, dashboard
        long hits;
        try {
            usableMs = usable.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            firstFrameMs = firstFrame.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            later = new long[] {within(indexReady), within(statusReady), within(todayReady), within(dashboardReady)};
            hits = CompletableFuture.supplyAsync(() -> app.mainWindow().customersViewModel().total().get(),
                    Platform::runLater).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Thread.sleep(hold.toMillis()); // the window stays as it is, e.g. for a screenshot
        } catch (Exception e) {
            close(app, stage.get());
            throw e;
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long closeMs = close(app, stage.get());
        return new StartupTimes(firstFrameMs, usableMs, usableCpuMs, later[0], hits, later[1], later[2], later[3], closeMs,
                aotCache(), load, sinceJvmStart(app.updateWindow().firstFrameAt()), sinceJvmStart(app.updateWindow().doneAt()));
    }

    /** The status bar's counts, Today's first answer and the dashboard's figures: each timed when it arrives. */
    private void watchFigures(com.fankeep.ui.shell.MainWindow window) {
        whenTrue(window.statusBarViewModel().statsProperty().isNotNull(), statusReady);
        whenTrue(window.todayViewModel().loadedProperty(), todayReady);
        whenTrue(window.dashboardViewModel().figures().isNotNull(), dashboardReady);
    }

    /** The bindings watched: a binding only weakly held by what it observes would be collected before it fires. */
    private final java.util.List<Object> watched = new java.util.ArrayList<>();

    private void whenTrue(javafx.beans.value.ObservableBooleanValue value, CompletableFuture<Long> done) {
        watched.add(value);
        if (value.get()) {
            done.complete(sinceJvmStart());
            return;
        }
        value.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    done.complete(sinceJvmStart());
                    value.removeListener(this);
                }
            }
        });
    }

    /** Milliseconds from the JVM's start when it arrived, or -1 if not within the wait (it loads behind). */
    private static long within(CompletableFuture<Long> arrival) throws Exception {
        try {
            return arrival.get(INDEX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return -1;
        }
    }

    /** As the owner would: Customers in the sidebar, then the query typed into the search box. */
    private void typeSearch(Scene scene, CustomersViewModel customers) {
        customers.indexReady().addListener((o, was, ready) -> {
            if (ready) {
                indexReady.complete(sinceJvmStart());
            }
        });
        if (customers.indexReady().get()) {
            indexReady.complete(sinceJvmStart());
        }
        Node nav = scene.lookup("#" + PageId.CUSTOMERS.navId());
        if (nav instanceof ButtonBase button) {
            button.fire();
        }
        customers.loading().addListener((o, was, loading) -> {
            if (!loading && QUERY.equals(customers.searchText())) {
                markUsable();
            }
        });
        // An empty folder shows the "load sample data" page instead of the list: the search goes to the list's model.
        if (scene.lookup("#customer-search") instanceof TextField search) {
            search.setText(QUERY);
        } else {
            customers.search(QUERY);
        }
        if (!customers.loading().get() && QUERY.equals(customers.searchText())) {
            markUsable();
        }
    }

    private void markUsable() {
        long ms = sinceJvmStart();
        usableCpuMs = processCpuMs();
        usable.complete(ms);
    }

    /**
     * CPU time of this process so far (all threads), from /proc/self/stat on Linux, else -1. On a shared machine the
     * wall time grows with everyone else's load; the CPU time much less.
     */
    static long processCpuMs() {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15 of the line)
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private long sinceJvmStart() {
        return System.currentTimeMillis() - jvmStart;
    }

    /** {@code at} (epoch millis, 0: never) from the JVM's start, or -1. */
    private long sinceJvmStart(long at) {
        return at == 0 ? -1 : at - jvmStart;
    }

    /**
     * Closes the window the way closing it does: stop() saves the index, backs up, closes the database. Returns how
     * long that took (a big shop's exit backup takes minutes: waited for up to {@link #CLOSE_WAIT_MINUTES}).
     */
    private long close(FanKeepApp app, Stage stage) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                if (stage != null) {
                    stage.hide();
                }
                app.stop();
                stopped.complete(null);
            } catch (Exception e) {
                stopped.completeExceptionally(e);
            }
        });
        stopped.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        CompletionStage<Void> s = shutdown.get();
        if (s != null) {
            s.toCompletableFuture().get(CLOSE_WAIT_MINUTES, TimeUnit.MINUTES);
        }
        Platform.exit();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The -XX:AOTCache / -XX:SharedArchiveFile the JVM was started with (the launcher's options count too). */
    private static String aotCache() {
        java.util.List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (args.contains("-XX:AOTMode=off") || args.contains("-Xshare:off")) {
            return null;
        }
        for (String arg : args) {
            if (arg.startsWith("-XX:AOTCache=") || arg.startsWith("-XX:SharedArchiveFile=")) {
                return arg.substring(arg.indexOf('=') + 1);
            }
        }
        return null;
    }
}
