package com.fankeep.core.db;

import com.fankeep.core.shared.RefusedException;
import java.nio.file.Path;

/** The owner stopped the update of their data: the copy being migrated was deleted, the old file is as it was. */
public final class UpgradeCancelledException extends RefusedException {

    public UpgradeCancelledException(Path dataDir) {
        super("upgrade.cancelled.refused", "The update of the data in " + dataDir + " was cancelled; nothing was changed.", dataDir);
    }
}
