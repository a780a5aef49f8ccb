package com.fankeep.core.db.migration;

import com.fankeep.core.db.MigrationProgress;
import com.fankeep.core.db.UpgradeProgress;
import com.fankeep.core.merge.DuplicateKeys;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills V0195's key table for the customers already there, with the duplicates scanner's own code (the keys are Java
 * functions of names and places), then builds the index the scan looks holders up by: building it once over the rows
 * is far cheaper than keeping it up while 3,000,000 keys go in (ADR 0044).
 *
 * <p>It reports its progress to the update window and stops when the owner cancels (ADR 0048): every migration of
 * existing data runs on a copy of the file, deleted then.
 */
public class V0196__Fill_duplicate_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        UpgradeProgress progress = MigrationProgress.current();
        DuplicateKeys.rebuild(context.getConnection(), (done, total) -> {
            progress.step(done, total);
            MigrationProgress.checkCancelled();
        });
        progress.step(DuplicateKeys.STORED_PARTS, DuplicateKeys.REBUILD_PARTS); // the index and the commit follow
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("create index duplicate_key_hash_idx on duplicate_key (key_hash, customer_id)");
        }
        progress.step(DuplicateKeys.REBUILD_PARTS, DuplicateKeys.REBUILD_PARTS);
        MigrationProgress.checkCancelled();
    }
}
