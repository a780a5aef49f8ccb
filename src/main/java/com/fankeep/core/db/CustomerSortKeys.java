package com.fankeep.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The customer list's sort keys that come from other tables (V0040): first nickname, net spend in CNY, number of
 * contact channels, first tag. Every writer of contact_channel, customer_spend or customer_tag calls {@link #refresh}
 * for the customers it touched, inside its own transaction, so the keys are never out of step with what they sort.
 */
public final class CustomerSortKeys {

    /** Spend is sorted in the shop's main currency (the list's spend filter uses the same). */
    public static final String MAIN_CURRENCY = "CNY";

    private static final int CHUNK = 500;

    /**
     * The SET clause that recomputes the four keys of the customer row being updated; a writer that rewrites the row
     * anyway (the import's figures) appends it to its own update, so the row is written once (H2 rewrites every index
     * of the table on each update of a row).
     */
    public static final String SET_KEYS = "sort_nickname = coalesce((select min(ch.raw_value) from contact_channel ch "
            + "where ch.customer_id = customer.id and ch.kind = 'nickname'), ''), "
            + "sort_spend = coalesce((select s.net_spend from customer_spend s where s.customer_id = customer.id "
            + "and s.currency = '" + MAIN_CURRENCY + "'), 0), "
            + "sort_channels = (select count(*) from contact_channel ch where ch.customer_id = customer.id "
            + "and ch.kind <> 'nickname'), "
            + "sort_tags = coalesce((select min(t.name) from customer_tag ct join tag t on t.id = ct.tag_id "
            + "where ct.customer_id = customer.id), '')";

    private static final String UPDATE = "update customer set " + SET_KEYS + " where id in ";

    private CustomerSortKeys() {
    }

    /** Recomputes the keys of these customers (any that no longer exist are skipped). */
    public static void refresh(Connection c, Collection<Long> customerIds) throws SQLException {
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(customerIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(UPDATE + "(" + "?,".repeat(part.size() - 1) + "?)")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    /** Live customers whose kept keys differ from what they would be now (0 unless a writer forgot to refresh). */
    public static long stale(Connection c) throws SQLException {
        String sql = "select count(*) from customer where merged_into_id is null and ("
                + "sort_nickname <> coalesce((select min(ch.raw_value) from contact_channel ch "
                + "where ch.customer_id = customer.id and ch.kind = 'nickname'), '') "
                + "or sort_spend <> coalesce((select s.net_spend from customer_spend s where s.customer_id = customer.id "
                + "and s.currency = '" + MAIN_CURRENCY + "'), 0) "
                + "or sort_channels <> (select count(*) from contact_channel ch where ch.customer_id = customer.id "
                + "and ch.kind <> 'nickname') "
                + "or sort_tags <> coalesce((select min(t.name) from customer_tag ct join tag t on t.id = ct.tag_id "
                + "where ct.customer_id = customer.id), ''))";
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The same inside a jOOQ transaction. */
    public static void refresh(DSLContext dsl, Collection<Long> customerIds) {
        if (!customerIds.isEmpty()) {
            dsl.connection(c -> refresh(c, customerIds));
        }
    }
}
