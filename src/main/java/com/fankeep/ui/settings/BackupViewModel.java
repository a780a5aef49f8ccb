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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Backups in Settings: the list of FanKeep's backups (date, kind, size, counts), "Back up now" (its result stays
 * shown, with the new backup selected in the list), restore of a listed backup or of another file, deleting one by
 * hand, and the backups folder. A restore is checked and confirmed here, then done when FanKeep next starts (the
 * open database cannot be swapped under the running app), so after confirming, the app closes.
 */
public final class BackupViewModel {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final BackupService backups;
    private final UiTasks tasks;
    private final Dialogs dialogs;
    private final Supplier<Messages> messages;
    private final Runnable closeApp;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper("");
    // kept as a text of the messages, so it follows a language switch
    private java.util.function.Function<Messages, String> lastResultText = m -> "";
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ObservableList<BackupInfo> list = FXCollections.observableArrayList();
    private final ObjectProperty<BackupInfo> selected = new SimpleObjectProperty<>();

    public BackupViewModel(BackupService backups, UiTasks tasks, Dialogs dialogs, Supplier<Messages> messages, Runnable closeApp) {
        this.backups = backups;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.closeApp = closeApp;
    }

    /** A summary of the folder: the newest backup and how many there are. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the last "Back up now" (or delete, or folder change) did; stays until the next such action. */
    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** The backups in the folder, newest first. */
    public ObservableList<BackupInfo> backups() {
        return list;
    }

    public ObjectProperty<BackupInfo> selectedProperty() {
        return selected;
    }

    /** Reads the backups folder: the list and what the newest backup is. */
    public void refresh() {
        refresh(null);
    }

    /** Reads the list again and selects {@code select}, or keeps the selected backup when null. */
    private void refresh(Path select) {
        lastResult.set(lastResultText.apply(messages.get()));
        Path keep = select != null ? select : selected.get() == null ? null : selected.get().file();
        tasks.call(() -> new Folder(backups.settings().folder(), backups.list()), f -> {
            folder.set(f.dir());
            list.setAll(f.backups());
            selected.set(f.backups().stream().filter(b -> b.file().equals(keep)).findFirst().orElse(null));
            Messages m = messages.get();
            status.set(f.backups().isEmpty() ? m.get("safety.backup.none")
                    : m.get("safety.backup.newest", describe(f.backups().getFirst()), f.backups().size()));
        }, failure -> status.set(""));
    }

    private record Folder(Path dir, List<BackupInfo> backups) {
    }

    /** A backup as a job (task panel, the one writer thread); a refused backup is shown with its clear message. */
    public void backupNow() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        result(m -> m.get("safety.backup.working"));
        tasks.job(messages.get().get("safety.backup.now"), (progress, cancellation) -> {
            try {
                return new Outcome(backups.backupNow(), null);
            } catch (BackupException e) {
                return new Outcome(null, e);
            }
        }, outcome -> {
            if (outcome.error() != null) {
                result(m -> "");
                failed(outcome.error());
            } else {
                busy.set(false);
                BackupInfo info = outcome.info();
                result(m -> m.get("safety.backup.written", describe(m, info), info.file().getFileName()));
                refresh(outcome.info().file());
            }
        });
    }

    private record Outcome(BackupInfo info, BackupException error) {
    }

    /** Checks a listed backup, shows what it holds and asks before anything happens. */
    public void restore(BackupInfo backup) {
        if (backup != null) {
            restoreFile(backup.file());
        }
    }

    /** "Choose another file…": a backup from outside the folder (a USB stick, a copy made with --out). */
    public void restoreOtherFile() {
        Messages m = messages.get();
        List<Path> files = dialogs.chooseFilesToOpen(m.get("safety.restore.choose"),
                List.of(new FileType(m.get("safety.restore.fileType"), List.of("*.zip"))));
        if (!files.isEmpty()) {
            restoreFile(files.getFirst());
        }
    }

    private void restoreFile(Path file) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set(messages.get().get("safety.restore.checking"));
        tasks.call(() -> backups.verify(file), info -> {
            busy.set(false);
            refresh();
            Messages now = messages.get();
            dialogs.confirm(now.get("safety.restore.title"), now.get("safety.restore.confirm", describe(info)),
                    now.get("safety.restore.action"), now.get("safety.restore.keep")).thenAccept(yes -> {
                        if (yes) {
                            tasks.call(() -> backups.scheduleRestore(file), scheduled -> closeApp.run(), this::failed);
                        }
                    });
        }, this::failed);
    }

    /** Deletes a backup after asking; the only way a manual backup goes. */
    public void delete(BackupInfo backup) {
        if (backup == null || busy.get()) {
            return;
        }
        Messages m = messages.get();
        dialogs.confirm(m.get("safety.backup.delete.title"),
                m.get("safety.backup.delete.confirm", describe(backup), kind(backup), backup.file().getFileName()),
                m.get("safety.backup.delete.action"), m.get("safety.backup.delete.keep")).thenAccept(yes -> {
                    if (yes) {
                        tasks.call(() -> {
                            backups.delete(backup.file());
                            return backup;
                        }, gone -> {
                            result(now -> now.get("safety.backup.deleted", gone.file().getFileName()));
                            refresh();
                        }, this::failed);
                    }
                });
    }

    /** Another backups folder; the existing backups move there (safely: copied and checked before the old go). */
    public void chooseFolder() {
        if (busy.get()) {
            return;
        }
        Messages m = messages.get();
        Path chosen = dialogs.chooseFolder(m.get("safety.backup.folder.choose"), folder.get());
        if (chosen == null) {
            return;
        }
        busy.set(true);
        result(now -> now.get("safety.backup.folder.moving"));
        tasks.job(m.get("safety.backup.folder.choose"), (progress, cancellation) -> {
            try {
                return new Moved(backups.changeFolder(chosen), null);
            } catch (BackupException e) {
                return new Moved(0, e);
            }
        }, moved -> {
            if (moved.error() != null) {
                result(now -> "");
                failed(moved.error());
                return;
            }
            busy.set(false);
            result(now -> now.get("safety.backup.folder.changed", chosen, moved.count()));
            refresh();
        });
    }

    private record Moved(int count, BackupException error) {
    }

    /** "Automatic", "Made by you" or "Before a restore", in the owner's language. */
    String kind(BackupInfo info) {
        return messages.get().get("backup.kind." + info.kind().json());
    }

    private void result(java.util.function.Function<Messages, String> text) {
        lastResultText = text;
        lastResult.set(text.apply(messages.get()));
    }

    private String describe(BackupInfo info) {
        return describe(messages.get(), info);
    }

    private static String describe(Messages m, BackupInfo info) {
        return m.get("safety.backup.describe", WHEN.format(info.createdAt()), info.rows("customer"),
                info.rows("shop_order"));
    }

    private void failed(Throwable e) {
        busy.set(false);
        refresh();
        Messages m = messages.get();
        Throwable cause = e instanceof BackupException ? e : e.getCause();
        if (cause instanceof BackupException be) {
            dialogs.showError(m.get("safety.error.title"), m.get(be.key(), be.args()), ErrorText.details(be));
        } else {
            tasks.reportUnexpected(e);
        }
    }
}
