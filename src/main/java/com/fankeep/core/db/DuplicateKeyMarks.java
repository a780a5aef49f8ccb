package com.fankeep.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.jooq.DSLContext;

/**
 * Marks customers whose duplicate-scan keys may have changed (ADR 0044): every writer of a customer's name, city, note,
 * contact channels, order receivers or liveness calls {@link #mark} for the customers it changed, inside its own
 * transaction. The next duplicates scan stores their keys anew; `db check` finds a writer that forgot.
 */
public final class DuplicateKeyMarks {

    private DuplicateKeyMarks() {
    }

    public static void mark(Connection c, Collection<Long> customerIds) throws SQLException {
        if (customerIds.isEmpty()) {
            return;
        }
        // once per customer: a shop edited all day keeps one mark each until the next scan
        try (PreparedStatement ps = c.prepareStatement("insert into duplicate_key_mark (customer_id) select cast(? as bigint) "
                + "where not exists (select 1 from duplicate_key_mark where customer_id = ?)")) {
            int n = 0;
            for (Long id : new java.util.TreeSet<>(customerIds)) {
                ps.setLong(1, id);
                ps.setLong(2, id);
                ps.addBatch();
                if (++n % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * As {@link #mark} for many customers at once (the bulk copy, ADR 0062): the marks there read once, the others
     * inserted in the same order by statements of many rows (300,000 one-row look-ups and inserts were most of the
     * copy's commit step at 1M rows). The same rows as {@link #mark} leaves (DuplicateKeyMarksTest).
     */
    public static void markMany(Connection c, Collection<Long> customerIds) throws SQLException {
        if (customerIds.isEmpty()) {
            return;
        }
        java.util.Set<Long> marked = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select customer_id from duplicate_key_mark");
             java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                marked.add(rs.getLong(1));
            }
        }
        long[] ids = customerIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        try (ManyRowInsert insert = new ManyRowInsert(c, "duplicate_key_mark", "customer_id", new int[] {java.sql.Types.BIGINT})) {
            for (long id : ids) {
                if (!marked.contains(id)) {
                    insert.add(id);
                }
            }
        }
    }

    /** The same inside a jOOQ transaction. */
    public static void mark(DSLContext dsl, Collection<Long> customerIds) {
        if (!customerIds.isEmpty()) {
            dsl.connection(c -> mark(c, customerIds));
        }
    }
}
