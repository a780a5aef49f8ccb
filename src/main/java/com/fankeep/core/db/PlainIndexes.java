package com.fankeep.core.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secondary indexes no constraint owns (not a primary key, unique or foreign key's index): the ones a bulk load drops
 * and builds again over all rows (the bulk import's copy, ADR 0023; the storage floor of `bench storage`).
 */
public final class PlainIndexes {

    /** One such index, to be built again with the same name and columns. */
    public record Index(String name, String table, List<String> columns) {
        public String createSql() {
            return "create index \"" + name + "\" on \"" + table + "\" (" + String.join(", ", columns) + ")";
        }

        public String dropSql() {
            return "drop index \"" + name + "\"";
        }
    }

    private PlainIndexes() {
    }

    /** The plain indexes of {@code tables} (all of the schema's tables when null), by table and name. */
    public static List<Index> of(Connection c, Collection<String> tables) throws SQLException {
        String in = tables == null ? "" : "and i.table_name in ('" + String.join("', '", tables) + "') ";
        Map<String, Index> found = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select i.index_name, i.table_name, c.column_name, c.ordering_specification "
                     + "from information_schema.indexes i join information_schema.index_columns c "
                     + "on c.index_schema = i.index_schema and c.index_name = i.index_name "
                     + "where i.table_schema = 'PUBLIC' and i.index_type_name = 'INDEX' and i.is_generated = false " + in
                     + "and i.index_name not in (select index_name from information_schema.table_constraints "
                     + "where index_name is not null) order by i.table_name, i.index_name, c.ordinal_position")) {
            while (rs.next()) {
                String table = rs.getString(2);
                Index index = found.computeIfAbsent(rs.getString(1), n -> new Index(n, table, new ArrayList<>()));
                index.columns().add("\"" + rs.getString(3) + "\"" + ("DESC".equals(rs.getString(4)) ? " desc" : ""));
            }
        }
        return new ArrayList<>(found.values());
    }
}
