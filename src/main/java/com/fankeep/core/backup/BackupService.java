package com.fankeep.core.backup;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.KeyFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the open database: automatic (on exit, and at most once a day while running), manual, listed and
 * inspected. Each backup is a consistent copy, verified before it gets its final name. Restoring needs the database
 * closed, see {@link RestoreService}.
 */
public final class BackupService {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    /** How old the newest backup may be before an automatic one is due. */
    public static final Duration DAILY = Duration.ofHours(24);

    private final Database database;
    private final Clock clock;
    private final Object lock = new Object();

    public BackupService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public BackupService(Database database) {
        this(database, Clock.systemDefaultZone());
    }

    public BackupSettings settings() {
        return BackupSettings.read(database.dataDir());
    }

    public void saveSettings(BackupSettings settings) {
        settings.write(database.dataDir());
    }

    /** A backup the owner asked for, into the backups folder; it is never rotated away (old automatic ones are). */
    public BackupInfo backupNow() {
        return backupIntoFolder("manual", BackupFolder.MANUAL);
    }

    /**
     * Deletes a backup of the backups folder, which the owner chose by hand (manual backups go no other way). A file
     * outside the folder, or not named as a FanKeep backup, is refused and left alone.
     */
    public void delete(Path file) {
        synchronized (lock) {
            BackupFolder folder = folder();
            if (!folder.holds(file) || !java.nio.file.Files.isRegularFile(file)) {
                throw new BackupException("backup.error.notInFolder", "Not a backup of " + folder.dir() + ": " + file,
                        null, file, folder.dir());
            }
            try {
                java.nio.file.Files.delete(file);
            } catch (IOException e) {
                throw new BackupException("backup.error.delete", "Cannot delete " + file + ": " + e.getMessage(), e, file,
                        e.getMessage());
            }
            LOG.info("backup {} deleted by the owner", file.getFileName());
        }
    }

    /**
     * Makes {@code newFolder} the backups folder and moves the existing backups there (each copied, synced and
     * checked by size before the original goes), so they stay listed and restorable. Returns how many moved.
     */
    public int changeFolder(Path newFolder) {
        synchronized (lock) {
            return BackupMove.changeFolder(database.dataDir(), newFolder);
        }
    }

    /** As {@link #changeFolder(Path)} for a data folder that is not open (the command line's backup settings). */
    public static int changeFolder(Path dataDir, Path newFolder) {
        return BackupMove.changeFolder(dataDir, newFolder);
    }

    /** A backup to a file the owner chose (not rotated). */
    public BackupInfo backupTo(Path file) {
        synchronized (lock) {
            BackupInfo info = BackupArchive.write(database.dataSource(), database.key(),
                    KeyFile.path(database.dataDir()), file.toAbsolutePath(), "manual", clock.instant());
            LOG.info("backup written to {} ({} bytes)", info.file(), info.fileBytes());
            return info;
        }
    }

    /** A closing backup, whatever changed. */
    public BackupInfo backupOnExit() {
        return backupIntoFolder("exit", null);
    }

    /**
     * Runs when the app closes: the closing backup, unless a backup in the backups folder already holds the data
     * exactly as it is (nothing written since it was taken, in this session or, the file untouched, an earlier one):
     * another copy of the same data would only cost the owner time at every close (42 s with 1,000,000 orders) and
     * push an older, different backup out of the rotation sooner (ADR 0035).
     */
    public Optional<BackupInfo> backupOnExitIfChanged() {
        Optional<String> same = database.backedUpAs();
        if (same.isPresent() && java.nio.file.Files.isRegularFile(folder().dir().resolve(same.get()))) {
            LOG.info("no exit backup: nothing changed since {}", same.get());
            return Optional.empty();
        }
        return Optional.of(backupOnExit());
    }

    /** An automatic backup when the newest one is a day old or there is none; otherwise nothing. */
    public Optional<BackupInfo> backupIfDue() {
        Optional<Instant> newest = folder().entries().stream().map(BackupFolder.Entry::at).findFirst();
        if (newest.isPresent() && Duration.between(newest.get(), clock.instant()).compareTo(DAILY) < 0) {
            return Optional.empty();
        }
        return Optional.of(backupIntoFolder("daily", null));
    }

    /** The backups in the backups folder, newest first; a file that cannot be read is left out (and logged). */
    public List<BackupInfo> list() {
        List<BackupInfo> out = new ArrayList<>();
        for (BackupFolder.Entry e : folder().entries()) {
            try {
                out.add(BackupArchive.readManifest(e.file()));
            } catch (BackupException ex) {
                LOG.warn("skipping unreadable backup {}: {}", e.file().getFileName(), ex.getMessage());
            }
        }
        return out;
    }

    /** What {@code file} holds (its manifest); a foreign or damaged file is refused with a {@link BackupException}. */
    public BackupInfo inspect(Path file) {
        return BackupArchive.readManifest(file);
    }

    /** Checks {@code file} completely (opens, rows match its manifest, not from a newer FanKeep); returns what it holds. */
    public BackupInfo verify(Path file) {
        return RestoreService.verify(file, database.dataDir(), database.key(), null);
    }

    /** As {@link #verify(Path)}, for a backup made under an earlier password. */
    public BackupInfo verify(Path file, char[] backupPassword) {
        return RestoreService.verify(file, database.dataDir(), database.key(), backupPassword);
    }

    /** A backup into the backups folder before a change of password or encryption, kept like a restore's. */
    public BackupInfo backupBeforeKeyChange() {
        return backupIntoFolder("before-password-change", BackupFolder.BEFORE_RESTORE);
    }

    /**
     * Asks for {@code file} to be restored the next time FanKeep starts: the open database cannot be replaced under
     * the running app. The restore checks the file again and keeps the current database first.
     */
    public BackupInfo scheduleRestore(Path file) {
        BackupInfo info = BackupArchive.readManifest(file);
        RestoreService.schedule(database.dataDir(), file);
        return info;
    }

    /** True when a restore waits for the next start (then a backup on exit would only cost time). */
    public boolean restorePending() {
        return java.nio.file.Files.exists(database.dataDir().resolve(RestoreService.PENDING));
    }

    BackupInfo backupIntoFolder(String reason, String tag) {
        synchronized (lock) {
            BackupSettings s = settings();
            BackupFolder folder = new BackupFolder(s.folder(), clock.getZone());
            Instant now = clock.instant();
            long version = database.dataVersion();
            BackupInfo info = BackupArchive.write(database.dataSource(), database.key(),
                    KeyFile.path(database.dataDir()), folder.newFile(now, tag), reason, now);
            database.markBackedUp(info.file().getFileName().toString(), version); // kept only if nothing was written meanwhile
            LOG.info("{} backup written to {} ({} bytes)", reason, info.file(), info.fileBytes());
            try {
                List<Path> deleted = folder.rotate(s.retention());
                if (!deleted.isEmpty()) {
                    LOG.info("rotated away {} old backups", deleted.size());
                }
            } catch (IOException e) {
                LOG.warn("could not remove old backups in {}", folder.dir(), e);
            }
            return info;
        }
    }

    private BackupFolder folder() {
        return new BackupFolder(settings().folder(), clock.getZone());
    }
}
