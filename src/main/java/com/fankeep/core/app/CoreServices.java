package com.fankeep.core.app;

import com.fankeep.core.backup.BackupService;
import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.privacy.ErasureService;
import com.fankeep.core.settings.SettingsService;

/**
 * The one place services are created and wired to each other (who listens to imports, to customer changes), used
 * by the desktop app and the CLI alike so both run the same logic.
 */
public record CoreServices(Database database, StatsService stats, SettingsService settings, ImportService imports,
                           BackupService backups, IntegrityService integrity,
                           ErasureService erasure) {

    public static CoreServices over(Database database) {
        ImportService imports = new ImportService(database);
        return new CoreServices(database, new StatsService(database), new SettingsService(database), imports,
                new BackupService(database), new IntegrityService(database),
                new ErasureService(database, CustomerChangeListener.NONE)); // TODO(lead): the search index's listener
    }
}
