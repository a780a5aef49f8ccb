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

    /** The migration files in the source tree (features add theirs in their own version ranges). */
    public static java.util.List<Path> migrationFiles() {
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "0020" for V0020__….sql: the schema version a fresh database ends at. */
    public static String latestMigration() {
        return migrationFiles().getLast().getFileName().toString().substring(1, 5);
    }
}
