package com.fankeep.core.backup;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.KeyFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A newer FanKeep (an upgraded package, a newer build from source) over data of an older one: before the database
 * is migrated, a verified backup of it as it is, tagged {@code before-upgrade} (kept apart from the rotated ones).
 * If it cannot be written, the exception stops the start and nothing is migrated.
 */
public final class UpgradeBackup {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeBackup.class);
    static final String TAG = "before-upgrade";

    private UpgradeBackup() {
    }

    /**
     * The same backup as work for {@link Database#open(Path, DatabaseKey, java.util.function.Consumer)}, which runs it
     * only when it is about to migrate existing data: the file is opened once instead of twice (ADR 0035).
     */
    public static java.util.function.Consumer<javax.sql.DataSource> before(Path dataDir, DatabaseKey key, Clock clock) {
        return dataSource -> write(dataDir, key, clock, dataSource);
    }

    /** Opens the data folder once, backing up older data before migrating it (the app's and the CLI's open). */
    public static Database open(Path dataDir, DatabaseKey key, Clock clock) {
        return open(dataDir, key, clock, com.fankeep.core.db.UpgradeProgress.NONE);
    }

    /** As above, the backup and the update reported to {@code progress}, which can cancel them (ADR 0048). */
    public static Database open(Path dataDir, DatabaseKey key, Clock clock, com.fankeep.core.db.UpgradeProgress progress) {
        return Database.open(dataDir, key, before(dataDir, key, clock), progress);
    }

    private static BackupInfo write(Path dataDir, DatabaseKey key, Clock clock, javax.sql.DataSource dataSource) {
        BackupSettings settings = BackupSettings.read(dataDir);
        Instant now = clock.instant();
        Path target = new BackupFolder(settings.folder(), clock.getZone()).newFile(now, TAG);
        BackupInfo info = BackupArchive.write(dataSource, key, KeyFile.path(dataDir), target, TAG, now);
        LOG.info("backup before the database update written to {} ({} bytes)", info.file(), info.fileBytes());
        return info;
    }
}
