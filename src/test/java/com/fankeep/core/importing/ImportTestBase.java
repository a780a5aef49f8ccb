package com.fankeep.core.importing;

import com.fankeep.core.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh database in a temp folder and the import service over it, for each test of an import class. */
abstract class ImportTestBase {

    @TempDir
    Path temp;
    Database db;
    ImportService service;

    @BeforeEach
    void openDatabase() {
        db = Database.open(temp.resolve("data"));
        service = new ImportService(db);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }
}
