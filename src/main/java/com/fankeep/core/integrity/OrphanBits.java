package com.fankeep.core.integrity;

import com.fankeep.core.db.LazyReads;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;

/**
 * Counts an integer reference's orphans by reading each side once: the referenced ids into a bit set, then the
 * referencing column against it. The SQL form ({@code not exists} per row) looks every row's parent up in the parent's
 * primary key, which reads the parent's wide pages: on the 1M shop {@code order_line.order_id -> shop_order} took 4.1 s
 * that way and 0.9 s this way (ADR 0064). Both columns are read from narrow indexes H2 picks itself.
 */
final class OrphanBits {

    /** Ids up to this are counted with a bit set (8 MB at most); a larger id leaves the count to SQL. */
    static final long MAX_ID = 1L << 26;

    private OrphanBits() {
    }

    /**
     * The rows of {@code fk.table()} whose non-null {@code fk.column()} has no {@code fk.refColumn()} equal to it, or
     * null when the referenced ids are not all in {@code 0..MAX_ID} (the caller counts in SQL then).
     */
    static Long count(Connection c, IntegrityRepository.ForeignKey fk) throws SQLException {
        long min;
        long max;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select min(" + fk.refColumn() + "), max(" + fk.refColumn() + ") from " + fk.refTable())) {
            rs.next();
            min = rs.getLong(1);
            max = rs.getLong(2);
        }
        if (min < 0 || max > MAX_ID) {
            return null;
        }
        return LazyReads.run(c, () -> {
            BitSet ids = new BitSet((int) max + 1);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select " + fk.refColumn() + " from " + fk.refTable()
                         + " where " + fk.refColumn() + " is not null")) {
                rs.setFetchSize(10_000);
                while (rs.next()) {
                    ids.set((int) rs.getLong(1));
                }
            }
            long orphans = 0;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select " + fk.column() + " from " + fk.table()
                         + " where " + fk.column() + " is not null")) {
                rs.setFetchSize(10_000);
                while (rs.next()) {
                    long v = rs.getLong(1);
                    if (v < 0 || v > max || !ids.get((int) v)) {
                        orphans++;
                    }
                }
            }
            return orphans;
        });
    }
}
