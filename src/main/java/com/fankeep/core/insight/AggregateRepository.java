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
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

/** The SQL of the dashboard aggregates: orders read per customer, grouped in Java by the app's day, written in batches. */
final class AggregateRepository {

    /** Orders of a committed batch (or typed by hand) only. */
    static final String VISIBLE = "(o.import_batch_id is null or o.import_batch_id in"
            + " (select b.id from import_batch b where b.status = 'committed'))";
    /** As segments (RuleSql) define "bought". */
    static final List<String> NOT_BOUGHT = List.of("unpaid", "cancelled", "closed");
    static final String REVENUE = "('paid', 'shipped', 'completed', 'partially_refunded')";
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

    /** Visible orders of these live customers. */
    List<OrderFact> ordersOf(Collection<Long> ids) {
        String in = placeholders(ids.size());
        return facts(ORDER_COLUMNS + " join customer c on c.id = o.customer_id where o.customer_id in (" + in + ") and "
                + VISIBLE + " and c.erased_at is null and c.merged_into_id is null", ids.toArray(), false);
    }

    /** Visible orders of live customers with ids in [from, to]. */
    List<OrderFact> ordersBetween(long from, long to) {
        return facts(ORDER_COLUMNS + " join customer c on c.id = o.customer_id where o.customer_id between ? and ? and "
                + VISIBLE + " and c.erased_at is null and c.merged_into_id is null", new Object[] {from, to}, false);
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

    /** Customers whose orders these import batches hold. */
    List<Long> customersOfBatches(List<Long> batches) {
        return dsl.fetch("select distinct customer_id from shop_order where customer_id is not null and import_batch_id in ("
                + placeholders(batches.size()) + ")", batches.toArray()).getValues(0, Long.class);
    }

    long[] customerIdRange() {
        var r = dsl.fetchOne("select coalesce(min(id), 1), coalesce(max(id), 0) from customer");
        return new long[] {r.get(0, Long.class), r.get(1, Long.class)};
    }

    void delete(Collection<Long> ids) {
        String in = placeholders(ids.size());
        dsl.execute("delete from buyer_day where customer_id in (" + in + ")", ids.toArray());
        dsl.execute("delete from buyer_first where customer_id in (" + in + ")", ids.toArray());
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

    void insert(Rows rows) {
        if (!rows.days().isEmpty()) {
            BatchBindStep batch = dsl.batch(dsl.query("insert into buyer_day (customer_id, order_day, platform, currency, orders,"
                    + " bought_orders, revenue_orders, net_spend) values (?, ?, ?, ?, ?, ?, ?, ?)", 0L, null, "", "", 0, 0, 0,
                    BigDecimal.ZERO));
            rows.days().forEach(d -> batch.bind(d.customer(), d.day(), d.platform(), d.currency(), d.orders(), d.bought(),
                    d.revenueOrders(), d.net()));
            batch.execute();
        }
        if (!rows.firsts().isEmpty()) {
            BatchBindStep batch = dsl.batch(dsl.query("insert into buyer_first (customer_id, platform, first_day, second_day,"
                    + " first_order_id) values (?, ?, ?, ?, ?)", 0L, "", null, null, 0L));
            rows.firsts().forEach(f -> batch.bind(f.customer(), f.platform(), f.first(), f.second(), f.firstOrderId()));
            batch.execute();
        }
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

    /** A fingerprint of the visible orders and of who is live: any order change, merge or erasure changes it. */
    String fingerprint() {
        var o = dsl.fetchOne("select count(*), coalesce(sum(o.customer_id), 0), coalesce(sum(coalesce(o.paid_amount, 0)"
                + " - o.refunded_amount), 0), coalesce(sum(case when o.status in " + REVENUE + " then o.id else 0 end), 0),"
                + " coalesce(max(o.id), 0) from shop_order o where " + VISIBLE);
        var c = dsl.fetchOne("select count(*) from customer where erased_at is not null or merged_into_id is not null");
        return o.get(0) + "/" + o.get(1) + "/" + o.get(2, BigDecimal.class).stripTrailingZeros().toPlainString() + "/"
                + o.get(3) + "/" + o.get(4) + "/" + c.get(0);
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

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
