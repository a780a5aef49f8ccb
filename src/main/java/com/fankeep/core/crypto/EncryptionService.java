package com.fankeep.core.crypto;

import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.BackupService;
import com.fankeep.core.customer.CustomerSearchService;
import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.DatabaseOpenException;
import com.fankeep.core.db.FolderSwap;
import com.fankeep.core.db.KeyFile;
import com.fankeep.core.db.WrongPasswordException;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns encryption at rest on, changes its password, turns it off (ADR 0011). Works on a closed database: a backup
 * first, then a re-encrypted COPY that must open with the new key and hold the same rows, then {@link FolderSwap}
 * puts the copy and the key file in place so that a kill at any step leaves a folder that opens with the old or the
 * new password, and loses nothing.
 */
public final class EncryptionService {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptionService.class);
    private static final int STEPS = 6;

    /**
     * What a change did: the backup taken first (null when encryption was turned on: that backup was not encrypted and
     * is deleted once the encrypted file is in place), the rows checked in the new file, the new key (null: plain).
     */
    public record Result(BackupInfo backupBefore, Map<String, Long> rows, DatabaseKey key, long millis) {
    }

    private EncryptionService() {
    }

    /** True when the folder's database is encrypted (an interrupted change is finished or undone first). */
    public static boolean encrypted(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (Files.isDirectory(dir)) {
            FolderSwap.settle(dir);
        }
        return KeyFile.encrypted(dir);
    }

    /** The key of the folder's database for {@code password}; slow on purpose (PBKDF2). Never on the FX thread. */
    public static DatabaseKey unlock(Path dataDir, char[] password) {
        Path dir = dataDir.toAbsolutePath().normalize();
        FolderSwap.settle(dir);
        KeyFile file = KeyFile.read(dir).orElseThrow(() -> new DatabaseOpenException(dir, "The database in " + dir
                + " is not encrypted", null));
        return file.unlock(password).orElseThrow(() -> new WrongPasswordException(dir, false));
    }

    /** The database of {@code dataDir}, opened with {@code password} when the folder is encrypted. */
    public static Database open(Path dataDir, char[] password) {
        if (!encrypted(dataDir)) {
            return Database.open(dataDir);
        }
        if (password == null) {
            throw new WrongPasswordException(dataDir.toAbsolutePath().normalize(), true);
        }
        return Database.open(dataDir, unlock(dataDir, password));
    }

    /**
     * Re-encrypts the closed database of {@code dataDir}: from {@code currentKey} (null: plain) to a key for
     * {@code newPassword} (null: plain again). Cancelling is possible until the new file is put in place.
     */
    public static Result change(Path dataDir, DatabaseKey currentKey, char[] newPassword, Progress progress,
                                Cancellation cancel, FolderSwap.Steps steps) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try (AutoCloseable lock = FolderSwap.lockForChange(dir)) {
            return changeLocked(dir, currentKey, newPassword, progress, cancel, steps);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DatabaseOpenException(dir, "Cannot release the lock of " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Result changeLocked(Path dir, DatabaseKey currentKey, char[] newPassword, Progress progress,
                                       Cancellation cancel, FolderSwap.Steps steps) {
        long start = System.nanoTime();
        BackupInfo before;
        Map<String, Long> rows;
        progress.update(0, STEPS, "backup");
        try (Database db = Database.open(dir, currentKey)) { // checks the old key and that nobody else has the folder
            before = new BackupService(db).backupBeforeKeyChange();
            try (var c = db.dataSource().getConnection()) {
                rows = Database.countRows(c);
            }
        } catch (SQLException e) {
            throw new DatabaseOpenException(dir, "Cannot read the database in " + dir + ": " + e.getMessage(), e);
        }
        steps.done("backup");
        cancel.check();
        progress.update(1, STEPS, "key");
        KeyFile.Unlocked next = newPassword == null ? null : KeyFile.create(newPassword);
        DatabaseKey newKey = next == null ? null : next.key();
        steps.done("derived");
        cancel.check();
        try {
            progress.update(2, STEPS, "copy");
            FolderSwap.prepareStaging(dir);
            Path copy = FolderSwap.stagingFile(dir);
            Files.copy(dir.resolve(Database.FILE_NAME + ".mv.db"), copy);
            steps.done("copied");
            cancel.check();
            progress.update(3, STEPS, "encrypt");
            FolderSwap.reencryptStaged(dir, currentKey, newKey);
            steps.done("reencrypted");
            cancel.check();
            progress.update(4, STEPS, "verify");
            Map<String, Long> copied = Database.countRows(copy, newKey);
            if (!copied.equals(rows)) {
                throw new IOException("the re-encrypted copy does not hold the same rows (" + copied + " vs " + rows + ")");
            }
            steps.done("verified");
            cancel.check();
            progress.update(5, STEPS, "swap");
            Files.deleteIfExists(dir.resolve(CustomerSearchService.SNAPSHOT_FILE)); // never left in clear beside it
            FolderSwap.commit(dir, Optional.ofNullable(next).map(KeyFile.Unlocked::file), steps);
        } catch (IOException | SQLException e) {
            throw new DatabaseOpenException(dir, "The database was not changed: " + e.getMessage(), e);
        }
        Database.open(dir, newKey).close(); // it opens with the new key; the old file is gone
        if (currentKey == null && newKey != null) {
            // a fresh copy of everything in clear is what the password is meant to prevent; the checked encrypted
            // file is in place now
            try {
                Files.deleteIfExists(before.file());
                before = null;
            } catch (IOException e) {
                LOG.warn("could not delete the unencrypted backup taken before encryption: {}", e.toString());
            }
        }
        progress.update(STEPS, STEPS, "done");
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("database in {} is now {} ({} ms)", dir, newKey == null ? "not encrypted" : "encrypted", millis);
        return new Result(before, rows, newKey, millis);
    }
}
