package com.fankeep.ui;

import atlantafx.base.theme.PrimerLight;
import com.fankeep.core.backup.AutoBackup;
import com.fankeep.core.db.DataFolder;
import com.fankeep.core.db.Database;
import com.fankeep.core.crypto.EncryptionService;
import com.fankeep.core.db.DatabaseInUseException;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.WrongPasswordException;
import com.fankeep.ui.crypto.EncryptionViewModel;
import com.fankeep.ui.crypto.PasswordPrompt;
import com.fankeep.core.settings.Language;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.ErrorText;
import com.fankeep.ui.common.FxDialogs;
import com.fankeep.ui.common.Localization;
import com.fankeep.ui.common.UiTasks;
import com.fankeep.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. {@link #init()} opens the database on the launcher thread (never the FX thread);
 * {@link #start} shows the main window, or a clear message when the data could not be opened.
 */
public final class FanKeepApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(FanKeepApp.class);

    private final StartOptions preset;
    private StartOptions options;
    private Path dataFolder;
    private Database database;
    private AppServices services;
    private Language language = Language.SYSTEM;
    /** Window and table layouts from the last run, read with the language. */
    private java.util.Map<String, String> layouts = java.util.Map.of();
    private Exception openFailure;
    private UiTasks tasks;
    private Image icon;
    private final SafetyOnStart safety = new SafetyOnStart();
    private AutoBackup autoBackup;
    /** Expires unpaid launch allocations while the app runs; started after the first page (set on the FX thread). */
    private volatile com.fankeep.core.launch.LaunchExpiryTimer launchExpiry;
    private MainWindow mainWindow;
    /** The stage {@link #start} was given. */
    private Stage stage;
    /** The data folder is encrypted: the password is asked in {@link #start} before anything opens the database. */
    private boolean locked;
    /** The key the password gave (null: not encrypted); a restore after a failed open needs it. */
    private DatabaseKey key;
    /** Shown by the open when it must update an older FanKeep's data (ADR 0048); made in {@link #init}. */
    private UpdateWindow update;

    /** Used by {@link Application#launch}: options come from the command line parameters. */
    public FanKeepApp() {
        this(null);
    }

    FanKeepApp(StartOptions preset) {
        this.preset = preset;
    }

    @Override
    public void init() {
        options = preset != null ? preset : fromParameters(getParameters());
        icon = loadIcon();
        update = new UpdateWindow(options.systemLocale(), icon);
        try {
            dataFolder = DataFolder.resolve(options.dataDirOption());
            locked = EncryptionService.encrypted(dataFolder);
            if (!locked) {
                open(null);
            }
        } catch (RuntimeException e) {
            failedToOpen(e);
        }
    }

    /** Opens the data with {@code key} (null: not encrypted); a pending restore runs first. Not on the FX thread. */
    private void open(DatabaseKey withKey) {
        safety.beforeOpen(dataFolder, withKey);
        key = withKey != null && EncryptionService.encrypted(dataFolder) ? withKey
                : null; // null also when the restore put a backup from before encryption in place
        // one open, with a backup of an older FanKeep's data before it is migrated: a second open to check for that
        // rewrote the closed file, so it never matched the mark of its last backup and every close backed it up again
        database = key == null ? options.openDatabase().open(dataFolder, update)
                : com.fankeep.core.backup.UpgradeBackup.open(dataFolder, key, java.time.Clock.systemDefaultZone(), update);
        update.opened();
        services = options.services().apply(AppServices.over(database));
        language = services.settings().language();
        layouts = services.settings().layouts();
    }

    /** From the password prompt's thread: a wrong password goes back to the prompt; any other failure is shown. */
    private void unlock(char[] password) {
        key = EncryptionService.unlock(dataFolder, password);
        try {
            open(key);
        } catch (WrongPasswordException e) {
            closeDatabase();
            throw e;
        } catch (RuntimeException e) {
            failedToOpen(e);
        }
    }

    private void failedToOpen(RuntimeException e) {
        openFailure = e;
        closeDatabase();
        if (e instanceof com.fankeep.core.db.UpgradeCancelledException) {
            return; // the owner's choice, not a failure: Database.open wrote its one line about it
        }
        if (e instanceof DatabaseInUseException) {
            LOG.info("data folder {} is in use by another FanKeep", dataFolder);
        } else {
            LOG.error("cannot open the data in {}", dataFolder, e);
        }
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        if (icon != null) {
            stage.getIcons().add(icon); // also lets the desktop match the window to its menu entry
        }
        if (locked) {
            // The language setting is inside the encrypted database: the prompt speaks the system's language.
            Messages m = new Localization(Language.SYSTEM, options.systemLocale()).messages();
            new PasswordPrompt(stage, m, dataFolder, this::unlock, () -> showMain(stage), options.exit()::accept).show();
            return;
        }
        showMain(stage);
    }

    private void showMain(Stage stage) {
        if (openFailure instanceof com.fankeep.core.db.UpgradeCancelledException) {
            update.showCancelled(() -> options.exit().accept(0)); // it says the data is as it was; Close quits
            return;
        }
        try {
            showMainOrFailure(stage);
        } finally {
            update.close(); // after the next window shows: the last window closing would end the app
        }
    }

    private void showMainOrFailure(Stage stage) {
        Localization localization = new Localization(language, options.systemLocale());
        Dialogs dialogs = new FxDialogs(localization::messages, stage);
        if (openFailure != null) {
            showStartupFailure(dialogs, localization.messages());
            return;
        }
        tasks = UiTasks.background(e -> showUnexpected(dialogs, localization.messages(), e));
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            LOG.error("unexpected error on the FX thread", e);
            showUnexpected(dialogs, localization.messages(), e);
        });
        AppServices s = services;
        com.fankeep.ui.common.LayoutMemory memory = new com.fankeep.ui.common.LayoutMemory(layouts, (name, value) ->
                tasks.call(() -> {
                    s.settings().setLayout(name, value);
                    return null;
                }, done -> { }, e -> LOG.warn("could not remember the layout {}", name, e)));
        mainWindow = new MainWindow(stage, services, tasks, localization, dialogs, memory)
                .withEncryption(new EncryptionViewModel(dataFolder, database.encrypted(), dialogs, localization::messages,
                        this::closeForKeyChange, () -> options.exit().accept(0)));
        mainWindow.show();
        safety.afterStart(services, dialogs, localization.messages(), mainWindow::afterFirstPage);
        // once a day: customers whose last order crossed a recency threshold move tier (a no-op when done today)
        UiTasks started = tasks;
        mainWindow.afterFirstPage(() -> started.job(localization.messages().get("tier.daily.job"), s.tiers()::dailyPass, r -> { }));
        autoBackup = AutoBackup.start(services.backups(), Duration.ofMinutes(10), Duration.ofMinutes(30));
        // unpaid launch allocations expire and the waiting list moves up without the owner: now, then hourly
        mainWindow.afterFirstPage(() -> launchExpiry = com.fankeep.core.launch.LaunchExpiryTimer.start(s.launches(), Duration.ZERO,
                Duration.ofHours(1)));
    }

    /** The update window (shown only when the start updated older data); {@code bench startup} reads its times. */
    UpdateWindow updateWindow() {
        return update;
    }

    /** The main window once shown (null before, or when the data could not be opened); {@code bench startup} watches it. */
    MainWindow mainWindow() {
        return mainWindow;
    }

    /** Read here, on the launcher thread, not on the FX thread. */
    private static Image loadIcon() {
        try (var in = FanKeepApp.class.getResourceAsStream("/icons/fankeep.png")) {
            return in == null ? null : new Image(in);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private void showStartupFailure(Dialogs dialogs, Messages m) {
        String title;
        String message;
        String details;
        if (openFailure instanceof DatabaseInUseException) {
            // Expected: a second window on the same folder. Say what to do; a stack trace would only frighten.
            title = m.get("error.databaseInUse.title");
            message = m.get("error.databaseInUse", dataFolder);
            details = null;
        } else {
            title = m.get("error.startup.title");
            message = m.get("error.startup.message", dataFolder);
            details = ErrorText.details(openFailure);
            safety.offerAfterOpenFailure(dataFolder, key, dialogs, m).thenAccept(restored -> {
                if (restored) {
                    options.exit().accept(0);
                } else {
                    dialogs.showError(title, message, details).thenRun(() -> options.exit().accept(1));
                }
            });
            return;
        }
        dialogs.showError(title, message, details).thenRun(() -> options.exit().accept(1));
    }

    private static void showUnexpected(Dialogs dialogs, Messages m, Throwable e) {
        if (com.fankeep.core.shared.StorageErrors.diskFull(e)) {
            dialogs.showError(m.get("error.title"), m.get("error.diskFull"), ErrorText.details(e));
            return;
        }
        dialogs.showError(m.get("error.title"), m.get("error.unexpected", ErrorText.summary(e)), ErrorText.details(e));
    }

    /** The window is gone: cancel jobs, let them roll back, close the database — on a thread of its own, not the FX thread. */
    @Override
    public void stop() {
        // on the FX thread: the stage may outlive this app (TestFX's primary stage); it must not keep the app reachable
        if (mainWindow != null) {
            mainWindow.close();
        }
        if (stage != null && icon != null) {
            stage.getIcons().remove(icon);
        }
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(this::shutDown,
                r -> {
                    Thread t = new Thread(r, "fankeep-shutdown");
                    t.setDaemon(false);   // the process must not end before the database is closed
                    t.start();
                });
        options.onShutdown().accept(shutdown);
    }

    private void shutDown() {
        safety.stop(); // the start-up check stops part-way instead of holding the close for its whole run
        if (tasks != null) {
            tasks.close();
        }
        if (services != null && database != null) {
            services.search().saveSnapshot(); // the next start has search at once
        }
        if (autoBackup != null) {
            autoBackup.close();
        }
        stopLaunchExpiry();
        backupOnExit();
        closeDatabase();
        LOG.info("FanKeep closed");
    }

    /**
     * A backup on exit (verified, rotated) unless the newest one already holds the data as it is; skipped when a
     * restore waits for the next start.
     */
    private void backupOnExit() {
        if (services == null || database == null || services.backups().restorePending()) {
            return;
        }
        try {
            services.backups().backupOnExitIfChanged();
        } catch (RuntimeException e) {
            LOG.error("backup on exit failed", e);
        }
    }

    /** Before a change of password: no more backups, the database closed (the app then ends). Not on the FX thread. */
    private void closeForKeyChange() {
        if (autoBackup != null) {
            autoBackup.close();
            autoBackup = null;
        }
        stopLaunchExpiry();
        services = null; // nothing to save on exit: the search index and the exit backup belong to the old file
        closeDatabase();
    }

    private void stopLaunchExpiry() {
        com.fankeep.core.launch.LaunchExpiryTimer t = launchExpiry;
        if (t != null) {
            t.close();
            launchExpiry = null;
        }
    }

    private void closeDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** The data folder opened once; an older FanKeep's data is backed up before it is migrated. */
    static Database openWithUpgradeBackup(Path dir, com.fankeep.core.db.UpgradeProgress progress) {
        return com.fankeep.core.backup.UpgradeBackup.open(dir, null, java.time.Clock.systemDefaultZone(), progress);
    }

    /** The options of the real start ({@link #init()} without a preset); package-private for its test. */
    static StartOptions fromParameters(Parameters parameters) {
        String dir = parameters.getNamed().get(DesktopLauncher.DATA_DIR_PARAMETER);
        return new StartOptions(dir == null ? null : Path.of(dir), Locale.getDefault(), FanKeepApp::openWithUpgradeBackup,
                DesktopLauncher::exit, DesktopLauncher::shutdownStarted);
    }
}
