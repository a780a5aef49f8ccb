package com.fankeep.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Rows inserted by statements of many rows each: H2 spends far less per row on one statement of 200 rows than on a batch
 * of one-row statements (as DuplicateKeys.rebuild found for the keys).
 */
public final class ManyRowInsert implements AutoCloseable {

    private static final int ROWS = 200;

    private final Connection c;
    private final String head;
    private final int columns;
    private final Object[] values;
    private final int[] types;
    private PreparedStatement full;
    private int n;

    /** @param types the SQL type of each column (for nulls) */
    public ManyRowInsert(Connection c, String table, String columnList, int[] types) {
        this.c = c;
        this.head = "insert into " + table + " (" + columnList + ") values ";
        this.columns = types.length;
        this.types = types;
        this.values = new Object[ROWS * columns];
    }

    public void add(Object... row) throws SQLException {
        System.arraycopy(row, 0, values, n * columns, columns);
        if (++n == ROWS) {
            if (full == null) {
                full = c.prepareStatement(sql(ROWS));
            }
            run(full, ROWS);
            n = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (n > 0) {
                try (PreparedStatement rest = c.prepareStatement(sql(n))) {
                    run(rest, n);
                }
                n = 0;
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    private void run(PreparedStatement ps, int rows) throws SQLException {
        for (int i = 0; i < rows * columns; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, types[i % columns]);
            } else {
                ps.setObject(i + 1, values[i]);
            }
            values[i] = null;
        }
        ps.executeUpdate();
    }

    private String sql(int rows) {
        String one = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return head + String.join(", ", Collections.nCopies(rows, one));
    }
}
