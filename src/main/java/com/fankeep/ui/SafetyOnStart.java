package com.fankeep.ui;

import com.fankeep.core.backup.BackupException;
import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.RestoreResult;
import com.fankeep.core.backup.RestoreService;
import com.fankeep.core.integrity.IntegrityReport;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.CancelledException;
import com.fankeep.core.shared.Stoppable;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.ErrorText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up side of data safety: a restore the owner asked for runs before the database opens; after the window
 * shows, the database is checked in the background; when it is damaged or cannot be opened, the owner is offered the
 * newest backup (never restored without asking; the damaged file is kept).
 */
final class SafetyOnStart {

    private static final Logger LOG = LoggerFactory.getLogger(SafetyOnStart.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private static final long STOP_WAIT_MS = 10_000;

    private final Cancellation stopCheck = new Cancellation();
    private volatile Thread checkThread;
    private RestoreResult restored;
    private RuntimeException restoreFailure;

    /** Before the database is opened, on the launcher thread. */
    void beforeOpen(Path dataFolder, com.fankeep.core.db.DatabaseKey key) {
        try {
            restored = RestoreService.applyPending(dataFolder, Clock.systemDefaultZone(), key).orElse(null);
        } catch (RuntimeException e) {
            LOG.error("the restore asked for could not be done", e);
            restoreFailure = e;
        }
    }

    /** After the main window shows: say how the restore went, then check the database in the background. */
    void afterStart(AppServices services, Dialogs dialogs, Messages m, java.util.function.Consumer<Runnable> afterFirstPage) {
        if (restoreFailure != null) {
            String message = restoreFailure instanceof BackupException be ? m.get(be.key(), be.args()) : ErrorText.summary(restoreFailure);
            dialogs.showError(m.get("safety.error.title"), message, ErrorText.details(restoreFailure));
        } else if (restored != null) {
            LOG.info("restored {}", restored.restored().file().getFileName());
        }
        // Its own low-priority thread, and only the references: the figures against the orders take a pass over
        // every order (about 16 s of CPU for 1M orders), which `fankeep db check` does on demand.
        afterFirstPage.accept(() -> quickCheck(services, dialogs, m));
    }

    private void quickCheck(AppServices services, Dialogs dialogs, Messages m) {
        Thread check = new Thread(() -> {
            com.fankeep.core.shared.LowPriority.lowerThisThread(); // Java's MIN_PRIORITY alone does nothing on Linux
            try {
                IntegrityReport report = Stoppable.call(stopCheck, services.integrity()::quickCheck);
                if (!report.ok()) {
                    Platform.runLater(() -> offerRestore(m.get("safety.check.failed", describe(report)), services.dataFolder(),
                            dialogs, m));
                }
            } catch (CancelledException e) {
                LOG.info("start-up integrity check stopped: the app is closing (it runs again on the next start)");
            } catch (Exception e) {
                LOG.warn("start-up integrity check stopped: {}", e.toString());
            }
        }, "fankeep-integrity-check");
        check.setDaemon(true);
        check.setPriority(Thread.MIN_PRIORITY);
        checkThread = check;
        if (stopCheck.isCancelled()) {
            return; // the app closed before the first page's figures arrived
        }
        check.start();
    }

    /**
     * The app closes: the start-up check stops between or inside its statements (ADR 0038) and is waited for, briefly,
     * so the database is not closed under it. Not on the FX thread.
     */
    void stop() {
        stopCheck.cancel();
        Thread check = checkThread;
        if (check != null && check.isAlive()) {
            try {
                check.join(STOP_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (check.isAlive()) {
                LOG.warn("start-up integrity check still running {} ms after it was asked to stop", STOP_WAIT_MS);
            }
        }
    }

    /**
     * The database could not be opened: offer the newest backup. Completes with true when the owner took it (and it
     * was restored; the app should then close), false when they did not or there is none.
     */
    CompletionStage<Boolean> offerAfterOpenFailure(Path dataFolder, com.fankeep.core.db.DatabaseKey key, Dialogs dialogs,
                                                   Messages m) {
        Optional<BackupInfo> newest = RestoreService.newestBackup(dataFolder);
        if (newest.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        BackupInfo b = newest.get();
        return dialogs.confirm(m.get("safety.start.title"), m.get("safety.start.cannotOpen", describe(b, m)),
                m.get("safety.start.restore"), m.get("safety.start.notNow")).thenCompose(yes -> {
                    if (!yes) {
                        return CompletableFuture.completedFuture(false);
                    }
                    CompletableFuture<Boolean> done = new CompletableFuture<>();
                    Thread t = new Thread(() -> {
                        try {
                            RestoreService.restore(dataFolder, b.file(), Clock.systemDefaultZone(), key, null);
                            Platform.runLater(() -> dialogs.showError(m.get("safety.start.title"),
                                    m.get("safety.start.restored", describe(b, m)), null).thenRun(() -> done.complete(true)));
                        } catch (RuntimeException e) {
                            LOG.error("restore after a failed start did not work", e);
                            String message = e instanceof BackupException be ? m.get(be.key(), be.args()) : ErrorText.summary(e);
                            Platform.runLater(() -> dialogs.showError(m.get("safety.error.title"), message, ErrorText.details(e))
                                    .thenRun(() -> done.complete(false)));
                        }
                    }, "fankeep-restore");
                    t.start();
                    return done;
                });
    }

    private void offerRestore(String problem, Path dataFolder, Dialogs dialogs, Messages m) {
        Optional<BackupInfo> newest = RestoreService.newestBackup(dataFolder);
        if (newest.isEmpty()) {
            dialogs.showError(m.get("safety.check.title"), problem + "\n\n" + m.get("safety.check.noBackup"), null);
            return;
        }
        BackupInfo b = newest.get();
        dialogs.confirm(m.get("safety.check.title"), problem + "\n\n" + m.get("safety.check.offer", describe(b, m)),
                m.get("safety.restore.action"), m.get("safety.restore.keep")).thenAccept(yes -> {
                    if (yes) {
                        new Thread(() -> {
                            try {
                                RestoreService.scheduleFor(dataFolder, b.file());
                                Platform.runLater(Platform::exit);
                            } catch (RuntimeException e) {
                                LOG.error("could not schedule the restore", e);
                            }
                        }, "fankeep-restore").start();
                    }
                });
    }

    private static String describe(IntegrityReport report) {
        StringBuilder sb = new StringBuilder();
        for (IntegrityReport.Problem p : report.problems()) {
            sb.append("\n• ").append(p.code()).append(": ").append(p.where()).append(" (").append(p.rows()).append(')');
        }
        return sb.toString();
    }

    private static String describe(BackupInfo b, Messages m) {
        return m.get("safety.backup.describe", WHEN.format(b.createdAt()), b.rows("customer"), b.rows("shop_order"));
    }
}
