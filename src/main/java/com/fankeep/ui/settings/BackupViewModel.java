package com.fankeep.ui.settings;

import com.fankeep.core.backup.BackupException;
import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.BackupService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.ErrorText;
import com.fankeep.ui.common.FileType;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Backups in Settings: what the newest backup is, "Back up now", and "Restore a backup…". A restore is checked and
 * confirmed here, then done when FanKeep next starts (the open database cannot be swapped under the running app),
 * so after confirming, the app closes.
 */
public final class BackupViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final BackupService backups;
    private final UiTasks tasks;
    private final Dialogs dialogs;
    private final Supplier<Messages> messages;
    private final Runnable closeApp;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public BackupViewModel(BackupService backups, UiTasks tasks, Dialogs dialogs, Supplier<Messages> messages, Runnable closeApp) {
        this.backups = backups;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.closeApp = closeApp;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Where the backups go. */
    public Path folder() {
        return backups.settings().folder();
    }

    /** Reads the backups folder and says what the newest backup is. */
    public void refresh() {
        tasks.call(backups::list, this::showNewest, failure -> status.set(""));
    }

    /** A backup as a job (task panel, the one writer thread); a refused backup is shown with its clear message. */
    public void backupNow() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set(messages.get().get("safety.backup.working"));
        tasks.job(messages.get().get("safety.backup.now"), (progress, cancellation) -> {
            try {
                return new Outcome(backups.backupNow(), null);
            } catch (BackupException e) {
                return new Outcome(null, e);
            }
        }, outcome -> {
            if (outcome.error() != null) {
                failed(outcome.error());
            } else {
                busy.set(false);
                status.set(messages.get().get("safety.backup.written", describe(outcome.info())));
            }
        });
    }

    private record Outcome(BackupInfo info, BackupException error) {
    }

    /** Picks a backup file, checks it, shows what it holds and asks before anything happens. */
    public void restore() {
        Messages m = messages.get();
        List<Path> files = dialogs.chooseFilesToOpen(m.get("safety.restore.choose"),
                List.of(new FileType(m.get("safety.restore.fileType"), List.of("*.zip"))));
        if (files.isEmpty() || busy.get()) {
            return;
        }
        Path file = files.getFirst();
        busy.set(true);
        status.set(m.get("safety.restore.checking"));
        tasks.call(() -> backups.verify(file), info -> {
            busy.set(false);
            status.set("");
            Messages now = messages.get();
            dialogs.confirm(now.get("safety.restore.title"), now.get("safety.restore.confirm", describe(info)),
                    now.get("safety.restore.action"), now.get("safety.restore.keep")).thenAccept(yes -> {
                        if (yes) {
                            tasks.call(() -> backups.scheduleRestore(file), scheduled -> closeApp.run(), this::failed);
                        }
                    });
        }, this::failed);
    }

    private void showNewest(List<BackupInfo> list) {
        Messages m = messages.get();
        status.set(list.isEmpty() ? m.get("safety.backup.none")
                : m.get("safety.backup.newest", describe(list.getFirst()), list.size()));
    }

    private String describe(BackupInfo info) {
        return messages.get().get("safety.backup.describe", WHEN.format(info.createdAt()), info.rows("customer"),
                info.rows("shop_order"));
    }

    private void failed(Throwable e) {
        busy.set(false);
        status.set("");
        Messages m = messages.get();
        Throwable cause = e instanceof BackupException ? e : e.getCause();
        if (cause instanceof BackupException be) {
            dialogs.showError(m.get("safety.error.title"), m.get(be.key(), be.args()), ErrorText.details(be));
        } else {
            tasks.reportUnexpected(e);
        }
    }
}
