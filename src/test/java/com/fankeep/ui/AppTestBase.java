package com.fankeep.ui;

import com.fankeep.core.db.Database;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real app, headless (TestFX + Monocle), in English over a data folder; closed with its database after each test. */
abstract class AppTestBase {

    protected final FxRobot robot = new FxRobot();
    /** The code the app asked to exit with, -1 while it has not. */
    protected final AtomicInteger exitCode = new AtomicInteger(-1);
    private final AtomicReference<CompletionStage<Void>> shutdown = new AtomicReference<>();
    private volatile FanKeepApp app;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    /** Closes the app as the owner does (its stop(): jobs, search snapshot, exit backup, database) and waits for it. */
    @AfterEach
    protected void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            // stop() hands the shutdown to its own thread; the database must be closed before @TempDir is deleted
            shutdown.get().toCompletableFuture().get(30, TimeUnit.SECONDS);
            app = null;
        }
        FxToolkit.cleanupStages();
    }

    /** Starts the app over {@code dataDir} (created and migrated if new). */
    protected void startApp(Path dataDir) throws TimeoutException {
        startApp(dataDir, Database::open);
    }

    /** Starts the app over {@code dataDir}, opening its database with {@code opener} (a test's own, e.g. one that fails). */
    protected void startApp(Path dataDir, Function<Path, Database> opener) throws TimeoutException {
        startApp(dataDir, opener, java.util.function.UnaryOperator.identity());
    }

    /** Starts the app over {@code dataDir} on services {@code services} makes of the real ones (a slowed one). */
    protected void startApp(Path dataDir, Function<Path, Database> opener, java.util.function.UnaryOperator<AppServices> services)
            throws TimeoutException {
        app = (FanKeepApp) FxToolkit.setupApplication(
                () -> new FanKeepApp(new StartOptions(dataDir, Locale.ENGLISH, StartOptions.Opener.of(opener), exitCode::set,
                        shutdown::set, services)));
    }

    /** The app under test (null before it started). */
    protected FanKeepApp app() {
        return app;
    }

    /**
     * Starts the app over {@code dataDir} on another thread, opening with {@code opener} (which sees the update window as
     * its progress): a start held inside its update would otherwise hold the test too. Done when the app has started.
     */
    protected java.util.concurrent.CompletableFuture<Void> startAppInBackground(Path dataDir, StartOptions.Opener opener) {
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                app = (FanKeepApp) FxToolkit.setupApplication(() -> new FanKeepApp(new StartOptions(dataDir, Locale.ENGLISH, opener,
                        exitCode::set, shutdown::set)));
            } catch (TimeoutException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /**
     * Waits until a node {@code query} finds is visible on a window that shows, and then until the FX thread has
     * finished showing it: a dialog's pane is found in its scene a moment before its window is up, and a click then
     * finds no visible node. Returns that node.
     */
    protected Node waitUntilShown(String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(query).match(AppTestBase::onShownWindow).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).match(AppTestBase::onShownWindow).query();
    }

    /** Waits for a dialog whose window shows (see {@link #waitUntilShown}) and returns its pane. */
    protected DialogPane waitForDialog() throws TimeoutException {
        return (DialogPane) waitUntilShown(".dialog-pane");
    }

    /** Waits for a shown dialog with this header (another may be closing) and returns its pane. */
    protected DialogPane waitForDialog(String header) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shownDialog(header) != null);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = shownDialog(header);
        if (pane == null) {
            throw new TimeoutException("the dialog \"" + header + "\" closed again");
        }
        return pane;
    }

    private DialogPane shownDialog(String header) {
        return robot.lookup(".dialog-pane").match(AppTestBase::onShownWindow).queryAllAs(DialogPane.class).stream()
                .filter(p -> header.equals(p.getHeaderText())).findFirst().orElse(null);
    }

    /** Visible, in a scene, on a window that shows. */
    protected static boolean onShownWindow(Node n) {
        return n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing();
    }
}
