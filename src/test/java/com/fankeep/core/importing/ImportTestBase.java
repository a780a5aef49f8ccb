package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.CustomerSortKeys;
import com.fankeep.core.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh database in a temp folder and the import service over it, for each test of an import class; after each
 * test, the customer list's sort keys must match what was imported. Every test runs on both import paths: one
 * transaction on the open file (with the files' identity keys looked up), and the bulk path's swapped-in copy (ADR
 * 0023; every stored key read).
 */
@org.junit.jupiter.params.ParameterizedClass(name = "{0} path")
@org.junit.jupiter.params.provider.EnumSource(value = BulkPolicy.class, names = {"NEVER", "ALWAYS"})
abstract class ImportTestBase {

    @org.junit.jupiter.params.Parameter
    BulkPolicy path;

    @TempDir
    Path temp;
    Database db;
    ImportService service;

    @BeforeEach
    void openDatabase() {
        db = Database.open(temp.resolve("data"));
        // the normal path looks its files' keys up, as it does in a big shop (ADR 0050); the bulk path reads them all
        service = new ImportService(db).bulkPolicy(path)
                .keyReading(path == BulkPolicy.NEVER ? StoredKeys.Reading.LOOK_UP : StoredKeys.Reading.READ_ALL);
    }

    @AfterEach
    void closeDatabase() {
        try {
            // whatever a test imported or undid, the list's sort keys kept on the customer row are in step (V0040)
            assertThat(db.dsl().connectionResult(CustomerSortKeys::stale)).as("stale customer sort keys").isZero();
        } finally {
            db.close();
        }
    }
}
