package com.fankeep.core.app;

import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.Database;
import com.fankeep.core.export.CustomerExportService;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.merge.MergeService;
import com.fankeep.core.recovery.RecoveryImportListener;
import com.fankeep.core.recovery.RecoveryService;
import com.fankeep.core.settings.SettingsService;
import java.time.Clock;

/**
 * The one place services are created and wired to each other (who listens to imports, to customer changes), used
 * by the desktop app and the CLI alike so both run the same logic.
 */
public record CoreServices(Database database, StatsService stats, SettingsService settings, ImportService imports,
                           MergeService merges, RecoveryService recovery, CustomerExportService customerExports) {

    public static CoreServices over(Database database) {
        ImportService imports = new ImportService(database);
        SettingsService settings = new SettingsService(database);
        // the search index (when wired) listens here to merges and recovery moves
        CustomerChangeListener customerChanges = CustomerChangeListener.NONE;
        Clock clock = Clock.systemDefaultZone();
        RecoveryService recovery = new RecoveryService(database, settings, customerChanges, clock);
        imports.addListener(new RecoveryImportListener(recovery));
        return new CoreServices(database, new StatsService(database), settings, imports,
                new MergeService(database, customerChanges), recovery, new CustomerExportService(database, settings, clock));
    }
}
