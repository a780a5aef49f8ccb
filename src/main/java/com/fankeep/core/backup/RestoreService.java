package com.fankeep.core.backup;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseInUseException;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.DatabaseOpenException;
import com.fankeep.core.db.FolderSwap;
import com.fankeep.core.db.KeyFile;
import com.fankeep.core.db.WrongPasswordException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the database of a data folder by a backup, with the folder's database closed (the CLI, or the desktop app
 * at its next start). The backup is unpacked and checked first; the current database is kept as a backup; only then
 * is the file swapped, by one rename. A refused or failed restore changes nothing.
 */
public final class RestoreService {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreService.class);
    static final String PENDING = "restore-pending.properties";

    private RestoreService() {
    }

    /** What {@code file} holds, from its manifest (quick); a foreign file is refused. */
    public static BackupInfo inspect(Path file) {
        return BackupArchive.readManifest(file);
    }

    /** Checks {@code file} completely (opens, rows match, not from a newer FanKeep) and returns what it holds. */
    public static BackupInfo verify(Path file, Path dataDir) {
        return verify(file, dataDir, null, null);
    }

    /**
     * As {@link #verify(Path, Path)}; an encrypted backup opens with {@code currentKey} when it was made under the
     * current password, else with {@code backupPassword}.
     */
    public static BackupInfo verify(Path file, Path dataDir, DatabaseKey currentKey, char[] backupPassword) {
        Path staging = dataDir.resolve("restore-check");
        try {
            BackupArchive.extractVerified(file, staging, keyFor(file, currentKey, backupPassword));
            return BackupArchive.readManifest(file);
        } finally {
            BackupArchive.deleteTreeQuietly(staging);
        }
    }

    /** Restores {@code file} into {@code dataDir}, whose database must not be open anywhere (plain folder and backup). */
    public static RestoreResult restore(Path dataDir, Path file, Clock clock) {
        return restore(dataDir, file, clock, null, null);
    }

    /**
     * Restores {@code file} into {@code dataDir}, whose database must not be open anywhere. {@code currentKey} opens the
     * current database to keep it as a backup (null: plain, or its password is not known — then its file is kept as
     * it is). An encrypted backup made under another password needs {@code backupPassword}. The folder then has the
     * backup's encryption: the database and its key file are swapped together ({@link FolderSwap}).
     */
    public static RestoreResult restore(Path dataDir, Path file, Clock clock, DatabaseKey currentKey, char[] backupPassword) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try (AutoCloseable lock = FolderSwap.lockForChange(dir)) {
            return restoreLocked(dir, file, clock, currentKey, backupPassword);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new BackupException("backup.error.restore", "Cannot restore " + file + ": " + e.getMessage(), e, file,
                    e.getMessage());
        }
    }

    private static RestoreResult restoreLocked(Path dir, Path file, Clock clock, DatabaseKey currentKey, char[] backupPassword) {
        Path staging = dir.resolve("restore-" + clock.millis());
        try {
            BackupInfo info = BackupArchive.readManifest(file);
            Optional<KeyFile> backupKeyFile = BackupArchive.keyFile(file);
            DatabaseKey backupKey = keyFor(file, currentKey, backupPassword);
            Path candidate = BackupArchive.extractVerified(file, staging, backupKey);
            Path current = dir.resolve(Database.FILE_NAME + ".mv.db");
            Path kept = Files.exists(current) ? keepCurrent(dir, clock, currentKey) : null;
            // the saved search index describes the database being replaced
            Files.deleteIfExists(dir.resolve(com.fankeep.core.customer.CustomerSearchService.SNAPSHOT_FILE));
            FolderSwap.prepareStaging(dir);
            Files.move(candidate, FolderSwap.stagingFile(dir), StandardCopyOption.ATOMIC_MOVE);
            FolderSwap.commit(dir, backupKeyFile, FolderSwap.Steps.NONE);
            // Opening migrates a backup made by an older FanKeep to the current schema.
            Database.open(dir, backupKey).close();
            LOG.info("restored {} (kept the previous database at {})", file.getFileName(), kept);
            return new RestoreResult(info, kept);
        } catch (IOException e) {
            throw new BackupException("backup.error.restore", "Cannot restore " + file + ": " + e.getMessage(), e, file,
                    e.getMessage());
        } finally {
            BackupArchive.deleteTreeQuietly(staging);
        }
    }

    /** The newest backup in the folder's backups whose manifest reads; a full check happens when it is restored. */
    public static Optional<BackupInfo> newestBackup(Path dataDir) {
        BackupSettings s = BackupSettings.read(dataDir);
        for (BackupFolder.Entry e : new BackupFolder(s.folder(), Clock.systemDefaultZone().getZone()).entries()) {
            try {
                return Optional.of(BackupArchive.readManifest(e.file()));
            } catch (BackupException ex) {
                LOG.warn("skipping unreadable backup {}", e.file().getFileName());
            }
        }
        return Optional.empty();
    }

    /** Asks for {@code file} to be restored when the data folder is next opened by the desktop app. */
    public static void scheduleFor(Path dataDir, Path file) {
        BackupArchive.readManifest(file);
        schedule(dataDir, file);
    }

    static void schedule(Path dataDir, Path file) {
        Properties p = new Properties();
        p.setProperty("file", file.toAbsolutePath().toString());
        try (Writer w = Files.newBufferedWriter(dataDir.resolve(PENDING), StandardCharsets.UTF_8)) {
            p.store(w, "restore this backup at the next start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a restore scheduled by {@link BackupService#scheduleRestore}, if any; the request is used up either way. */
    public static Optional<RestoreResult> applyPending(Path dataDir, Clock clock) {
        return applyPending(dataDir, clock, null);
    }

    /** As {@link #applyPending(Path, Clock)} for a folder opened with {@code currentKey}. */
    public static Optional<RestoreResult> applyPending(Path dataDir, Clock clock, DatabaseKey currentKey) {
        Path marker = dataDir.resolve(PENDING);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            p.load(r);
            Files.delete(marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(restore(dataDir, Path.of(p.getProperty("file", "")), clock, currentKey, null));
    }

    /**
     * The key {@code file} opens with: none for a plain backup, {@code currentKey} when it was made under the current
     * password, else the one {@code backupPassword} unlocks. Refused with a clear message when that password is
     * missing or wrong.
     */
    static DatabaseKey keyFor(Path file, DatabaseKey currentKey, char[] backupPassword) {
        Optional<KeyFile> keyFile = BackupArchive.keyFile(file);
        if (keyFile.isEmpty()) {
            return null;
        }
        if (currentKey != null && currentKey.salt().equals(keyFile.get().salt())) {
            return currentKey;
        }
        if (backupPassword == null) {
            throw new BackupException(NEEDS_PASSWORD, "The backup " + file + " was made under another password", null, file);
        }
        return keyFile.get().unlock(backupPassword).orElseThrow(() -> new BackupException("backup.error.wrongPassword",
                "Wrong password for the backup " + file, null, file));
    }

    /** The message key of a refusal because the backup was made under another password (ask for it, try again). */
    public static final String NEEDS_PASSWORD = "backup.error.needsPassword";

    private static Path keepCurrent(Path dir, Clock clock, DatabaseKey currentKey) throws IOException {
        try (Database db = Database.open(dir, currentKey)) {
            return new BackupService(db, clock).backupIntoFolder("before-restore", BackupFolder.BEFORE_RESTORE).file();
        } catch (DatabaseInUseException e) {
            throw new BackupException("backup.error.inUse", "The data folder " + dir + " is open in FanKeep", e, dir);
        } catch (WrongPasswordException e) {
            return keepFiles(dir, clock, "encrypted-");
        } catch (DatabaseOpenException e) {
            return keepFiles(dir, clock, "damaged-");
        }
    }

    /** The current database cannot be opened (damaged, or its password not given): keep its files as they are. */
    private static Path keepFiles(Path dir, Clock clock, String prefix) throws IOException {
        Path folder = BackupSettings.read(dir).folder();
        Files.createDirectories(folder);
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path kept = folder.resolve(prefix + stamp + ".mv.db");
        Files.copy(dir.resolve(Database.FILE_NAME + ".mv.db"), kept, StandardCopyOption.REPLACE_EXISTING);
        BackupArchive.force(kept);
        if (KeyFile.encrypted(dir)) {
            Files.copy(KeyFile.path(dir), folder.resolve(prefix + stamp + ".key"), StandardCopyOption.REPLACE_EXISTING);
        }
        return kept;
    }
}
