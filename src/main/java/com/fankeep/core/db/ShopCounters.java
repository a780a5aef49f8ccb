package com.fankeep.core.db;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * The headline figures (customers, orders, lines, open follow-ups, revenue per currency) kept in {@code shop_counter}
 * so `stats`, the status bar and Today need no full scans of a million orders. Every writer of customers, orders,
 * lines or follow-ups changes them in its own transaction: imports add a {@link Delta} at commit (so the counter row
 * is locked only for that instant, not while the summary is shown), undo, merges and erasures take a {@link Scope}
 * before and after. {@link #repair} (db check) compares them with a {@link #recount} and overwrites a mismatch;
 * {@link #recountAll} is for a database written by other means (a bulk load swapped in).
 */
public final class ShopCounters {

    /** Order statuses whose paid amount is revenue (net of refunds); unpaid, cancelled, closed, refunded are not. */
    public static final List<String> REVENUE_STATUSES = List.of("paid", "shipped", "completed", "partially_refunded");
    private static final String REVENUE_IN = "('paid', 'shipped', 'completed', 'partially_refunded')";
    /** Rows of an import batch count once the batch is committed (inside an import's transaction it already is). */
    private static final String VISIBLE = " left join import_batch b on b.id = o.import_batch_id "
            + "where (o.import_batch_id is null or b.status = 'committed')";
    private static final String ORDER_FIGURES = "select o.currency, count(*), "
            + "sum(case when o.status in " + REVENUE_IN + " then coalesce(o.paid_amount, 0) - o.refunded_amount else 0 end) "
            + "from shop_order o" + VISIBLE;
    private static final int CHUNK = 500;

    private ShopCounters() {
    }

    /** The figures as the counters hold them. */
    public static ShopFigures read(Connection c) throws SQLException {
        Delta d = new Delta();
        try (PreparedStatement ps = c.prepareStatement("select name, currency, amount from shop_counter");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                d.put(rs.getString(1), rs.getString(2), rs.getBigDecimal(3));
            }
        }
        return d.figures();
    }

    /** The figures counted from the tables: full scans, for `db check` and repairs only. */
    public static ShopFigures recount(Connection c) throws SQLException {
        Delta d = new Delta();
        d.customers = count(c, "select count(*) from customer where merged_into_id is null and erased_at is null");
        orderFigures(c, ORDER_FIGURES + " group by o.currency", List.of(), d);
        d.lines = count(c, "select count(*) from order_line l join shop_order o on o.id = l.order_id" + VISIBLE);
        d.openFollowUps = count(c, "select count(*) from follow_up where status = 'open'");
        return d.figures();
    }

    /**
     * Compares the counters with a recount and, where they differ, writes the recount.
     *
     * @return the names of the counters that were wrong (empty when all were right)
     */
    public static List<String> repair(Connection c) throws SQLException {
        ShopFigures kept = read(c);
        ShopFigures counted = recount(c);
        List<String> wrong = kept.differences(counted);
        if (!wrong.isEmpty()) {
            overwrite(c, counted);
        }
        return wrong;
    }

    /** Replaces every counter with a recount; for a database filled without the services (a bulk load). */
    public static void recountAll(Connection c) throws SQLException {
        overwrite(c, recount(c));
    }

    private static void overwrite(Connection c, ShopFigures f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from shop_counter")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into shop_counter (name, currency, amount) values (?, ?, ?)")) {
            for (Map.Entry<String, BigDecimal> e : Delta.of(f).entries().entrySet()) {
                String[] key = e.getKey().split(":", -1);
                ps.setString(1, key[0]);
                ps.setString(2, key[1]);
                ps.setBigDecimal(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Adds a change to the counters, in the caller's transaction. */
    public static void add(Connection c, Delta d) throws SQLException {
        for (Map.Entry<String, BigDecimal> e : d.entries().entrySet()) {
            if (e.getValue().signum() == 0) {
                continue;
            }
            String[] key = e.getKey().split(":", -1);
            try (PreparedStatement ps = c.prepareStatement(
                    "update shop_counter set amount = amount + ? where name = ? and currency = ?")) {
                ps.setBigDecimal(1, e.getValue());
                ps.setString(2, key[0]);
                ps.setString(3, key[1]);
                if (ps.executeUpdate() > 0) {
                    continue;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into shop_counter (name, currency, amount) values (?, ?, ?)")) {
                ps.setString(1, key[0]);
                ps.setString(2, key[1]);
                ps.setBigDecimal(3, e.getValue());
                ps.executeUpdate();
            }
        }
    }

    public static void add(DSLContext dsl, Delta d) {
        dsl.connection(c -> add(c, d));
    }

    /** Open follow-ups opened (+) or closed (-), for writers that know the count. */
    public static void openFollowUps(DSLContext dsl, long change) {
        Delta d = new Delta();
        d.openFollowUps = change;
        add(dsl, d);
    }

    /** The figures of these customers (their live records, orders, lines, open follow-ups), taken before a change. */
    public static Scope ofCustomers(Connection c, Collection<Long> customerIds) throws SQLException {
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(customerIds));
        return new Scope(ids, customerFigures(c, ids));
    }

    public static Scope ofCustomers(DSLContext dsl, Collection<Long> customerIds) {
        return dsl.connectionResult(c -> ofCustomers(c, customerIds));
    }

    /** After the change: adds what it did to the scope's customers' figures to the counters. */
    public static void changed(Connection c, Scope before) throws SQLException {
        Delta after = customerFigures(c, before.customerIds);
        after.subtract(before.figures);
        add(c, after);
    }

    public static void changed(DSLContext dsl, Scope before) {
        dsl.connection(c -> changed(c, before));
    }

    /** Runs {@code work} (a merge, its undo) and adds what it did to these customers' figures to the counters. */
    public static <T> T around(Connection c, Collection<Long> customerIds, Work<T> work) throws SQLException {
        Scope before = ofCustomers(c, customerIds);
        T result = work.run();
        changed(c, before);
        return result;
    }

    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Some customers' figures at one moment; see {@link #ofCustomers} and {@link #changed}. */
    public static final class Scope {
        private final List<Long> customerIds;
        private final Delta figures;

        private Scope(List<Long> customerIds, Delta figures) {
            this.customerIds = customerIds;
            this.figures = figures;
        }
    }

    private static Delta customerFigures(Connection c, List<Long> ids) throws SQLException {
        Delta d = new Delta();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String in = "(" + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")";
            d.customers += count(c, "select count(*) from customer where merged_into_id is null and erased_at is null "
                    + "and id in " + in, part);
            orderFigures(c, ORDER_FIGURES + " and o.customer_id in " + in + " group by o.currency", part, d);
            d.lines += count(c, "select count(*) from order_line l join shop_order o on o.id = l.order_id" + VISIBLE
                    + " and o.customer_id in " + in, part);
            d.openFollowUps += count(c, "select count(*) from follow_up where status = 'open' and customer_id in " + in, part);
        }
        return d;
    }

    private static void orderFigures(Connection c, String sql, List<Long> params, Delta into) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.orders += rs.getLong(2);
                into.revenue(rs.getString(1), rs.getBigDecimal(3));
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        return count(c, sql, List.of());
    }

    private static long count(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<?> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    /** A change to the counters, summed by a writer and added in its transaction. */
    public static final class Delta {
        long customers;
        long orders;
        long lines;
        long openFollowUps;
        final SortedMap<String, BigDecimal> revenue = new TreeMap<>();

        public void customers(long n) {
            customers += n;
        }

        public void lines(long n) {
            lines += n;
        }

        /** An order added ({@code sign} 1) or taken away (-1) with these values. */
        public void order(int sign, String status, String currency, BigDecimal paid, BigDecimal refunded) {
            orders += sign;
            if (REVENUE_STATUSES.contains(status)) {
                BigDecimal net = (paid == null ? BigDecimal.ZERO : paid).subtract(refunded == null ? BigDecimal.ZERO : refunded);
                revenue(currency, sign > 0 ? net : net.negate());
            }
        }

        /** The stored order {@code id} as it is now, added or taken away: around an update, -1 before and 1 after. */
        public void storedOrder(Connection c, int sign, long id) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "select status, currency, paid_amount, refunded_amount from shop_order where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        order(sign, rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4));
                    }
                }
            }
        }

        public boolean isEmpty() {
            return entries().values().stream().allMatch(v -> v.signum() == 0);
        }

        void revenue(String currency, BigDecimal amount) {
            revenue.merge(currency, amount, BigDecimal::add);
        }

        void subtract(Delta other) {
            customers -= other.customers;
            orders -= other.orders;
            lines -= other.lines;
            openFollowUps -= other.openFollowUps;
            other.revenue.forEach((cur, v) -> revenue(cur, v.negate()));
        }

        void put(String name, String currency, BigDecimal amount) {
            switch (name) {
                case "customers" -> customers = amount.longValue();
                case "orders" -> orders = amount.longValue();
                case "order_lines" -> lines = amount.longValue();
                case "open_follow_ups" -> openFollowUps = amount.longValue();
                case "revenue" -> revenue(currency, amount);
                default -> { } // a counter a later version keeps
            }
        }

        /** name:currency → amount. */
        Map<String, BigDecimal> entries() {
            Map<String, BigDecimal> m = new java.util.LinkedHashMap<>();
            m.put("customers:", BigDecimal.valueOf(customers));
            m.put("orders:", BigDecimal.valueOf(orders));
            m.put("order_lines:", BigDecimal.valueOf(lines));
            m.put("open_follow_ups:", BigDecimal.valueOf(openFollowUps));
            revenue.forEach((cur, v) -> m.put("revenue:" + cur, v));
            return m;
        }

        ShopFigures figures() {
            SortedMap<String, BigDecimal> r = new TreeMap<>();
            revenue.forEach((cur, v) -> {
                if (v.signum() != 0) {
                    r.put(cur, v.setScale(2, RoundingMode.HALF_UP));
                }
            });
            return new ShopFigures(customers, orders, lines, openFollowUps, r);
        }

        static Delta of(ShopFigures f) {
            Delta d = new Delta();
            d.customers = f.customers();
            d.orders = f.orders();
            d.lines = f.orderLines();
            d.openFollowUps = f.openFollowUps();
            d.revenue.putAll(f.revenueByCurrency());
            return d;
        }
    }

    /** What the counters hold: revenue net of refunds per currency, currencies whose net is zero left out. */
    public record ShopFigures(long customers, long orders, long orderLines, long openFollowUps,
                              SortedMap<String, BigDecimal> revenueByCurrency) {

        /** Names of the figures that differ from {@code other}. */
        public List<String> differences(ShopFigures other) {
            List<String> out = new ArrayList<>();
            if (customers != other.customers) {
                out.add("customers");
            }
            if (orders != other.orders) {
                out.add("orders");
            }
            if (orderLines != other.orderLines) {
                out.add("order_lines");
            }
            if (openFollowUps != other.openFollowUps) {
                out.add("open_follow_ups");
            }
            if (!revenueByCurrency.equals(other.revenueByCurrency)) {
                out.add("revenue");
            }
            return out;
        }
    }
}
