package com.fankeep.core.integrity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The checking queries, in plain JDBC: they read whole tables and never change anything. */
final class IntegrityRepository {

    /** Orders that count towards a customer's figures; the same rule as the import's recomputation of them. */
    static final String REVENUE_STATUSES = "('paid', 'shipped', 'completed', 'partially_refunded')";
    private static final String ORDER_DATE = "coalesce(o.ordered_at, o.paid_at)";

    private final Connection c;
    private final OrphanBits bits;

    IntegrityRepository(Connection c) {
        this.c = c;
        this.bits = new OrphanBits(c);
    }

    record ForeignKey(String table, String column, String refTable, String refColumn) {
        String where() {
            return table.toLowerCase() + "." + column.toLowerCase() + " -> " + refTable.toLowerCase();
        }
    }

    List<ForeignKey> foreignKeys() throws SQLException {
        List<ForeignKey> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select k.table_name, k.column_name, u.table_name, u.column_name "
                        + "from information_schema.referential_constraints r "
                        + "join information_schema.key_column_usage k on k.constraint_schema = r.constraint_schema "
                        + "  and k.constraint_name = r.constraint_name "
                        + "join information_schema.key_column_usage u on u.constraint_schema = r.unique_constraint_schema "
                        + "  and u.constraint_name = r.unique_constraint_name and u.ordinal_position = k.position_in_unique_constraint "
                        + "where r.constraint_schema = 'PUBLIC' order by k.table_name, k.column_name")) {
            while (rs.next()) {
                out.add(new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    /** Rows whose reference points nowhere (the constraints forbid it; a damaged file may not). */
    long orphans(ForeignKey fk) throws SQLException {
        if (integer(fk.table(), fk.column()) && integer(fk.refTable(), fk.refColumn())) {
            Long orphans = bits.count(fk);
            if (orphans != null && orphans == 0) {
                return 0;
            }
        }
        return orphansInSql(fk); // also the exact count when the bit set saw some (OrphanBits: two statements)
    }

    /** As {@link #orphans}, one parent look-up per row (the only form for non-integer references and large ids). */
    long orphansInSql(ForeignKey fk) throws SQLException {
        return count("select count(*) from " + fk.table() + " t where t." + fk.column() + " is not null and not exists "
                + "(select 1 from " + fk.refTable() + " p where p." + fk.refColumn() + " = t." + fk.column() + ")");
    }

    private java.util.Set<String> integerColumns;

    private boolean integer(String table, String column) throws SQLException {
        if (integerColumns == null) {
            java.util.Set<String> found = new java.util.HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select table_name, column_name from "
                    + "information_schema.columns where table_schema = 'PUBLIC' and upper(data_type) in ('BIGINT', 'INTEGER')")) {
                while (rs.next()) {
                    found.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
            integerColumns = found;
        }
        return integerColumns.contains(table + "." + column);
    }

    /**
     * Customers whose order count, first or last order date differ from their orders. H2 runs the join per customer
     * through the customer_id index; a single grouped pass over customers and orders (as for the spend) measured the
     * same CPU time on 1M orders (about 5 s) but needs a hash table of every customer, so this form stays.
     */
    long wrongOrderFigures() throws SQLException {
        return count("select count(*) from customer c left join (select o.customer_id, count(*) n, min(" + ORDER_DATE
                + ") f, max(" + ORDER_DATE + ") l from shop_order o where o.status in " + REVENUE_STATUSES
                + " and o.customer_id is not null group by o.customer_id) x on x.customer_id = c.id "
                + "where c.merged_into_id is null and (c.order_count <> coalesce(x.n, 0) "
                + "or c.first_order_at is distinct from x.f or c.last_order_at is distinct from x.l)");
    }

    /**
     * Spend rows (per customer and currency) that are missing, extra or different from the orders, in one statement:
     * the orders and the spend rows read once together and grouped once (it was two statements, each reading every
     * order). Only the few groups that differ are then looked up to leave out merged-away customers.
     */
    long wrongSpend() throws SQLException {
        return count("select count(*) from (select k, cur from ("
                + "select s.customer_id k, s.currency cur, 1 kept, s.net_spend kept_spend, s.order_count kept_n, "
                + "cast(0 as decimal(14, 2)) spend, 0 n from customer_spend s "
                + "union all select o.customer_id, o.currency, 0, null, null, coalesce(o.paid_amount, 0) - o.refunded_amount, 1 "
                + "from shop_order o where o.status in " + REVENUE_STATUSES + " and o.customer_id is not null) u "
                + "group by k, cur having max(kept) = 0 or sum(n) = 0 or max(kept_n) <> sum(n) or max(kept_spend) <> sum(spend)) x "
                + "left join customer c on c.id = x.k where c.id is not null and c.merged_into_id is null");
    }

    private long count(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
