package com.fankeep.core.insight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * The aggregates from nothing when an import is (nearly) the whole shop, on the bulk path's copy (ADR 0053): one read of
 * the orders by customer-id range through the orders' customer index, grouped in Java by the check's own {@link
 * AggregateRepository#rows}, and written by JDBC batches in key order; the counters are counted on the way. The per-chunk
 * INSERT … SELECTs of a recount read each chunk's orders three times and looked each order's customer up to see it is
 * live. Memory is one range of customers at a time.
 */
final class BulkAggregates {

    /** Customer ids per read: ~70,000 orders at the bench's 3.3 orders per customer (a few MB of facts). */
    static final long RANGE = 20_000;

    private static final String LIVE = "select c.id, c.province, c.city from customer c where c.id between ? and ?"
            + " and c.merged_into_id is null and c.erased_at is null";
    private static final String FUNNEL = "select ch.customer_id, " + CounterRepository.FUNNEL_BEST
            + " from contact_channel ch where ch.customer_id between ? and ? group by ch.customer_id";
    private static final String ORDERS = "select o.id, o.customer_id, o.platform, o.currency, o.status,"
            + " coalesce(o.paid_amount, 0) - o.refunded_amount, coalesce(o.ordered_at, o.paid_at, o.created_at), o.import_batch_id"
            + " from shop_order o where ";

    /** A live customer's place and furthest channel state (a buyer_fact row). */
    private record Fact(long customer, String province, String city, Integer funnel) {
    }

    private final Connection c;
    private final ZoneId zone;
    private final Map<CounterRepository.Key, Long> counts = new HashMap<>();
    /** The anonymous bucket's days, added up range by range (a few thousand keys at most: day, platform, currency). */
    private final Map<String, AggregateRepository.DayRow> anonymous = new HashMap<>();
    private Set<Long> committed;

    private BulkAggregates(Connection c, ZoneId zone) {
        this.c = c;
        this.zone = zone;
    }

    /**
     * Replaces every aggregate row and counter with what the orders give, in the caller's transaction (the copy's: its
     * swap makes it all-or-nothing). The result equals {@link AggregateService#rebuildAll}'s (BulkAggregatesTest).
     */
    static void rebuild(DSLContext dsl, Connection c, ZoneId zone) throws SQLException {
        AggregateRepository repo = new AggregateRepository(dsl);
        CounterRepository counters = new CounterRepository(dsl);
        repo.deleteAll();
        counters.deleteAll();
        long[] range = repo.customerIdRange();
        BulkAggregates bulk = new BulkAggregates(c, zone);
        bulk.committed = bulk.committedBatches();
        for (long from = range[0]; from <= range[1]; from += RANGE) {
            bulk.range(from, Math.min(range[1], from + RANGE - 1));
        }
        bulk.addAnonymous(bulk.orders("o.customer_id is null", new long[0], null));
        bulk.writeDays(bulk.anonymous.values().stream().sorted(Comparator.comparing(AggregateRepository.DayRow::day)
                .thenComparing(AggregateRepository.DayRow::platform).thenComparing(AggregateRepository.DayRow::currency)).toList());
        counters.replaceAll(bulk.counts);
    }

    private Set<Long> committedBatches() throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select id from import_batch where status = 'committed'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** The rows of the live customers with ids in [from, to]. */
    private void range(long from, long to) throws SQLException {
        Map<Long, Fact> live = facts(from, to);
        List<AggregateRepository.OrderFact> dead = new ArrayList<>();
        AggregateRepository.Rows rows = AggregateRepository.rows(orders("o.customer_id between ? and ?", new long[] {from, to},
                (customer, fact) -> {
                    if (live.containsKey(customer)) {
                        return true;
                    }
                    dead.add(fact);
                    return false;
                }), zone);
        addAnonymous(dead);
        List<AggregateRepository.DayRow> days = new ArrayList<>(rows.days());
        days.sort(Comparator.comparingLong(AggregateRepository.DayRow::customer).thenComparing(AggregateRepository.DayRow::day)
                .thenComparing(AggregateRepository.DayRow::platform).thenComparing(AggregateRepository.DayRow::currency));
        List<AggregateRepository.FirstRow> firsts = new ArrayList<>(rows.firsts());
        firsts.sort(Comparator.comparingLong(AggregateRepository.FirstRow::customer).thenComparing(AggregateRepository.FirstRow::platform));
        writeDays(days);
        writeFirsts(firsts, live);
        writeFacts(live.values());
    }

    private Map<Long, Fact> facts(long from, long to) throws SQLException {
        Map<Long, Integer> funnel = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(FUNNEL)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int best = rs.getInt(2);
                    funnel.put(rs.getLong(1), rs.wasNull() ? null : best);
                }
            }
        }
        Map<Long, Fact> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(LIVE)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.put(id, new Fact(id, rs.getString(2), rs.getString(3), funnel.get(id)));
                }
            }
        }
        return out;
    }

    /**
     * Visible orders with a date matching {@code where}: those {@code keep} takes (null: all, as the anonymous bucket's,
     * customer 0), as {@link AggregateRepository#ordersBetween} and {@link AggregateRepository#anonymousOrders} select them.
     */
    private List<AggregateRepository.OrderFact> orders(String where, long[] binds, Keep keep) throws SQLException {
        List<AggregateRepository.OrderFact> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ORDERS + where)) {
            for (int i = 0; i < binds.length; i++) {
                ps.setLong(i + 1, binds[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long batch = rs.getLong(8);
                    boolean visible = rs.wasNull() || committed.contains(batch);
                    OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
                    if (!visible || at == null) {
                        continue;
                    }
                    long customer = rs.getLong(2);
                    String status = rs.getString(5);
                    var fact = new AggregateRepository.OrderFact(rs.getLong(1), keep == null ? 0L : customer, rs.getString(3),
                            rs.getString(4), !AggregateRepository.NOT_BOUGHT.contains(status),
                            AggregateRepository.REVENUE.contains("'" + status + "'"), rs.getBigDecimal(6), at);
                    if (keep == null || keep.take(customer, fact)) {
                        out.add(fact);
                    }
                }
            }
        }
        return out;
    }

    /** Takes an order of a live customer; gives the others to the anonymous bucket. */
    private interface Keep {
        boolean take(long customer, AggregateRepository.OrderFact fact);
    }

    /** Orders of no live customer (customer 0, as the check reads them) added to the anonymous bucket's days. */
    private void addAnonymous(List<AggregateRepository.OrderFact> orders) {
        List<AggregateRepository.OrderFact> zero = orders.stream().map(o -> new AggregateRepository.OrderFact(o.id(), 0L, o.platform(),
                o.currency(), o.bought(), o.revenue(), o.net(), o.at())).toList();
        for (AggregateRepository.DayRow d : AggregateRepository.rows(zero, zone).days()) {
            anonymous.merge(d.day() + " " + d.platform() + " " + d.currency(), d, (a, b) -> new AggregateRepository.DayRow(0L, a.day(),
                    a.platform(), a.currency(), a.orders() + b.orders(), a.bought() + b.bought(), a.revenueOrders() + b.revenueOrders(),
                    a.net().add(b.net())));
        }
    }

    private void writeDays(List<AggregateRepository.DayRow> days) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into buyer_day (customer_id, order_day, platform, currency, orders,"
                + " bought_orders, revenue_orders, net_spend) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AggregateRepository.DayRow d : days) {
                ps.setLong(1, d.customer());
                ps.setObject(2, d.day());
                ps.setString(3, d.platform());
                ps.setString(4, d.currency());
                ps.setInt(5, d.orders());
                ps.setInt(6, d.bought());
                ps.setInt(7, d.revenueOrders());
                ps.setBigDecimal(8, d.net());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The buyer_first rows, and the counters they make: buyers, repeaters and places per platform. */
    private void writeFirsts(List<AggregateRepository.FirstRow> firsts, Map<Long, Fact> live) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into buyer_first (customer_id, platform, first_day, second_day,"
                + " first_order_id) values (?, ?, ?, ?, ?)")) {
            for (AggregateRepository.FirstRow f : firsts) {
                ps.setLong(1, f.customer());
                ps.setString(2, f.platform());
                ps.setObject(3, f.first());
                ps.setObject(4, f.second());
                ps.setLong(5, f.firstOrderId());
                ps.addBatch();
                count("buyers", f.platform(), "", "");
                if (f.second() != null) {
                    count("repeaters", f.platform(), "", "");
                }
                Fact place = live.get(f.customer());
                if (place.province() != null || place.city() != null) {
                    count("place", f.platform(), orEmpty(place.province()), orEmpty(place.city()));
                }
            }
            ps.executeBatch();
        }
    }

    /** The buyer_fact rows, and the funnel counters they make. */
    private void writeFacts(java.util.Collection<Fact> facts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into buyer_fact (customer_id, province, city, funnel_best)"
                + " values (?, ?, ?, ?)")) {
            for (Fact f : facts) {
                ps.setLong(1, f.customer());
                ps.setString(2, f.province());
                ps.setString(3, f.city());
                ps.setObject(4, f.funnel(), java.sql.Types.INTEGER);
                ps.addBatch();
                if (f.funnel() != null) {
                    count("funnel", "*", f.funnel().toString(), "");
                }
            }
            ps.executeBatch();
        }
    }

    private void count(String kind, String platform, String name1, String name2) {
        counts.merge(new CounterRepository.Key(kind, platform, name1, name2), 1L, Long::sum);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
