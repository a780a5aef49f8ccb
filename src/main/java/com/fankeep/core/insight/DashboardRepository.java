package com.fankeep.core.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/** The dashboard's reads: over the aggregates (buyer_day, buyer_first) and a few counts of customers and follow-ups. */
final class DashboardRepository {

    static final String LIVE = "c.merged_into_id is null and c.erased_at is null";

    private final DSLContext dsl;
    private final String platform;
    private final CounterRepository counters;

    DashboardRepository(DSLContext dsl, String platform) {
        this.dsl = dsl;
        this.platform = platform;
        this.counters = new CounterRepository(dsl);
    }

    private String onPlatform(String alias) {
        return platform == null ? "" : " and " + alias + "platform = ?";
    }

    private Object[] binds(Object... head) {
        if (platform == null) {
            return head;
        }
        Object[] out = java.util.Arrays.copyOf(head, head.length + 1);
        out[head.length] = platform;
        return out;
    }

    private String firstKey() {
        return platform == null ? "*" : platform;
    }

    private long live = -1;

    /** Customers neither merged away nor erased; counted once per repository (one transaction): figures and tiers ask. */
    long liveCustomers() {
        if (live < 0) {
            live = dsl.fetchOne("select count(*) from customer c where " + LIVE).get(0, Long.class);
        }
        return live;
    }

    /**
     * Buyers who had bought by {@code to} (on the platform): the counter less those whose first day came after (a range
     * of the index, empty for today; counting the buyers up to a day read all 300,000 of them).
     */
    long everBought(LocalDate to) {
        return counters.total("buyers", firstKey())
                - count("select count(*) from buyer_first where platform = ? and first_day > ?", firstKey(), to);
    }

    long anyBought() {
        return counters.total("buyers", "*");
    }

    long repeaters(LocalDate to) {
        return counters.total("repeaters", firstKey())
                - count("select count(*) from buyer_first where platform = ? and second_day > ?", firstKey(), to);
    }

    String platformKey() {
        return firstKey();
    }

    private static final String BUYER_IDS = " from buyer_day d where d.order_day between ? and ? and d.bought_orders > 0"
            + " and d.customer_id <> 0";

    /** The buyers of [from, to] (one range of the covering index by day), as a set of customer ids. */
    BitSet buyerIds(LocalDate from, LocalDate to) {
        BitSet out = new BitSet();
        try (var rows = dsl.fetchLazy("select d.customer_id" + BUYER_IDS + onPlatform("d."), binds(from, to))) {
            rows.forEach(r -> out.set(Math.toIntExact(r.get(0, Long.class))));
        }
        return out;
    }

    /**
     * The buyers and revenue of each month from {@code first} to {@code last} (months with no rows too), read as one
     * range of days of the covering index; plain JDBC, as the rows are many (a year: ~200,000) and each is read once.
     * Platform key → month → data: for any platform ('*') the same rows give each platform's months as well (those of
     * the platforms that have rows in the range), so a change of platform finds them kept.
     */
    Map<String, Map<Integer, BuyerMonths.Month>> months(LocalDate from, LocalDate to, int first, int last) {
        Map<String, Map<Integer, BuyerMonths.Month>> out = new HashMap<>();
        dsl.connection(c -> {
            try (var s = c.prepareStatement("select d.order_day, d.customer_id, d.bought_orders, d.currency, d.net_spend,"
                    + " d.revenue_orders, d.platform from buyer_day d where d.order_day between ? and ?" + onPlatform("d."))) {
                s.setObject(1, from);
                s.setObject(2, to);
                if (platform != null) {
                    s.setString(3, platform);
                }
                try (var rows = s.executeQuery()) {
                    LocalDate lastDay = null;
                    int m = 0;
                    while (rows.next()) {
                        LocalDate day = rows.getObject(1, LocalDate.class);
                        if (!day.equals(lastDay)) { // the index gives rows by day: the month is worked out when the day changes
                            lastDay = day;
                            m = month(day);
                        }
                        long customer = rows.getLong(2);
                        boolean buyer = customer != 0 && rows.getInt(3) > 0;
                        String currency = rows.getString(4);
                        BigDecimal net = rows.getBigDecimal(5);
                        long revenueOrders = rows.getLong(6);
                        BuyerMonths.Month month = out.computeIfAbsent(firstKey(), k -> new HashMap<>())
                                .computeIfAbsent(m, k -> BuyerMonths.Month.empty());
                        BuyerMonths.Month ofPlatform = platform != null ? null : out.computeIfAbsent(rows.getString(7),
                                k -> new HashMap<>()).computeIfAbsent(m, k -> BuyerMonths.Month.empty());
                        for (BuyerMonths.Month into : ofPlatform == null ? List.of(month) : List.of(month, ofPlatform)) {
                            if (buyer) {
                                into.buyers().set(Math.toIntExact(customer));
                            }
                            into.add(currency, net, revenueOrders);
                        }
                    }
                }
            }
        });
        out.computeIfAbsent(firstKey(), k -> new HashMap<>());
        out.values().forEach(months -> {
            for (int k = first; k <= last; k++) {
                months.computeIfAbsent(k, x -> BuyerMonths.Month.empty());
            }
        });
        return out;
    }

    long newBuyers(LocalDate from, LocalDate to) {
        return count("select count(*) from buyer_first where platform = ? and first_day between ? and ?", firstKey(), from, to);
    }

    /** Revenue per currency in [from, to]: [net, revenue orders]. */
    Map<String, BigDecimal[]> revenue(LocalDate from, LocalDate to) {
        Map<String, BigDecimal[]> out = new TreeMap<>();
        dsl.fetch("select d.currency, sum(d.net_spend), sum(d.revenue_orders) from buyer_day d where d.order_day between ? and ?"
                + onPlatform("d.") + " group by d.currency", binds(from, to)).forEach(r -> out.put(r.get(0, String.class),
                new BigDecimal[] {r.get(1, BigDecimal.class), r.get(2, BigDecimal.class)}));
        return out;
    }

    long recovered(OffsetDateTime from, OffsetDateTime until) {
        return (Long) typed("select count(*) from customer c where c.recovery_state = 'active_again' and c.recovery_state_at >= ?"
                + " and c.recovery_state_at < ? and " + LIVE, new Class<?>[] {Long.class}, from, until).getFirst()[0];
    }

    long followUps(boolean overdue, LocalDate today) {
        return count("select count(*) from follow_up u join customer c on c.id = u.customer_id where u.status = 'open' and"
                + " u.due_date " + (overdue ? "<" : "=") + " ? and " + LIVE, today);
    }

    /**
     * Live customers per tier ("none": no tier). Every tier row counted through its own index, less the rows of the
     * few customers merged away or erased (two index ranges; merged_into_id is an id, so "> 0" is "is not null" as an
     * index range): a join of every live customer with its tier took 0.3-0.6 s at 300,000.
     */
    Map<String, Long> tiers() {
        Map<String, Long> out = new LinkedHashMap<>();
        dsl.fetch("select tier, count(*) from customer_tier group by tier").forEach(r -> out.put(r.get(0, String.class), r.get(1, Long.class)));
        for (String gone : List.of("c.merged_into_id > 0", "c.merged_into_id is null and c.erased_at is not null")) {
            dsl.fetch("select ct.tier, count(*) from customer c join customer_tier ct on ct.customer_id = c.id where " + gone
                    + " group by ct.tier").forEach(r -> out.merge(r.get(0, String.class), -r.get(1, Long.class), Long::sum));
        }
        out.put("none", liveCustomers() - out.values().stream().mapToLong(Long::longValue).sum());
        return out;
    }

    /** Moves per tier: [into, out of] between two instants. */
    Map<String, long[]> tierMoves(OffsetDateTime from, OffsetDateTime until) {
        Map<String, long[]> out = new LinkedHashMap<>();
        typed("select h.to_tier, h.from_tier, count(*) from tier_history h where h.changed_at >= ? and h.changed_at < ?"
                + " group by h.to_tier, h.from_tier", new Class<?>[] {String.class, String.class, Long.class}, from, until).forEach(r -> {
                    long n = (Long) r[2];
                    String to = r[0] == null ? "none" : (String) r[0];
                    String fromTier = r[1] == null ? "none" : (String) r[1];
                    if (!to.equals(fromTier)) {
                        out.computeIfAbsent(to, k -> new long[2])[0] += n;
                        out.computeIfAbsent(fromTier, k -> new long[2])[1] += n;
                    }
                });
        return out;
    }

    /**
     * Tier moves per day since {@code from}: day → tier → net change; counted per day in SQL (285,000 moves of a year
     * read into Java took 0.4 s), the day in the app's zone as the aggregates have it.
     */
    Map<LocalDate, Map<String, Long>> tierMovesByDay(OffsetDateTime from, java.time.ZoneId zone) {
        Map<LocalDate, Map<String, Long>> out = new TreeMap<>();
        AggregateRepository.inZone(dsl, zone, () -> typed("select cast(h.changed_at as date), h.from_tier, h.to_tier, count(*)"
                + " from tier_history h where h.changed_at >= ? group by cast(h.changed_at as date), h.from_tier, h.to_tier",
                new Class<?>[] {LocalDate.class, String.class, String.class, Long.class}, from)
                .forEach(r -> {
                    Map<String, Long> m = out.computeIfAbsent((LocalDate) r[0], k -> new TreeMap<>());
                    long n = (Long) r[3];
                    m.merge(r[2] == null ? "none" : (String) r[2], n, Long::sum);
                    m.merge(r[1] == null ? "none" : (String) r[1], -n, Long::sum);
                }));
        return out;
    }

    Map<Integer, Long> newByMonth(LocalDate from, LocalDate to) {
        return byMonth("select extract(year from first_day) * 12 + extract(month from first_day) - 1, count(*) from buyer_first"
                + " where platform = ? and first_day between ? and ? group by extract(year from first_day) * 12"
                + " + extract(month from first_day) - 1", firstKey(), from, to);
    }

    /** The live buyers whose first bought order on the platform was in each month of [from, to]: cohort month → ids. */
    Map<Integer, BitSet> cohortSets(LocalDate from, LocalDate to) {
        Map<Integer, BitSet> out = new TreeMap<>();
        try (var rows = dsl.fetchLazy("select first_day, customer_id from buyer_first where platform = ? and first_day between ? and ?",
                firstKey(), from, to)) {
            rows.forEach(r -> out.computeIfAbsent(month(r.get(0, LocalDate.class)), k -> new BitSet())
                    .set(Math.toIntExact(r.get(1, Long.class))));
        }
        return out;
    }

    /** cohort month → month of a later order → buyers; cohorts from {@code from}. */
    Map<Integer, Map<Integer, Long>> cohorts(LocalDate from, LocalDate to) {
        Map<Integer, Map<Integer, Long>> out = new TreeMap<>();
        String cohort = "extract(year from f.first_day) * 12 + extract(month from f.first_day) - 1";
        String month = "extract(year from d.order_day) * 12 + extract(month from d.order_day) - 1";
        dsl.fetch("select " + cohort + ", " + month + ", count(distinct d.customer_id) from buyer_first f join buyer_day d"
                + " on d.customer_id = f.customer_id where f.platform = ? and f.first_day between ? and ? and d.order_day between ? and ?"
                + " and d.bought_orders > 0" + onPlatform("d.") + " group by " + cohort + ", " + month,
                binds(firstKey(), from, to, from, to)).forEach(r -> out.computeIfAbsent(r.get(0, Integer.class),
                k -> new TreeMap<>()).put(r.get(1, Integer.class), r.get(2, Long.class)));
        return out;
    }

    /** Buyers who had bought by {@code to} per [province, city, count] (either may be null). */
    List<Object[]> placeCounts(LocalDate to) {
        // the counters hold every buyer; those whose first day came after `to` are taken away (none for today)
        Map<List<String>, Long> byPlace = new LinkedHashMap<>();
        counters.of("place", firstKey()).forEach(p -> byPlace.merge(List.of((String) p[0], (String) p[1]), (Long) p[2], Long::sum));
        dsl.fetch("select coalesce(p.province, ''), coalesce(p.city, ''), count(*) from buyer_first f join buyer_fact p"
                + " on p.customer_id = f.customer_id where f.platform = ? and f.first_day > ? and (p.province is not null"
                + " or p.city is not null) group by coalesce(p.province, ''), coalesce(p.city, '')", firstKey(), to)
                .forEach(r -> byPlace.merge(List.of(r.get(0, String.class), r.get(1, String.class)), -r.get(2, Long.class), Long::sum));
        List<Object[]> out = new ArrayList<>();
        byPlace.forEach((place, n) -> {
            if (n > 0) {
                out.add(new Object[] {place.get(0).isEmpty() ? null : place.get(0), place.get(1).isEmpty() ? null : place.get(1), n});
            }
        });
        return out;
    }

    /** The {@code limit} places with most buyers by column {@code at} of {@link #placeCounts}: [name, count], most first, then by name. */
    static List<Object[]> top(List<Object[]> placeCounts, int at, int limit) {
        Map<String, Long> byName = new TreeMap<>();
        placeCounts.stream().filter(p -> p[at] != null).forEach(p -> byName.merge((String) p[at], (Long) p[2], Long::sum));
        return byName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new Object[] {e.getKey(), e.getValue()}).toList();
    }

    /** First items of buyers whose first order was in [from, to]: [title, buyers, of them bought again]. */
    List<Object[]> firstItems(LocalDate from, LocalDate to, int limit) {
        List<Object[]> out = new ArrayList<>();
        dsl.fetch("select l.title, count(*), sum(case when f.second_day is not null then 1 else 0 end) from buyer_first f"
                + " join order_line l on l.order_id = f.first_order_id and l.line_no = 1 where f.platform = ? and f.first_day"
                + " between ? and ? and l.title is not null group by l.title order by sum(case when f.second_day is not null then 1"
                + " else 0 end) desc, count(*) desc, l.title fetch first " + limit + " rows only", firstKey(), from, to)
                .forEach(r -> out.add(new Object[] {r.get(0, String.class), r.get(1, Long.class), r.get(2, Long.class)}));
        return out;
    }

    /** Live customers per furthest funnel state of their channels (0 known … 3 connected). */
    long[] funnel() {
        long[] out = new long[4];
        counters.of("funnel", "*").forEach(p -> out[Integer.parseInt((String) p[0])] = (Long) p[2]);
        return out;
    }

    /** Per month from {@code from}: [entered the pipeline, active again]. */
    Map<Integer, long[]> recoveryByMonth(OffsetDateTime from, java.time.ZoneId zone) {
        Map<Integer, long[]> out = new TreeMap<>();
        // two index ranges (V0140, V0120) instead of one pass over every customer with an "or"
        // (liveness tested here, not in SQL: with it there H2 chose the index of live customers and read them all)
        typed("select c.recovery_entered_at, c.merged_into_id, c.erased_at from customer c where c.recovery_entered_at >= ?",
                new Class<?>[] {OffsetDateTime.class, Long.class, OffsetDateTime.class}, from).forEach(r -> {
                    if (r[1] == null && r[2] == null) {
                        out.computeIfAbsent(month(((OffsetDateTime) r[0]).atZoneSameInstant(zone).toLocalDate()), k -> new long[2])[0]++;
                    }
                });
        typed("select c.recovery_state_at from customer c where c.recovery_state = 'active_again' and c.recovery_state_at >= ? and "
                + LIVE, new Class<?>[] {OffsetDateTime.class}, from).forEach(r ->
                out.computeIfAbsent(month(((OffsetDateTime) r[0]).atZoneSameInstant(zone).toLocalDate()), k -> new long[2])[1]++);
        return out;
    }

    static int month(LocalDate d) {
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    LocalDate firstDay() {
        return dsl.fetchOne("select min(order_day) from buyer_day").get(0, LocalDate.class);
    }

    private Map<Integer, Long> byMonth(String sql, Object... binds) {
        Map<Integer, Long> out = new TreeMap<>();
        dsl.fetch(sql, binds).forEach(r -> out.put(r.get(0, Integer.class), r.get(1, Long.class)));
        return out;
    }

    /**
     * The rows of a select whose binds are set as JDBC objects, each column read as the given type. jOOQ's plain SQL
     * bound an OffsetDateTime as text here, which H2 parsed again for every row it compared (a year of tier moves at
     * 1,000,000 orders: 260 ms instead of 90 ms).
     */
    private List<Object[]> typed(String sql, Class<?>[] types, Object... binds) {
        return dsl.connectionResult(c -> {
            try (var s = c.prepareStatement(sql)) {
                for (int i = 0; i < binds.length; i++) {
                    s.setObject(i + 1, binds[i]);
                }
                List<Object[]> out = new ArrayList<>();
                try (var rows = s.executeQuery()) {
                    while (rows.next()) {
                        Object[] row = new Object[types.length];
                        for (int i = 0; i < types.length; i++) {
                            row[i] = rows.getObject(i + 1, types[i]);
                        }
                        out.add(row);
                    }
                }
                return out;
            }
        });
    }

    private long count(String sql, Object... binds) {
        return dsl.fetchOne(sql, binds).get(0, Long.class);
    }
}
