package com.fankeep.core.insight;

import com.fankeep.core.db.Batch;
import com.fankeep.core.insight.AggregateRepository.DayRow;
import com.fankeep.core.insight.AggregateRepository.FirstRow;
import com.fankeep.core.insight.AggregateRepository.OrderFact;
import com.fankeep.core.insight.AggregateRepository.Rows;
import com.fankeep.core.insight.CounterRepository.Key;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One chunk of an import's customers who kept every order they had (ADR 0049): their new orders added to their stored
 * rows, their facts read again, and the counters changed by the difference of those rows before and after, counted in
 * Java from the rows in hand (ADR 0059) rather than by two rounds of counting statements. Plain JDBC, one statement per
 * kind of read and a batch per kind of write: changed rows are updated in place (a delete and an insert touched every
 * index of the table twice), new ones inserted in key order.
 */
final class AddedOrders {

    /** A live customer's counted facts (buyer_fact). */
    record Fact(long customer, String province, String city, Integer funnelBest) {
    }

    private final Connection c;
    private final ZoneId zone;

    AddedOrders(Connection c, ZoneId zone) {
        this.c = c;
        this.zone = zone;
    }

    /**
     * Adds the new orders of {@code part} (customer ids) and reads their facts again; returns what the counters change by.
     * Null, with nothing written, when the chunk must be recounted instead: one of its customers is not live, or a stored
     * first order cannot be found.
     */
    Map<Key, Long> add(List<Long> part, Map<Long, List<Long>> added) throws SQLException {
        String in = AggregateRepository.idList(part);
        Map<Long, Fact> factsNow = factsNow(in);
        if (factsNow.size() < part.size()) {
            return null; // merged away, erased (or gone): their rows leave the aggregates, a recount does that
        }
        Map<Long, Fact> factsStored = factsStored(in);
        List<Long> orderIds = new ArrayList<>();
        part.forEach(id -> orderIds.addAll(added.getOrDefault(id, List.of())));
        List<OrderFact> orders = orderIds.isEmpty() ? List.of() : orders(orderIds, factsNow.keySet());
        Set<Long> buyers = new HashSet<>();
        orders.forEach(o -> buyers.add(o.customerId()));
        Set<Long> factChanged = new HashSet<>();
        for (Long id : part) {
            if (!Objects.equals(factsNow.get(id), factsStored.get(id))) {
                factChanged.add(id);
            }
        }
        Set<Long> touched = new HashSet<>(buyers);
        touched.addAll(factChanged);
        if (touched.isEmpty()) {
            return Map.of();
        }
        List<FirstRow> storedFirsts = storedFirsts(AggregateRepository.idList(touched));
        // the stored buyer_day rows are not read: a day row is a sum, so the new orders' sums are added in place
        Rows stored = new Rows(List.of(), storedFirsts);
        Rows merged = buyers.isEmpty() ? stored : AggregateAdditions.merged(stored, orders, zone, this::orderTimes);
        if (merged == null) {
            return null;
        }
        addDays(merged.days());
        writeFirsts(storedFirsts, merged.firsts());
        writeFacts(factsStored, factsNow, factChanged);
        return CounterRepository.difference(counts(merged.firsts(), factsNow, touched), counts(storedFirsts, factsStored, touched));
    }

    /**
     * What these customers' rows contribute to the counters, as {@link CounterRepository#countsOf} counts them in SQL:
     * buyers and repeaters per platform from buyer_first, buyers per platform and place (a fact with a province or city),
     * live customers per furthest funnel state.
     */
    static Map<Key, Long> counts(Collection<FirstRow> firsts, Map<Long, Fact> facts, Set<Long> customers) {
        Map<Key, Long> out = new TreeMap<>();
        for (FirstRow f : firsts) {
            if (!customers.contains(f.customer())) {
                continue;
            }
            out.merge(new Key("buyers", f.platform(), "", ""), 1L, Long::sum);
            if (f.second() != null) {
                out.merge(new Key("repeaters", f.platform(), "", ""), 1L, Long::sum);
            }
            Fact p = facts.get(f.customer());
            if (p != null && (p.province() != null || p.city() != null)) {
                out.merge(new Key("place", f.platform(), p.province() == null ? "" : p.province(), p.city() == null ? "" : p.city()),
                        1L, Long::sum);
            }
        }
        for (Long id : customers) {
            Fact p = facts.get(id);
            if (p != null && p.funnelBest() != null) {
                out.merge(new Key("funnel", "*", String.valueOf(p.funnelBest()), ""), 1L, Long::sum);
            }
        }
        return out;
    }

    private Map<Long, Fact> factsNow(String in) throws SQLException {
        return facts("select c.id, c.province, c.city, (select " + CounterRepository.FUNNEL_BEST
                + " from contact_channel ch where ch.customer_id = c.id) from customer c where c.merged_into_id is null"
                + " and c.erased_at is null and c.id in (" + in + ")");
    }

    private Map<Long, Fact> factsStored(String in) throws SQLException {
        return facts("select customer_id, province, city, funnel_best from buyer_fact where customer_id in (" + in + ")");
    }

    private Map<Long, Fact> facts(String sql) throws SQLException {
        Map<Long, Fact> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                int funnel = rs.getInt(4);
                Integer best = rs.wasNull() ? null : funnel;
                out.put(id, new Fact(id, rs.getString(2), rs.getString(3), best));
            }
        }
        return out;
    }

    /** The new orders of these live customers that count (visible), by primary key. */
    private List<OrderFact> orders(List<Long> ids, Set<Long> live) throws SQLException {
        List<OrderFact> out = new ArrayList<>(ids.size());
        try (PreparedStatement ps = c.prepareStatement("select o.id, o.customer_id, o.platform, o.currency, o.status,"
                + " coalesce(o.paid_amount, 0) - o.refunded_amount, coalesce(o.ordered_at, o.paid_at, o.created_at)"
                + " from shop_order o where o.id in (" + AggregateRepository.idList(ids) + ") and " + AggregateRepository.VISIBLE);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
                long customer = rs.getLong(2);
                if (at == null || !live.contains(customer)) {
                    continue; // no date: cannot be placed in a period; not one of the chunk's live customers: not theirs
                }
                String status = rs.getString(5);
                out.add(new OrderFact(rs.getLong(1), customer, rs.getString(3), rs.getString(4),
                        !AggregateRepository.NOT_BOUGHT.contains(status), AggregateRepository.REVENUE.contains("'" + status + "'"),
                        rs.getBigDecimal(6), at));
            }
        }
        return out;
    }

    private Map<Long, OffsetDateTime> orderTimes(Collection<Long> ids) {
        Map<Long, OffsetDateTime> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select o.id, coalesce(o.ordered_at, o.paid_at, o.created_at) from shop_order o"
                + " where o.id in (" + AggregateRepository.idList(ids) + ")"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("the stored first orders' times", e);
        }
        return out;
    }

    private List<FirstRow> storedFirsts(String in) throws SQLException {
        List<FirstRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select customer_id, platform, first_day, second_day, first_order_id"
                + " from buyer_first where customer_id in (" + in + ")"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new FirstRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getLong(5)));
            }
        }
        return out;
    }

    private static final Comparator<DayRow> DAY_ORDER = Comparator.comparingLong(DayRow::customer).thenComparing(DayRow::day)
            .thenComparing(DayRow::platform).thenComparing(DayRow::currency);
    private static final Comparator<FirstRow> FIRST_ORDER = Comparator.comparingLong(FirstRow::customer).thenComparing(FirstRow::platform);

    /**
     * The new orders' day rows added to the stored ones: an update by key adds the sums; the keys it found no row for are
     * inserted. No stored row is read for that (most of the new orders fall on days their buyer had no row for).
     */
    private void addDays(List<DayRow> contribution) throws SQLException {
        List<DayRow> rows = new ArrayList<>(contribution);
        rows.sort(DAY_ORDER);
        int[] updated = Batch.run(c, "update buyer_day set orders = orders + ?, bought_orders = bought_orders + ?,"
                + " revenue_orders = revenue_orders + ?, net_spend = net_spend + ? where customer_id = ? and order_day = ?"
                + " and platform = ? and currency = ?", rows, (ps, d) -> {
                    ps.setInt(1, d.orders());
                    ps.setInt(2, d.bought());
                    ps.setInt(3, d.revenueOrders());
                    ps.setBigDecimal(4, d.net());
                    ps.setLong(5, d.customer());
                    ps.setObject(6, d.day());
                    ps.setString(7, d.platform());
                    ps.setString(8, d.currency());
                });
        List<DayRow> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        Batch.run(c, "insert into buyer_day (customer_id, order_day, platform, currency, orders, bought_orders, revenue_orders,"
                + " net_spend) values (?, ?, ?, ?, ?, ?, ?, ?)", missing, (ps, d) -> {
                    ps.setLong(1, d.customer());
                    ps.setObject(2, d.day());
                    ps.setString(3, d.platform());
                    ps.setString(4, d.currency());
                    ps.setInt(5, d.orders());
                    ps.setInt(6, d.bought());
                    ps.setInt(7, d.revenueOrders());
                    ps.setBigDecimal(8, d.net());
                });
    }

    private void writeFirsts(List<FirstRow> stored, List<FirstRow> expected) throws SQLException {
        Map<String, FirstRow> left = new HashMap<>();
        stored.forEach(f -> left.put(f.customer() + "|" + f.platform(), f));
        List<FirstRow> update = new ArrayList<>();
        List<FirstRow> insert = new ArrayList<>();
        for (FirstRow f : expected) {
            FirstRow s = left.remove(f.customer() + "|" + f.platform());
            if (s == null) {
                insert.add(f);
            } else if (!s.equals(f)) {
                update.add(f);
            }
        }
        Batch.run(c, "delete from buyer_first where customer_id = ? and platform = ?", left.values(), (ps, f) -> {
            ps.setLong(1, f.customer());
            ps.setString(2, f.platform());
        });
        update.sort(FIRST_ORDER);
        Batch.run(c, "update buyer_first set first_day = ?, second_day = ?, first_order_id = ? where customer_id = ? and platform = ?",
                update, (ps, f) -> {
                    ps.setObject(1, f.first());
                    ps.setObject(2, f.second());
                    ps.setLong(3, f.firstOrderId());
                    ps.setLong(4, f.customer());
                    ps.setString(5, f.platform());
                });
        insert.sort(FIRST_ORDER);
        Batch.run(c, "insert into buyer_first (customer_id, platform, first_day, second_day, first_order_id) values (?, ?, ?, ?, ?)",
                insert, (ps, f) -> {
                    ps.setLong(1, f.customer());
                    ps.setString(2, f.platform());
                    ps.setObject(3, f.first());
                    ps.setObject(4, f.second());
                    ps.setLong(5, f.firstOrderId());
                });
    }

    /** The facts of the customers whose facts changed: one row per live customer (every customer of the chunk is live). */
    private void writeFacts(Map<Long, Fact> stored, Map<Long, Fact> now, Set<Long> changed) throws SQLException {
        List<Long> ids = new ArrayList<>(changed);
        ids.sort(null);
        List<Long> update = new ArrayList<>();
        List<Long> insert = new ArrayList<>();
        ids.forEach(id -> (stored.containsKey(id) ? update : insert).add(id));
        Batch.Binder<Long> fact = (ps, id) -> {
            Fact f = now.get(id);
            ps.setString(1, f.province());
            ps.setString(2, f.city());
            ps.setObject(3, f.funnelBest());
            ps.setLong(4, id);
        };
        Batch.run(c, "update buyer_fact set province = ?, city = ?, funnel_best = ? where customer_id = ?", update, fact);
        Batch.run(c, "insert into buyer_fact (province, city, funnel_best, customer_id) values (?, ?, ?, ?)", insert, fact);
    }
}
