package com.fankeep.core.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The SQL of the dashboard aggregates: rows written from the orders by INSERT … SELECT … GROUP BY; the check's
 * independent recount reads the orders and groups them in Java ({@link #rows}).
 */
final class AggregateRepository {

    /** Orders of a committed batch (or typed by hand) only. */
    static final String VISIBLE = "(o.import_batch_id is null or o.import_batch_id in"
            + " (select b.id from import_batch b where b.status = 'committed'))";
    /** As segments (RuleSql) define "bought". */
    static final List<String> NOT_BOUGHT = List.of("unpaid", "cancelled", "closed");
    static final String REVENUE = "('paid', 'shipped', 'completed', 'partially_refunded')";
    private static final String NOT_BOUGHT_SQL = "('unpaid', 'cancelled', 'closed')";
    private static final String ORDER_COLUMNS = "select o.id, o.customer_id, o.platform, o.currency, o.status,"
            + " coalesce(o.paid_amount, 0) - o.refunded_amount, coalesce(o.ordered_at, o.paid_at, o.created_at)"
            + " from shop_order o ";
    /** Orders of no live customer: the anonymous bucket 0. */
    private static final String ANONYMOUS = " where " + VISIBLE + " and (o.customer_id is null or o.customer_id in"
            + " (select c.id from customer c where c.erased_at is not null or c.merged_into_id is not null))";

    /** One order as the aggregates need it. */
    record OrderFact(long id, long customerId, String platform, String currency, boolean bought, boolean revenue, BigDecimal net,
                     OffsetDateTime at) {
    }

    private final DSLContext dsl;

    AggregateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Visible orders of live customers with ids in [from, to]. */
    List<OrderFact> ordersBetween(long from, long to) {
        return facts(ORDER_COLUMNS + " where o.customer_id between ? and ? and " + VISIBLE + " and " + LIVE_CUSTOMER,
                new Object[] {from, to}, false);
    }

    List<OrderFact> anonymousOrders() {
        return facts(ORDER_COLUMNS + ANONYMOUS, new Object[0], true);
    }

    private List<OrderFact> facts(String sql, Object[] binds, boolean anonymous) {
        List<OrderFact> out = new ArrayList<>();
        for (var r : dsl.fetch(sql, binds)) {
            OffsetDateTime at = r.get(6, OffsetDateTime.class);
            if (at == null) {
                continue; // an order with no date at all cannot be placed in a period
            }
            out.add(new OrderFact(r.get(0, Long.class), anonymous ? 0L : r.get(1, Long.class), r.get(2, String.class),
                    r.get(3, String.class), !NOT_BOUGHT.contains(r.get(4, String.class)),
                    REVENUE.contains("'" + r.get(4, String.class) + "'"), r.get(5, BigDecimal.class), at));
        }
        return out;
    }

    private static final String AT = "coalesce(o.ordered_at, o.paid_at, o.created_at)";
    /**
     * The order's customer is live, as a correlated lookup by primary key rather than a join: with a join H2 drove the
     * statement from every live customer (its live index) and looked each one's orders up, once per chunk — quadratic
     * in the shop (ADR 0039). Here the only access path is the orders' customer index (the chunk's ids or range).
     */
    static final String LIVE_CUSTOMER = "exists (select 1 from customer c where c.id = o.customer_id and c.erased_at is null"
            + " and c.merged_into_id is null)";
    private static final String LIVE_FROM = " from shop_order o where " + VISIBLE + " and " + LIVE_CUSTOMER + " and ";

    /**
     * Writes the rows of live customers with ids in [from, to] from their orders, in SQL: one statement per table, no
     * order read into Java (the rebuild of 1,000,000 orders spent its time in row-by-row batch inserts). The day is the
     * order's date in the app's zone, through the session's time zone (standard CAST semantics, see {@link #inZone}).
     */
    void insertBetween(long from, long to, ZoneId zone) {
        inZone(zone, () -> insertFromOrders("o.customer_id", LIVE_FROM + "o.customer_id between ? and ?", new Object[] {from, to}));
    }

    /** The orders of no live customer, as customer 0 (they have no first orders: never a buyer). */
    void insertAnonymous(ZoneId zone) {
        inZone(zone, () -> dsl.execute(dayInsert("0", " from shop_order o" + ANONYMOUS), new Object[0]));
    }

    private void insertFromOrders(String customer, String from, Object[] binds) {
        dsl.execute(dayInsert(customer, from), binds);
        for (String platform : List.of("o.platform", "'*'")) {
            dsl.execute(FIRST_INSERT + firstSelect(customer, platform, from), binds);
        }
    }

    private static final String DAY_INSERT = "insert into buyer_day (customer_id, order_day, platform, currency, orders,"
            + " bought_orders, revenue_orders, net_spend)";
    private static final String FIRST_INSERT = "insert into buyer_first (customer_id, platform, first_day, second_day, first_order_id)";

    private static String firstSelect(String customer, String platform, String from) {
        return " select y.customer_id, y.platform, min(case when y.rn = 1 then y.order_day end),"
                + " min(case when y.rn = 2 then y.order_day end), min(case when y.rn = 1 then y.id end)"
                + " from (select b.customer_id, b.platform, b.order_day, b.id,"
                + " row_number() over (partition by b.customer_id, b.platform order by b.at, b.id) as rn"
                + " from (select " + customer + " as customer_id, " + platform + " as platform, o.id, " + AT + " as at,"
                + " cast(" + AT + " as date) as order_day" + from + " and o.status not in " + NOT_BOUGHT_SQL + ") b) y"
                + " where y.rn <= 2 group by y.customer_id, y.platform";
    }

    /**
     * Brings the stored rows of these live customers to what their orders give, writing only the rows that differ: a
     * recount after an import used to delete every row of the touched customers and insert them again, and H2's cost is
     * the rows written and committed, not the rows read (ADR 0039). The rows are still grouped by the same SQL.
     */
    void refreshOf(Collection<Long> ids, ZoneId zone) {
        String in = idList(ids);
        String from = LIVE_FROM + "o.customer_id in (" + in + ")";
        Rows stored = storedWhere("customer_id in (" + in + ")");
        if (stored.days().isEmpty() && stored.firsts().isEmpty()) {
            // nothing to compare with (new customers, a load into an empty shop): written by INSERT … SELECT, cheaper
            inZone(zone, () -> insertFromOrders("o.customer_id", from, new Object[0]));
            return;
        }
        writeDifference(stored, inZoneResult(zone, () -> new Rows(days(asText(daySelect("o.customer_id", from))), firsts(from))));
    }

    /** The same for the orders of no live customer (customer 0). */
    void refreshAnonymous(ZoneId zone) {
        Rows expected = inZoneResult(zone, () -> new Rows(days(asText(daySelect("0", " from shop_order o" + ANONYMOUS))), List.of()));
        writeDifference(storedWhere("customer_id = 0"), expected);
    }

    /**
     * The day as text: read while the session is in the app's zone, a DATE reaches Java through java.sql.Date, which is
     * shifted by the difference between that zone and the JVM's (a day early in Shanghai on a UTC machine).
     */
    private static String asText(String daySelect) {
        return "select z.customer_id, cast(z.order_day as varchar(10)), z.platform, z.currency, z.orders, z.bought, z.revenue, z.net"
                + " from (" + daySelect + ") z (customer_id, order_day, platform, currency, orders, bought, revenue, net)";
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private List<DayRow> days(String select) {
        List<DayRow> out = new ArrayList<>();
        dsl.fetch(select).forEach(r -> out.add(new DayRow(r.get(0, Long.class), day(r.get(1, String.class)), r.get(2, String.class),
                r.get(3, String.class), r.get(4, Integer.class), r.get(5, Integer.class), r.get(6, Integer.class),
                r.get(7, BigDecimal.class).setScale(2, java.math.RoundingMode.UNNECESSARY))));
        return out;
    }

    private List<FirstRow> firsts(String from) {
        List<FirstRow> out = new ArrayList<>();
        for (String platform : List.of("o.platform", "'*'")) {
            dsl.fetch("select z.customer_id, z.platform, cast(z.first_day as varchar(10)), cast(z.second_day as varchar(10)),"
                    + " z.first_order_id from (" + firstSelect("o.customer_id", platform, from)
                    + ") z (customer_id, platform, first_day, second_day, first_order_id)").forEach(r -> out.add(new FirstRow(
                    r.get(0, Long.class), r.get(1, String.class), day(r.get(2, String.class)), day(r.get(3, String.class)),
                    r.get(4, Long.class))));
        }
        return out;
    }

    private Rows storedWhere(String where) {
        return new Rows(days("select customer_id, cast(order_day as varchar(10)), platform, currency, orders, bought_orders, revenue_orders, net_spend"
                + " from buyer_day where " + where), firstsStored(where));
    }

    private List<FirstRow> firstsStored(String where) {
        List<FirstRow> out = new ArrayList<>();
        dsl.fetch("select customer_id, platform, cast(first_day as varchar(10)), cast(second_day as varchar(10)), first_order_id"
                + " from buyer_first where " + where).forEach(r -> out.add(new FirstRow(r.get(0, Long.class), r.get(1, String.class),
                day(r.get(2, String.class)), day(r.get(3, String.class)), r.get(4, Long.class))));
        return out;
    }

    /** Deletes the stored rows whose key is gone or whose values differ, inserts the expected ones not stored as they are. */
    private void writeDifference(Rows stored, Rows expected) {
        Map<String, DayRow> storedDays = new HashMap<>();
        stored.days().forEach(d -> storedDays.put(d.text(), d));
        Map<String, FirstRow> storedFirsts = new HashMap<>();
        stored.firsts().forEach(f -> storedFirsts.put(f.text(), f));
        List<DayRow> insertDays = new ArrayList<>();
        for (DayRow d : expected.days()) {
            if (storedDays.remove(d.text()) == null) {
                insertDays.add(d);
            }
        }
        List<FirstRow> insertFirsts = new ArrayList<>();
        for (FirstRow f : expected.firsts()) {
            if (storedFirsts.remove(f.text()) == null) {
                insertFirsts.add(f);
            }
        }
        // what is left of the stored rows is wrong or gone: deleted before the inserts, which may reuse their keys
        if (!storedDays.isEmpty()) {
            var delete = batch("delete from buyer_day where customer_id = ? and order_day = ? and platform = ? and currency = ?", 4);
            storedDays.values().forEach(d -> delete.bind(d.customer(), d.day(), d.platform(), d.currency()));
            delete.execute();
        }
        if (!storedFirsts.isEmpty()) {
            var delete = batch("delete from buyer_first where customer_id = ? and platform = ?", 2);
            storedFirsts.values().forEach(f -> delete.bind(f.customer(), f.platform()));
            delete.execute();
        }
        if (!insertDays.isEmpty()) {
            var insert = batch(DAY_INSERT + " values (?, ?, ?, ?, ?, ?, ?, ?)", 8);
            insertDays.forEach(d -> insert.bind(d.customer(), d.day(), d.platform(), d.currency(), d.orders(), d.bought(),
                    d.revenueOrders(), d.net()));
            insert.execute();
        }
        if (!insertFirsts.isEmpty()) {
            var insert = batch(FIRST_INSERT + " values (?, ?, ?, ?, ?)", 5);
            insertFirsts.forEach(f -> insert.bind(f.customer(), f.platform(), f.first(), f.second(), f.firstOrderId()));
            insert.execute();
        }
    }

    private org.jooq.BatchBindStep batch(String sql, int parameters) {
        return dsl.batch(dsl.query(sql, new Object[parameters]));
    }

    private <T> T inZoneResult(ZoneId zone, java.util.function.Supplier<T> work) {
        List<T> out = new ArrayList<>(1);
        inZone(zone, () -> out.add(work.get()));
        return out.getFirst();
    }

    private static String dayInsert(String customer, String from) {
        return DAY_INSERT + daySelect(customer, from);
    }

    private static String daySelect(String customer, String from) {
        return " select x.customer_id, x.order_day, x.platform, x.currency, count(*), sum(x.bought), sum(x.revenue),"
                + " coalesce(sum(x.revenue * x.net), 0)"
                + " from (select " + customer + " as customer_id, cast(" + AT + " as date) as order_day, o.platform, o.currency,"
                + " case when o.status in " + NOT_BOUGHT_SQL + " then 0 else 1 end as bought,"
                + " case when o.status in " + REVENUE + " then 1 else 0 end as revenue,"
                + " coalesce(o.paid_amount, 0) - o.refunded_amount as net" + from + ") x"
                + " group by x.customer_id, x.order_day, x.platform, x.currency";
    }

    /**
     * Runs {@code work} with the session's time zone set to the app's, so that {@code cast(timestamptz as date)} is the
     * local day (SQL standard; H2 and PostgreSQL alike), then gives the session its default zone back.
     */
    private void inZone(ZoneId zone, Runnable work) {
        inZone(dsl, zone, work);
    }

    static void inZone(DSLContext dsl, ZoneId zone, Runnable work) {
        dsl.execute("set time zone '" + zone.getId().replace("'", "") + "'");
        try {
            work.run();
        } finally {
            dsl.execute("set time zone local");
        }
    }

    /** Customers whose orders these import batches hold. */
    List<Long> customersOfBatches(List<Long> batches) {
        String in = placeholders(batches.size());
        // and the customers the batches matched or created or gave a channel (a contact sheet has no orders): the counters
        return dsl.fetch("select customer_id from shop_order where customer_id is not null and import_batch_id in (" + in + ")"
                + " union select customer_id from customer_match where import_batch_id in (" + in + ")"
                + " union select customer_id from contact_channel where import_batch_id in (" + in + ")",
                concat(batches, 3)).getValues(0, Long.class);
    }

    private static Object[] concat(List<Long> values, int times) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll(values);
        }
        return out.toArray();
    }

    /** True when one of these customers is merged away or erased (looked up by primary key). */
    boolean anyNotLive(Collection<Long> ids) {
        return !ids.isEmpty() && dsl.fetchExists(dsl.selectOne().from(org.jooq.impl.DSL.table("customer c")).where(
                "c.id in (" + idList(ids) + ") and (c.erased_at is not null or c.merged_into_id is not null)"));
    }

    long[] customerIdRange() {
        var r = dsl.fetchOne("select coalesce(min(id), 1), coalesce(max(id), 0) from customer");
        return new long[] {r.get(0, Long.class), r.get(1, Long.class)};
    }

    void delete(Collection<Long> ids) {
        String in = idList(ids);
        dsl.execute("delete from buyer_day where customer_id in (" + in + ")");
        dsl.execute("delete from buyer_first where customer_id in (" + in + ")");
    }

    void deleteBetween(long from, long to) {
        dsl.execute("delete from buyer_day where customer_id between ? and ?", from, to);
        dsl.execute("delete from buyer_first where customer_id between ? and ?", from, to);
    }

    void deleteAll() {
        dsl.execute("delete from buyer_day");
        dsl.execute("delete from buyer_first");
    }

    /** One buyer_day row and one buyer_first row. */
    record DayRow(long customer, LocalDate day, String platform, String currency, int orders, int bought, int revenueOrders,
                  BigDecimal net) {
        String text() {
            return "d " + customer + " " + day + " " + platform + " " + currency + " " + orders + " " + bought + " " + revenueOrders + " "
                    + net.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
    }

    record FirstRow(long customer, String platform, LocalDate first, LocalDate second, long firstOrderId) {
        String text() {
            return "f " + customer + " " + platform + " " + first + " " + second + " " + firstOrderId;
        }
    }

    record Rows(List<DayRow> days, List<FirstRow> firsts) {
        List<String> text() {
            List<String> out = new ArrayList<>();
            days.forEach(d -> out.add(d.text()));
            firsts.forEach(f -> out.add(f.text()));
            java.util.Collections.sort(out);
            return out;
        }
    }

    /** Groups orders into the rows the aggregates should hold (pure: the check compares it with what is stored). */
    static Rows rows(List<OrderFact> orders, ZoneId zone) {
        record Key(long customer, LocalDate day, String platform, String currency) {
        }
        Map<Key, long[]> counts = new HashMap<>();
        Map<Key, BigDecimal> spend = new HashMap<>();
        Map<Long, List<OrderFact>> paidBy = new HashMap<>();
        for (OrderFact o : orders) {
            Key k = new Key(o.customerId(), o.at().atZoneSameInstant(zone).toLocalDate(), o.platform(), o.currency());
            long[] c = counts.computeIfAbsent(k, x -> new long[3]);
            c[0]++;
            if (o.revenue()) {
                c[2]++;
                spend.merge(k, o.net(), BigDecimal::add);
            }
            if (o.bought()) {
                c[1]++;
                if (o.customerId() != 0) {
                    paidBy.computeIfAbsent(o.customerId(), x -> new ArrayList<>()).add(o);
                }
            }
        }
        List<DayRow> days = new ArrayList<>();
        counts.forEach((k, c) -> days.add(new DayRow(k.customer(), k.day(), k.platform(), k.currency(), (int) c[0], (int) c[1],
                (int) c[2], spend.getOrDefault(k, BigDecimal.ZERO).setScale(2, java.math.RoundingMode.UNNECESSARY))));
        List<FirstRow> firsts = new ArrayList<>();
        Comparator<OrderFact> byTime = Comparator.comparing(OrderFact::at).thenComparingLong(OrderFact::id);
        paidBy.forEach((customer, paid) -> {
            paid.sort(byTime);
            firsts.add(first(customer, "*", paid, zone));
            Map<String, List<OrderFact>> perPlatform = new HashMap<>();
            paid.forEach(o -> perPlatform.computeIfAbsent(o.platform(), x -> new ArrayList<>()).add(o));
            perPlatform.forEach((platform, list) -> firsts.add(first(customer, platform, list, zone)));
        });
        return new Rows(days, firsts);
    }

    private static FirstRow first(long customer, String platform, List<OrderFact> sorted, ZoneId zone) {
        LocalDate second = sorted.size() > 1 ? sorted.get(1).at().atZoneSameInstant(zone).toLocalDate() : null;
        return new FirstRow(customer, platform, sorted.getFirst().at().atZoneSameInstant(zone).toLocalDate(), second,
                sorted.getFirst().id());
    }

    /** The stored rows of customers in [from, to], as text, sorted. */
    List<String> stored(long from, long to) {
        List<String> out = new ArrayList<>();
        dsl.fetch("select customer_id, order_day, platform, currency, orders, bought_orders, revenue_orders, net_spend"
                + " from buyer_day where customer_id between ? and ?", from, to).forEach(r -> out.add(new DayRow(r.get(0, Long.class),
                r.get(1, LocalDate.class), r.get(2, String.class), r.get(3, String.class), r.get(4, Integer.class),
                r.get(5, Integer.class), r.get(6, Integer.class), r.get(7, BigDecimal.class)).text()));
        dsl.fetch("select customer_id, platform, first_day, second_day, first_order_id from buyer_first"
                + " where customer_id between ? and ?", from, to).forEach(r -> out.add(new FirstRow(r.get(0, Long.class),
                r.get(1, String.class), r.get(2, LocalDate.class), r.get(3, LocalDate.class), r.get(4, Long.class)).text()));
        java.util.Collections.sort(out);
        return out;
    }

    /**
     * What the orders say the aggregates must add up to: visible orders, the sum of their live customers' ids (an order
     * of a merged-away or erased customer counts as customer 0, as in the anonymous bucket), bought and revenue orders,
     * net spend; and the live customers, one buyer_fact row each. Read only by the check after an unclean session and
     * by `db check`, never by a refresh (ADR 0043): it is compared with {@link #totalsStored}, not with a stored copy.
     */
    String totalsOfOrders() {
        var o = dsl.fetchOne("select count(*), coalesce(sum(o.customer_id), 0), coalesce(sum(case when o.status not in "
                + NOT_BOUGHT_SQL + " then 1 else 0 end), 0), coalesce(sum(case when o.status in " + REVENUE + " then 1 else 0 end), 0),"
                + " coalesce(sum(case when o.status in " + REVENUE + " then coalesce(o.paid_amount, 0) - o.refunded_amount else 0 end), 0)"
                + " from shop_order o where " + VISIBLE);
        // the dead customers' orders through the orders' customer index (their ids count as 0)
        var dead = dsl.fetchOne("select coalesce(sum(o.customer_id), 0) from shop_order o where o.customer_id in (select c.id from"
                + " customer c where c.erased_at is not null or c.merged_into_id is not null) and " + VISIBLE);
        var live = dsl.fetchOne("select count(*) from customer where erased_at is null and merged_into_id is null");
        return totals(o.get(0, Long.class), o.get(1, Long.class) - dead.get(0, Long.class), o.get(2, Long.class), o.get(3, Long.class),
                o.get(4, BigDecimal.class), live.get(0, Long.class));
    }

    /** The same totals from the stored aggregates (buyer_day, buyer_fact). */
    String totalsStored() {
        var d = dsl.fetchOne("select coalesce(sum(orders), 0), coalesce(sum(customer_id * orders), 0), coalesce(sum(bought_orders), 0),"
                + " coalesce(sum(revenue_orders), 0), coalesce(sum(net_spend), 0) from buyer_day");
        var f = dsl.fetchOne("select count(*) from buyer_fact");
        return totals(d.get(0, Long.class), d.get(1, Long.class), d.get(2, Long.class), d.get(3, Long.class), d.get(4, BigDecimal.class),
                f.get(0, Long.class));
    }

    private static String totals(long orders, long customerSum, long bought, long revenue, BigDecimal net, long live) {
        return orders + "/" + customerSum + "/" + bought + "/" + revenue + "/" + net.stripTrailingZeros().toPlainString() + "/" + live;
    }

    String state(String name) {
        var r = dsl.fetchOne("select state_value from insight_state where name = ?", name);
        return r == null ? null : r.get(0, String.class);
    }

    void putState(String name, String value) {
        dsl.execute("delete from insight_state where name = ?", name);
        if (value != null) {
            dsl.execute("insert into insight_state (name, state_value) values (?, ?)", name, value);
        }
    }

    /**
     * Customer ids written into the statement, not bound: H2 checks an IN list of constants against a set, and one of
     * parameters value by value — 1,000 comparisons per order read, most of a chunk's recount (ADR 0039). Longs only,
     * so nothing can be injected.
     */
    static String idList(Collection<Long> ids) {
        StringBuilder out = new StringBuilder(ids.size() * 8);
        for (Long id : ids) {
            out.append(out.isEmpty() ? "" : ", ").append(id.longValue());
        }
        return out.toString();
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
