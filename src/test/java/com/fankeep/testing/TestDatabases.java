package com.fankeep.testing;

import com.fankeep.core.db.Database;
import java.nio.file.Path;

/** A real, freshly migrated H2 file database in a temporary folder. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static Database fresh(Path tempDir) {
        return Database.open(tempDir.resolve("data"));
    }
}
