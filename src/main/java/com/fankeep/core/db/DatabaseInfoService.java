package com.fankeep.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Describes the open database: where it is, its engine, schema version and durability setting. */
public final class DatabaseInfoService {

    private final Database database;

    public DatabaseInfoService(Database database) {
        this.database = database;
    }

    public DatabaseInfo info() {
        MigrationInfo[] applied = Flyway.configure().dataSource(database.dataSource())
                .locations(Database.MIGRATIONS).load().info().applied();
        List<String> names = Arrays.stream(applied).map(m -> m.getVersion() + " " + m.getDescription()).toList();
        String version = applied.length == 0 ? "-" : applied[applied.length - 1].getVersion().getVersion();
        String engineVersion = database.dsl().fetchOne("select h2version()").get(0, String.class);
        String writeDelay = database.dsl().fetchOne(
                "select max(setting_value) from information_schema.settings where setting_name = 'WRITE_DELAY'").get(0, String.class);
        return new DatabaseInfo(database.dataDir(), database.databaseFile(), size(), "H2", engineVersion, version, names,
                "WRITE_DELAY=" + writeDelay + " ms (every commit reaches the OS before it is acknowledged)");
    }

    private long size() {
        try {
            return Files.exists(database.databaseFile()) ? Files.size(database.databaseFile()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
