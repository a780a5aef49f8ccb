package com.fankeep.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop app and returns when its window is closed. {@link Application#launch} creates
 * {@link FanKeepApp} itself and may run once per process, so the exit code and the shutdown come back through here.
 */
public final class DesktopLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);
    static final String DATA_DIR_PARAMETER = "data-dir";

    private static volatile boolean running;
    private static volatile int exitCode;
    private static volatile CompletionStage<Void> shutdown = CompletableFuture.completedFuture(null);

    private DesktopLauncher() {
    }

    public static boolean isRunning() {
        return running;
    }

    /** Shows the main window (blocks until it is closed); exits the process with 1 when the app could not start. */
    public static void launch(Path dataDirOption) {
        String[] args = dataDirOption == null ? new String[0]
                : new String[] {"--" + DATA_DIR_PARAMETER + "=" + dataDirOption.toAbsolutePath()};
        running = true;
        try {
            Application.launch(FanKeepApp.class, args);
        } finally {
            running = false;
        }
        awaitShutdown();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** The default {@link StartOptions#exit()}: remember the code, then close the FX toolkit. */
    static void exit(int code) {
        exitCode = code;
        Platform.exit();
    }

    static void shutdownStarted(CompletionStage<Void> stage) {
        shutdown = stage;
    }

    private static void awaitShutdown() {
        try {
            // Jobs roll back and the database closes before the process may end.
            shutdown.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("shutdown did not finish cleanly", e);
        }
    }
}
