package com.fankeep.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * A new H2 database without running every migration (ADR 0034): the build migrates a scratch database with the real
 * migrations and ships its closed, compacted file as {@value #RESOURCE}; {@link Database#open} copies that file into a
 * brand-new folder, then Flyway validates it and applies anything newer as usual. The copy is the migrations' own
 * result, byte for byte, so nothing can differ (a SQL script of it could: H2 then picks other indexes for five
 * foreign keys). H2 only, plain (not encrypted) new databases only; PostgreSQL keeps migrating.
 */
public final class SchemaSnapshot {

    /** Class-path resource written by the build (exec-maven-plugin, process-classes); absent in an IDE build. */
    public static final String RESOURCE = "db/snapshot/new-database.mv.db";

    private SchemaSnapshot() {
    }

    /** The build's snapshot, or null when this build has none (new databases are then migrated one by one). */
    static InputStream open() {
        return SchemaSnapshot.class.getClassLoader().getResourceAsStream(RESOURCE);
    }

    /** Whether this build carries a snapshot. */
    public static boolean available() {
        return SchemaSnapshot.class.getClassLoader().getResource(RESOURCE) != null;
    }

    /** After the copy: Flyway's history says when this database was made, not when the build ran. */
    static void stamp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("update \"flyway_schema_history\" set \"installed_on\" = current_timestamp");
        }
    }

    /**
     * Migrates a scratch H2 database with {@link Database#MIGRATIONS} (up to {@code target}, or all when null) and
     * writes its file, closed and compacted, to {@code out}: what the build ships, and an older one for tests.
     */
    public static void write(Path out, String target) throws IOException, SQLException {
        Path scratch = Files.createTempDirectory("fankeep-snapshot");
        String url = "jdbc:h2:file:" + scratch.resolve("snapshot") + ";TRACE_LEVEL_FILE=0";
        try {
            var config = Flyway.configure().dataSource(url, "sa", "").locations(Database.MIGRATIONS)
                    .validateMigrationNaming(true);
            if (target != null) {
                config.target(target);
            }
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                config.load().migrate();
                s.execute("shutdown compact");
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.copy(scratch.resolve("snapshot.mv.db"), out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            com.fankeep.core.shared.Folders.deleteTree(scratch);
        }
    }

    /** The build: {@code SchemaSnapshot <output file>}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SchemaSnapshot <output file>");
        }
        long start = System.nanoTime();
        write(Path.of(args[0]), null);
        System.out.printf("schema snapshot %s (%d bytes) written in %d ms%n", args[0], Files.size(Path.of(args[0])),
                (System.nanoTime() - start) / 1_000_000);
    }
}
