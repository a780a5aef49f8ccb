package com.fankeep.core.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new backups folder, with the existing backups moved into it so they stay listed and restorable. Safe at every
 * step: each file is copied under a temporary name, synced, compared by size and renamed; only when all are there
 * are the settings changed and the originals deleted. A failure removes the copies and changes nothing.
 */
final class BackupMove {

    private static final Logger LOG = LoggerFactory.getLogger(BackupMove.class);

    private BackupMove() {
    }

    static int changeFolder(Path dataDir, Path newFolder) {
        BackupSettings old = BackupSettings.read(dataDir);
        Path target = newFolder.toAbsolutePath().normalize();
        if (target.equals(old.folder().toAbsolutePath().normalize())) {
            return 0;
        }
        List<BackupFolder.Entry> entries = new BackupFolder(old.folder(), Clock.systemDefaultZone().getZone()).entries();
        List<Path> copied = new ArrayList<>();
        try {
            Files.createDirectories(target);
            for (BackupFolder.Entry e : entries) {
                Path to = target.resolve(e.file().getFileName());
                if (Files.exists(to)) {
                    if (Files.size(to) != Files.size(e.file())) {
                        throw new IOException(to + " exists already and is another file");
                    }
                    continue; // the same backup is there already (an earlier move that was cut off)
                }
                Path part = target.resolve(e.file().getFileName() + ".part");
                Files.copy(e.file(), part, StandardCopyOption.REPLACE_EXISTING);
                BackupArchive.force(part);
                if (Files.size(part) != Files.size(e.file())) {
                    throw new IOException("the copy of " + e.file().getFileName() + " is incomplete");
                }
                Files.move(part, to, StandardCopyOption.ATOMIC_MOVE);
                copied.add(to);
            }
        } catch (IOException e) {
            copied.forEach(BackupArchive::deleteQuietly);
            throw new BackupException("backup.error.move", "Cannot move the backups to " + target + ": " + e.getMessage(),
                    e, target, e.getMessage());
        }
        new BackupSettings(target, old.retention()).write(dataDir);
        for (BackupFolder.Entry e : entries) {
            BackupArchive.deleteQuietly(e.file());
        }
        LOG.info("backups folder changed, {} backups moved", entries.size());
        return entries.size();
    }
}
