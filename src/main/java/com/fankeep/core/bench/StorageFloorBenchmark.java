package com.fankeep.core.bench;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.PlainIndexes;
import com.fankeep.core.shared.Folders;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What H2 needs, at least, to hold what a shop's database holds: every row of the shop's tables batch-inserted with
 * plain JDBC into an empty database of this build's schema, its plain secondary indexes dropped and its reference
 * checks off (as the bulk import's copy loads, ADR 0023), then those indexes built again. No parsing, matching or
 * deriving: the import's storage work alone. Run over a data folder an import wrote, it shows how far below the
 * import's own time any import of that schema on this engine can go (issue #11; ADR 0010).
 */
public final class StorageFloorBenchmark {

    /** One table's rows: reading them from the shop, and their insert alone (read time taken off). */
    public record TableTime(String table, long rows, double readSeconds, double insertSeconds) {
    }

    /** One secondary index built over the loaded rows. */
    public record IndexTime(String name, String table, double seconds) {
    }

    public record Result(List<TableTime> tables, List<IndexTime> indexes, double cpuSeconds, boolean foreignKeysDropped) {

        public double insertSeconds() {
            return tables.stream().mapToDouble(TableTime::insertSeconds).sum();
        }

        public double indexSeconds() {
            return indexes.stream().mapToDouble(IndexTime::seconds).sum();
        }
    }

    private static final int BATCH = 1000;
    private static final int COMMIT_EVERY = 50_000;

    private StorageFloorBenchmark() {
    }

    /**
     * Reads {@code shop} (a data folder at this build's schema, not changed) and loads its rows into {@code work}.
     *
     * @param dropForeignKeys also load without the foreign keys (and the indexes H2 keeps for them), added again after
     *                        the load without checking the rows (SCRIPT's NOCHECK form; the bulk copy checks references)
     */
    public static Result run(Path shop, Path work, boolean dropForeignKeys, Progress progress) throws Exception {
        Folders.deleteTree(work);
        Database.open(work).close(); // an empty database of this build's schema
        long cpu0 = com.fankeep.core.shared.ProcessCpu.nanos();
        String options = ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
        String source = "jdbc:h2:file:" + shop.resolve(Database.FILE_NAME) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;LAZY_QUERY_EXECUTION=TRUE" + options;
        String target = "jdbc:h2:file:" + work.resolve(Database.FILE_NAME) + options;
        try (Connection s = java.sql.DriverManager.getConnection(source, "sa", "");
             Connection d = java.sql.DriverManager.getConnection(target, "sa", "")) {
            requireSameSchema(s, d);
            List<Rebuild> rebuild = new ArrayList<>();
            try (Statement st = d.createStatement()) {
                for (PlainIndexes.Index index : PlainIndexes.of(d, null)) {
                    st.execute(index.dropSql());
                    rebuild.add(new Rebuild("\"" + index.name() + "\"", index.table(), index.createSql()));
                }
                if (dropForeignKeys) {
                    rebuild.addAll(dropForeignKeys(d));
                }
                st.execute("set referential_integrity false");
            }
            d.setAutoCommit(false);
            List<TableTime> tables = new ArrayList<>();
            List<String> names = tables(s);
            for (int i = 0; i < names.size(); i++) {
                progress.update(i, names.size(), "rows of " + names.get(i));
                TableTime t = copy(s, d, names.get(i));
                if (t.rows() > 0) {
                    tables.add(t);
                }
            }
            d.setAutoCommit(true);
            List<IndexTime> indexes = new ArrayList<>();
            try (Statement st = d.createStatement()) {
                for (int i = 0; i < rebuild.size(); i++) {
                    Rebuild r = rebuild.get(i);
                    progress.update(i, rebuild.size(), "index " + r.name());
                    long t0 = System.nanoTime();
                    st.execute(r.createSql());
                    indexes.add(new IndexTime(r.name(), r.table(), seconds(t0)));
                }
                st.execute("set referential_integrity true");
            }
            return new Result(tables, indexes, (com.fankeep.core.shared.ProcessCpu.nanos() - cpu0) / 1e9, dropForeignKeys);
        } finally {
            Folders.deleteTree(work);
        }
    }

    private static void requireSameSchema(Connection shop, Connection empty) throws SQLException {
        String sql = "select max(\"installed_rank\") from \"flyway_schema_history\" where \"success\"";
        if (!single(shop, sql).equals(single(empty, sql))) {
            throw new IllegalArgumentException("the shop's database is not at this build's schema: open it once with this build first");
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return String.valueOf(rs.getObject(1));
        }
    }

    /** An index or foreign key dropped before the load, built again after it. */
    private record Rebuild(String name, String table, String createSql) {
    }

    /** Drops every foreign key; each comes back as SCRIPT writes it (ALTER TABLE … ADD CONSTRAINT … NOCHECK). */
    private static List<Rebuild> dropForeignKeys(Connection c) throws SQLException {
        java.util.regex.Pattern fk = java.util.regex.Pattern.compile(
                "ALTER TABLE \"PUBLIC\"\\.\"([^\"]+)\" ADD CONSTRAINT \"PUBLIC\"\\.\"([^\"]+)\" FOREIGN KEY.*", java.util.regex.Pattern.DOTALL);
        List<Rebuild> dropped = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("script nodata nopasswords nosettings")) {
            while (rs.next()) {
                java.util.regex.Matcher m = fk.matcher(rs.getString(1));
                if (m.matches()) {
                    dropped.add(new Rebuild("\"" + m.group(2) + "\"", m.group(1), m.group()));
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (Rebuild f : dropped) {
                st.execute("alter table \"" + f.table() + "\" drop constraint " + f.name());
            }
        }
        return dropped;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select table_name from information_schema.tables "
                + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The table's rows read once alone (timed), then read again and inserted; the empty database's own rows go first. */
    private static TableTime copy(Connection s, Connection d, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = s.prepareStatement("select column_name from information_schema.columns where table_schema = "
                + "'PUBLIC' and table_name = ? and is_generated = 'NEVER' order by ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add("\"" + rs.getString(1) + "\"");
                }
            }
        }
        String list = String.join(", ", columns);
        String select = "select " + list + " from \"" + table + "\"";
        long t0 = System.nanoTime();
        long rows = 0;
        try (Statement st = s.createStatement()) {
            st.setFetchSize(5000);
            try (ResultSet rs = st.executeQuery(select)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
        }
        double read = seconds(t0);
        if (rows == 0) {
            return new TableTime(table, 0, read, 0);
        }
        try (Statement st = d.createStatement()) {
            st.execute("delete from \"" + table + "\"");
        }
        d.commit();
        t0 = System.nanoTime();
        String insert = "insert into \"" + table + "\" (" + list + ") values (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (Statement st = s.createStatement(); PreparedStatement ps = d.prepareStatement(insert)) {
            st.setFetchSize(5000);
            try (ResultSet rs = st.executeQuery(select)) {
                long n = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        ps.setObject(i, rs.getObject(i));
                    }
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                    if (n % COMMIT_EVERY == 0) {
                        d.commit();
                    }
                }
                ps.executeBatch();
            }
        }
        d.commit();
        return new TableTime(table, rows, read, Math.max(0, seconds(t0) - read));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
