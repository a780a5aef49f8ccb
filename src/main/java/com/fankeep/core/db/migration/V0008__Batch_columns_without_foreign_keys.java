package com.fankeep.core.db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fewer index entries per imported row, the main cost of a large import (each entry is written, and revisited at
 * commit). H2 gives every foreign key column its own index, so:
 * <ul>
 * <li>the rows an import writes by the million no longer carry a foreign key to their batch (the columns stay; undo
 *     finds a batch's rows by them with a scan, which is rare);</li>
 * <li>on H2, explicit indexes that duplicate a foreign key's own index go (PostgreSQL does not index foreign keys, so
 *     there they stay).</li>
 * </ul>
 * Written in Java because the constraints were created unnamed, so their names differ between H2 and PostgreSQL.
 */
public class V0008__Batch_columns_without_foreign_keys extends BaseJavaMigration {


    private static final String[][] COLUMNS = {
        {"shop_order", "import_batch_id"},
        {"order_line", "import_batch_id"},
        {"contact_channel", "import_batch_id"},
        {"customer", "created_batch_id"},
    };

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        for (String[] tc : COLUMNS) {
            for (String name : foreignKeys(c, tc[0], tc[1])) {
                try (Statement st = c.createStatement()) {
                    st.execute("alter table " + tc[0] + " drop constraint " + name);
                }
            }
        }
        try (Statement st = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().startsWith("H2")) {
                for (String index : h2DuplicateIndexes(c)) {
                    st.execute("drop index " + index);
                }
            }
        }
    }

    /**
     * Our own indexes (named {@code *_idx} in the migrations) on exactly the columns of another index of the same
     * table, which on H2 is the index it made for a foreign key.
     */
    static List<String> h2DuplicateIndexes(Connection c) throws SQLException {
        String columns = "select table_name, index_name, listagg(column_name, ',') within group (order by ordinal_position) cols "
                + "from information_schema.index_columns where table_schema = current_schema group by table_name, index_name";
        String sql = "select a.index_name from (" + columns + ") a join (" + columns + ") b on a.table_name = b.table_name "
                + "and a.cols = b.cols and a.index_name <> b.index_name where lower(a.index_name) like '%\\_idx' escape '\\' "
                + "and lower(b.index_name) not like '%\\_idx' escape '\\'";
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Names of the foreign keys on exactly this one column of this table. */
    static List<String> foreignKeys(Connection c, String table, String column) throws SQLException {
        List<String> names = new ArrayList<>();
        String sql = "select tc.constraint_name from information_schema.table_constraints tc "
                + "join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name "
                + "and k.constraint_schema = tc.constraint_schema "
                + "where tc.constraint_type = 'FOREIGN KEY' and lower(tc.table_name) = ? and lower(k.column_name) = ? "
                + "and lower(tc.table_schema) = lower(current_schema)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
