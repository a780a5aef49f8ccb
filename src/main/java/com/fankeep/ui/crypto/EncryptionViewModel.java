package com.fankeep.ui.crypto;

import com.fankeep.core.backup.BackupSettings;
import com.fankeep.core.crypto.EncryptionService;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.FolderSwap;
import com.fankeep.core.db.WrongPasswordException;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.ErrorText;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Password / encryption" in Settings: set, change or remove the password. The current password is checked first
 * (wrong: said, nothing happens); then the database is closed, {@link EncryptionService#change} runs on its own
 * thread with its steps shown, and the app closes (its services belong to the file that was replaced).
 */
public final class EncryptionViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptionViewModel.class);

    /** What the owner asked for. */
    public enum Mode { SET, CHANGE, REMOVE }

    private final Path dataFolder;
    private final boolean encrypted;
    private final Dialogs dialogs;
    private final Supplier<Messages> messages;
    private final Runnable closeDatabase;
    private final Runnable exitApp;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private volatile Cancellation cancellation = Cancellation.none();

    /**
     * @param closeDatabase stops automatic backups and closes the database (called off the FX thread)
     * @param exitApp       ends the app after the change
     */
    public EncryptionViewModel(Path dataFolder, boolean encrypted, Dialogs dialogs, Supplier<Messages> messages,
                               Runnable closeDatabase, Runnable exitApp) {
        this.dataFolder = dataFolder;
        this.encrypted = encrypted;
        this.dialogs = dialogs;
        this.messages = messages;
        this.closeDatabase = closeDatabase;
        this.exitApp = exitApp;
    }

    public boolean encrypted() {
        return encrypted;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Checks the form on the FX thread; a problem is returned as a message (and nothing happens), else null and the
     * change starts in the background.
     */
    public String apply(Mode mode, char[] current, char[] next, char[] again) {
        Messages m = messages.get();
        if (mode != Mode.REMOVE) {
            if (next.length == 0) {
                return m.get("crypto.settings.empty");
            }
            if (!Arrays.equals(next, again)) {
                return m.get("crypto.settings.mismatch");
            }
        }
        if (busy.get()) {
            return null;
        }
        busy.set(true);
        cancellation = Cancellation.none();
        status.set(m.get("crypto.settings.working", m.get("crypto.step.key")));
        Thread t = new Thread(() -> run(mode, current, mode == Mode.REMOVE ? null : next), "fankeep-encryption");
        t.start();
        return null;
    }

    private void run(Mode mode, char[] current, char[] next) {
        DatabaseKey key = null;
        try {
            if (mode != Mode.SET) {
                key = EncryptionService.unlock(dataFolder, current);
            }
        } catch (WrongPasswordException e) {
            Platform.runLater(() -> {
                busy.set(false);
                status.set(messages.get().get("crypto.settings.wrong"));
            });
            return;
        }
        closeDatabase.run();
        try {
            var result = EncryptionService.change(dataFolder, key, next, (done, total, step) -> Platform.runLater(() ->
                    status.set(messages.get().get("crypto.settings.working", messages.get().get("crypto.step." + step)))),
                    cancellation, FolderSwap.Steps.NONE);
            String done = result.backupBefore() == null
                    ? messages.get().get("crypto.settings.donePlainRemoved", BackupSettings.read(dataFolder).folder())
                    : messages.get().get("crypto.settings.done", result.backupBefore().file());
            Platform.runLater(() -> finished(done, null));
        } catch (com.fankeep.core.shared.CancelledException e) {
            LOG.info("password change cancelled; nothing changed");
            Platform.runLater(() -> finished(messages.get().get("crypto.settings.failed", ""), null));
        } catch (RuntimeException e) {
            LOG.error("password change failed", e);
            Platform.runLater(() -> finished(messages.get().get("crypto.settings.failed", ErrorText.summary(e)),
                    ErrorText.details(e)));
        } finally {
            if (next != null) {
                Arrays.fill(next, '\0');
            }
        }
    }

    /** Stops a change before the new file is put in place (then nothing changed); after that it runs to the end. */
    public void cancel() {
        cancellation.cancel();
    }

    /** The database is closed either way: say what happened, then end the app. */
    private void finished(String message, String details) {
        status.set(message);
        dialogs.showError(messages.get().get("crypto.settings.title"), message, details).thenRun(exitApp);
    }
}
