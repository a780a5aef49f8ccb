package com.fankeep.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * One statement run for many rows as one JDBC batch: prepared once, each row bound and added, executed once. The skeleton
 * the row writers repeated (skip when there are no rows, prepare, bind, addBatch, executeBatch, close).
 */
public final class Batch {

    private Batch() {
    }

    /** Sets one row's parameters on the statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /**
     * Runs {@code sql} once per row, in the rows' order, as one batch; prepares nothing when there are no rows.
     *
     * @return the update count of each row, in the rows' order (empty when there were none)
     */
    public static <T> int[] run(Connection c, String sql, Collection<? extends T> rows, Binder<? super T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }
}
