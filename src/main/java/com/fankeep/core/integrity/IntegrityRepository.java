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

    IntegrityRepository(Connection c) {
        this.c = c;
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
        return count("select count(*) from " + fk.table() + " t where t." + fk.column() + " is not null and not exists "
                + "(select 1 from " + fk.refTable() + " p where p." + fk.refColumn() + " = t." + fk.column() + ")");
    }

    /**
     * Live customers whose order count, first or last order date differ from their orders: the customers and their
     * orders read once each and grouped together (a join against a grouped subquery made H2 run it per customer).
     */
    long wrongOrderFigures() throws SQLException {
        return count("select count(*) from (select k from ("
                + "select c.id k, 1 kept, c.order_count kept_n, c.first_order_at kept_first, c.last_order_at kept_last, 0 n, "
                + "cast(null as timestamp with time zone) d from customer c where c.merged_into_id is null "
                + "union all select o.customer_id, 0, 0, null, null, 1, " + ORDER_DATE + " from shop_order o "
                + "where o.status in " + REVENUE_STATUSES + " and o.customer_id is not null) u "
                + "group by k having max(kept) = 1 and (max(kept_n) <> sum(n) or max(kept_first) is distinct from min(d) "
                + "or max(kept_last) is distinct from max(d)))");
    }

    /**
     * Spend rows (per customer and currency) that are missing, extra or different from the orders: one pass over the
     * orders and the spend rows together, grouped once (two joins against an aggregate made H2 run it per customer).
     * Only the few groups that differ are then looked up to leave out merged-away customers.
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
