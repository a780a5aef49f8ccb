package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cheap "up to date?" on every open must never say yes when Flyway would migrate or the data is newer (ADR 0035). */
class SchemaCheckTest {

    @TempDir
    Path dir;

    @Test
    void theBundledVersionsAreTheMigrationsFlywayFinds() throws Exception {
        JdbcConnectionPool empty = JdbcConnectionPool.create("jdbc:h2:mem:schemacheck", "sa", "");
        try {
            Set<String> flyway = Arrays.stream(Flyway.configure().dataSource(empty).locations(Database.MIGRATIONS).load().info().all())
                    .map(MigrationInfo::getVersion).map(Object::toString).collect(Collectors.toSet());
            assertThat(SchemaCheck.bundled()).hasSizeGreaterThan(20).isEqualTo(flyway);
        } finally {
            empty.dispose();
        }
    }

    @Test
    void aMigratedDatabaseIsUpToDateAndEveryOtherHistoryIsNot() throws Exception {
        Database.open(dir).close();
        JdbcConnectionPool pool = pool();
        try (Connection c = pool.getConnection(); var s = c.createStatement()) {
            assertThat(SchemaCheck.upToDate(pool)).isTrue();

            // a migration of a newer FanKeep applied: not "up to date" (Flyway decides, as before)
            s.execute("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"installed_by\", \"execution_time\", \"success\") values (9999, '9999', 'newer', 'SQL', "
                    + "'V9999__newer.sql', 'sa', 1, true)");
            assertThat(SchemaCheck.upToDate(pool)).isFalse();
            s.execute("delete from \"flyway_schema_history\" where \"version\" = '9999'");
            assertThat(SchemaCheck.upToDate(pool)).isTrue();

            // a failed migration recorded
            s.execute("update \"flyway_schema_history\" set \"success\" = false where \"version\" = '0121'");
            assertThat(SchemaCheck.upToDate(pool)).isFalse();
            s.execute("update \"flyway_schema_history\" set \"success\" = true where \"version\" = '0121'");

            // the newest migration not applied yet
            s.execute("delete from \"flyway_schema_history\" where \"version\" = '0121'");
            assertThat(SchemaCheck.upToDate(pool)).isFalse();
        } finally {
            pool.dispose();
        }
    }

    @Test
    void anOlderDatabaseIsNotUpToDateAndOpeningItMigratesIt() throws Exception {
        JdbcConnectionPool pool = pool();
        try {
            Flyway.configure().dataSource(pool).locations(Database.MIGRATIONS).target("31").load().migrate();
            assertThat(SchemaCheck.upToDate(pool)).isFalse();
        } finally {
            pool.dispose();
        }
        try (Database db = Database.open(dir)) {
            assertThat(SchemaCheck.upToDate(db.dataSource())).isTrue();
        }
    }

    @Test
    void anEmptyFileIsNotUpToDate() {
        JdbcConnectionPool pool = pool();
        try {
            assertThat(SchemaCheck.upToDate(pool)).isFalse();
        } finally {
            pool.dispose();
        }
    }

    private JdbcConnectionPool pool() {
        return JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(Database.FILE_NAME) + Database.URL_OPTIONS, "sa", "");
    }
}
