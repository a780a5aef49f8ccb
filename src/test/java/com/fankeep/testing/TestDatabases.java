package com.fankeep.testing;

import com.fankeep.core.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A real, freshly migrated H2 file database in a temporary folder. */
public final class TestDatabases {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d{4})__.+\\.(sql|java)");

    private TestDatabases() {
    }

    public static Database fresh(Path tempDir) {
        return Database.open(tempDir.resolve("data"));
    }

    /** The versions of the migrations in the source tree (SQL and Java), in order, e.g. "0001". */
    public static List<String> migrationVersions() {
        try (Stream<Path> sql = Files.list(Path.of("src/main/resources/db/migration"));
             Stream<Path> java = Files.list(Path.of("src/main/java/com/fankeep/core/db/migration"))) {
            return Stream.concat(sql, java)
                    .map(p -> MIGRATION.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest migration version in the source tree. */
    public static String latestMigration() {
        List<String> all = migrationVersions();
        return all.get(all.size() - 1);
    }
}
