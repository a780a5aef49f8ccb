package com.fankeep.core.backup;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.KeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes what an existing backup holds (e.g. erases customers in it) without ever leaving it damaged or missing:
 * the backup is checked and unpacked into a work folder beside it, opened and changed there, written as a new
 * verified backup with the original date and reason (so it keeps its file name and retention slot), checked again,
 * and only then renamed over the old file. Interrupted at any point, the old backup is still there, whole.
 */
public final class BackupRewrite {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRewrite.class);
    static final String WORK_SUFFIX = ".rewrite";

    private BackupRewrite() {
    }

    /**
     * Applies {@code change} to a copy of {@code file}; {@code change} returns false when it had nothing to change,
     * and then the backup is left as it was. Returns whether the backup was replaced. Throws {@link BackupException}
     * for a backup that cannot be read or rewritten, or one made under another password than {@code currentKey}'s
     * (null: the live database is not encrypted); the backup is then unchanged. An encrypted backup stays encrypted
     * under its own key.
     */
    public static boolean apply(Path file, DatabaseKey currentKey, Predicate<Database> change) {
        BackupInfo before = BackupArchive.readManifest(file);
        DatabaseKey key = RestoreService.keyFor(file, currentKey, null);
        Path work = file.resolveSibling(file.getFileName() + WORK_SUFFIX);
        Path data = work.resolve("data");
        Path rewritten = work.resolve("rewritten.zip");
        try {
            BackupArchive.deleteTreeQuietly(work);
            BackupArchive.extractVerified(file, data, key);
            if (key != null) {
                BackupArchive.keyFile(file).orElseThrow().write(KeyFile.path(data));
            }
            try (Database copy = Database.open(data, key)) {
                if (!change.test(copy)) {
                    return false;
                }
                BackupArchive.write(copy.dataSource(), key, KeyFile.path(data), rewritten, before.reason(), before.createdAt());
            }
            BackupArchive.extractVerified(rewritten, work.resolve("check"), key);
            Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("backup {} rewritten", file.getFileName());
            return true;
        } catch (IOException e) {
            throw new BackupException("backup.error.write", "Cannot rewrite the backup " + file + ": " + e.getMessage(), e,
                    file, e.getMessage());
        } finally {
            BackupArchive.deleteTreeQuietly(work);
        }
    }
}
