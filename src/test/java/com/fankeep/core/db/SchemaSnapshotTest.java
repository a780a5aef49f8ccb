package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new database made from the build's schema snapshot is the database the migrations make (ADR 0034). */
class SchemaSnapshotTest {

    /** What the schema is, from H2's INFORMATION_SCHEMA (column lists are compared whole, but for these counters). */
    private static final List<String> VIEWS = List.of("TABLES", "COLUMNS", "INDEXES", "INDEX_COLUMNS", "TABLE_CONSTRAINTS",
            "KEY_COLUMN_USAGE", "REFERENTIAL_CONSTRAINTS", "CHECK_CONSTRAINTS", "CONSTRAINT_COLUMN_USAGE", "SEQUENCES",
            "VIEWS", "TRIGGERS", "DOMAINS");
    private static final Set<String> NOT_SCHEMA = Set.of("LAST_MODIFICATION", "ROW_COUNT_ESTIMATE");

    @TempDir
    Path temp;

    @Test
    void aNewFolderGetsTheSnapshotAndTheSameSchemaAndRowsAsTheMigrationsMake() throws Exception {
        assertThat(SchemaSnapshot.available()).as("the build wrote " + SchemaSnapshot.RESOURCE).isTrue();
        List<String> migrated = describe(migratedScratch());
        try (Database db = Database.open(temp.resolve("data"))) {
            List<String> fromSnapshot;
            try (Connection c = db.dataSource().getConnection()) {
                fromSnapshot = describe(c);
            }
            assertSame(fromSnapshot, migrated);
            Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations(Database.MIGRATIONS).load();
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(flyway.info().applied()).hasSize(TestDatabases.migrationVersions().size());
        }
    }

    @Test
    void migrationsNewerThanTheSnapshotAreAppliedOnTopOfIt() throws Exception {
        Path older = temp.resolve("older.mv.db");
        SchemaSnapshot.write(older, "0100");
        Path dir = java.nio.file.Files.createDirectories(temp.resolve("data"));
        try (var snapshot = java.nio.file.Files.newInputStream(older)) {
            Database.migrateACopy(dir, null, snapshot);
        }
        // read as migrateACopy left it (Database.open would migrate what it had left out)
        assertSame(describe(DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(Database.FILE_NAME)
                + ";TRACE_LEVEL_FILE=0", "sa", "")), describe(migratedScratch()));
    }

    /** Equal line for line; a difference is shown as the lines only one side has. */
    private static void assertSame(List<String> actual, List<String> migrated) {
        List<String> onlyActual = new ArrayList<>(actual);
        onlyActual.removeAll(migrated);
        List<String> onlyMigrated = new ArrayList<>(migrated);
        onlyMigrated.removeAll(actual);
        assertThat(java.util.Map.of("only made from the snapshot", onlyActual, "only made by the migrations", onlyMigrated))
                .isEqualTo(java.util.Map.of("only made from the snapshot", List.of(), "only made by the migrations", List.of()));
        assertThat(actual).containsExactlyElementsOf(migrated);
    }

    /** A scratch database migrated one by one, as before snapshots. */
    private Connection migratedScratch() throws SQLException {
        String url = "jdbc:h2:file:" + temp.resolve("migrated") + ";TRACE_LEVEL_FILE=0";
        Flyway.configure().dataSource(url, "sa", "").locations(Database.MIGRATIONS).load().migrate();
        return DriverManager.getConnection(url, "sa", "");
    }

    /** The schema as lines ("VIEW: col=value, …"), sorted, then every table's rows (Flyway's times left out). */
    private static List<String> describe(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (c; var s = c.createStatement()) {
            java.util.Map<String, String> generated = generatedIndexes(s);
            for (String view : VIEWS) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select * from information_schema." + view)) {
                    while (rs.next()) {
                        if (isSystem(rs)) {
                            continue;
                        }
                        StringBuilder row = new StringBuilder(view).append(':');
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            String column = rs.getMetaData().getColumnName(i);
                            if (!NOT_SCHEMA.contains(column) && !column.endsWith("_CATALOG")) { // the file's name
                                String value = rs.getString(i);
                                if (column.endsWith("INDEX_NAME")) {
                                    value = generated.getOrDefault(value, value);
                                }
                                row.append(' ').append(column).append('=').append(value);
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                lines.addAll(rows);
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'PUBLIC' "
                    + "order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select * from \"" + table + "\" order by 1")) {
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            // when a seeded row was written (the build's time in a snapshot) and Flyway's own timing
                            int type = rs.getMetaData().getColumnType(i);
                            if (type != java.sql.Types.TIMESTAMP && type != java.sql.Types.TIMESTAMP_WITH_TIMEZONE
                                    && !rs.getMetaData().getColumnName(i).equals("execution_time")) {
                                row.append(' ').append(rs.getString(i));
                            }
                        }
                        lines.add(row.toString());
                    }
                }
            }
        }
        return lines;
    }

    /**
     * H2's names for the indexes it makes for constraints ("CONSTRAINT_4CB_INDEX_4") count up as a database is
     * built, so a script gives them other names than the migrations did: such an index is told by its table and
     * columns instead (a migration never names one; ADR 0034).
     */
    private static java.util.Map<String, String> generatedIndexes(java.sql.Statement s) throws SQLException {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        try (ResultSet rs = s.executeQuery("select i.index_name, i.table_name, listagg(c.column_name, ',') within group "
                + "(order by c.ordinal_position) from information_schema.indexes i join information_schema.index_columns c "
                + "on c.index_schema = i.index_schema and c.index_name = i.index_name "
                + "where i.index_schema = 'PUBLIC' and i.is_generated group by i.index_name, i.table_name")) {
            while (rs.next()) {
                names.put(rs.getString(1), "generated(" + rs.getString(2) + ":" + rs.getString(3) + ")");
            }
        }
        return names;
    }

    /** Rows about INFORMATION_SCHEMA itself (and the like) are H2's, the same in every database. */
    private static boolean isSystem(ResultSet rs) throws SQLException {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            String column = rs.getMetaData().getColumnName(i);
            if (column.endsWith("_SCHEMA") && "INFORMATION_SCHEMA".equals(rs.getString(i))) {
                return true;
            }
        }
        return false;
    }
}
