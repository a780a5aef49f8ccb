package com.fankeep.core.insight;

import com.fankeep.core.db.ManyRowInsert;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The aggregates from nothing when an import is (nearly) the whole shop, on the bulk path's copy (ADR 0053, 0055): one
 * read of each of {@code customer}, {@code contact_channel} and {@code shop_order} (on the copy their customer indexes
 * are dropped, so a read by customer range read the whole table each time), the orders held in primitive arrays and
 * put in customer order ({@link BulkOrders}), then every buyer_day, buyer_first and buyer_fact row written in one pass
 * in key order by statements of many rows; the counters are counted on the way. The rows are those of
 * {@link AggregateRepository#rows}, the check's own grouping (BulkAggregatesTest compares with the services' rebuild).
 */
final class BulkAggregates {

    private static final String CUSTOMERS = "select id, province, city, (merged_into_id is null and erased_at is null) from customer"
            + " order by id";
    private static final String CHANNELS = "select customer_id, funnel_state from contact_channel";

    private final Connection c;
    private final Map<CounterRepository.Key, Long> counts = new HashMap<>();
    /** The live customers, ascending, with their place and furthest channel state (-1: no channel). */
    private long[] live;
    private String[] province;
    private String[] city;
    private int[] funnel;

    private BulkAggregates(Connection c) {
        this.c = c;
    }

    /**
     * Replaces every aggregate row and counter with what the orders give, in the caller's transaction (the copy's: its
     * swap makes it all-or-nothing). The result equals {@link AggregateService#rebuildAll}'s (BulkAggregatesTest).
     */
    static void rebuild(DSLContext dsl, Connection c, java.time.ZoneId zone) throws SQLException {
        new AggregateRepository(dsl).deleteAll();
        CounterRepository counters = new CounterRepository(dsl);
        counters.deleteAll();
        BulkAggregates bulk = new BulkAggregates(c);
        BulkOrders.Anonymous anonymous = new BulkOrders.Anonymous();
        BulkOrders orders = com.fankeep.core.db.LazyReads.run(c, () -> {
            bulk.customers();
            bulk.channels();
            return BulkOrders.read(c, zone, bulk.live, bulk.committedBatches(), anonymous);
        });
        bulk.write(orders, anonymous);
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

    private void customers() throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> provinces = new ArrayList<>();
        List<String> cities = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();   // one String per distinct place name
        try (PreparedStatement ps = c.prepareStatement(CUSTOMERS)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(4)) {
                        ids.add(rs.getLong(1));
                        provinces.add(shared(texts, rs.getString(2)));
                        cities.add(shared(texts, rs.getString(3)));
                    }
                }
            }
        }
        live = ids.stream().mapToLong(Long::longValue).toArray();
        province = provinces.toArray(String[]::new);
        city = cities.toArray(String[]::new);
        funnel = new int[live.length];
        Arrays.fill(funnel, -1);
    }

    private static String shared(Map<String, String> texts, String s) {
        return s == null ? null : texts.computeIfAbsent(s, x -> x);
    }

    /** Each live customer's furthest channel state, as CounterRepository.FUNNEL_BEST gives it. */
    private void channels() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CHANNELS)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int k = Arrays.binarySearch(live, rs.getLong(1));
                    if (k >= 0) {
                        String state = rs.getString(2);
                        int best = "connected".equals(state) ? 3 : "requested".equals(state) ? 2 : "exported".equals(state) ? 1 : 0;
                        funnel[k] = Math.max(funnel[k], best);
                    }
                }
            }
        }
    }

    /** Every row, customer by customer in id order; the anonymous bucket (customer 0) first. */
    private void write(BulkOrders o, BulkOrders.Anonymous anonymous) throws SQLException {
        try (ManyRowInsert days = new ManyRowInsert(c, "buyer_day", "customer_id, order_day, platform, currency, orders,"
                + " bought_orders, revenue_orders, net_spend", new int[] {Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR,
                Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.DECIMAL});
             ManyRowInsert firsts = new ManyRowInsert(c, "buyer_first", "customer_id, platform, first_day, second_day, first_order_id",
                     new int[] {Types.BIGINT, Types.VARCHAR, Types.DATE, Types.DATE, Types.BIGINT});
             ManyRowInsert facts = new ManyRowInsert(c, "buyer_fact", "customer_id, province, city, funnel_best",
                     new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.INTEGER})) {
            List<Map.Entry<BulkOrders.Anonymous.Key, long[]>> zero = new ArrayList<>(anonymous.days.entrySet());
            zero.sort(Map.Entry.comparingByKey(Comparator.comparingInt(BulkOrders.Anonymous.Key::day)
                    .thenComparing(BulkOrders.Anonymous.Key::platform).thenComparing(BulkOrders.Anonymous.Key::currency)));
            for (var e : zero) {
                long[] d = e.getValue();
                days.add(0L, LocalDate.ofEpochDay(e.getKey().day()), e.getKey().platform(), e.getKey().currency(), (int) d[0], (int) d[1],
                        (int) d[2], BigDecimal.valueOf(d[3], 2));
            }
            int[] scratch = new int[16];
            for (int k = 0; k < live.length; k++) {
                int from = o.start[k];
                int n = o.start[k + 1] - from;
                if (scratch.length < n) {
                    scratch = new int[Math.max(n, scratch.length * 2)];
                }
                System.arraycopy(o.order, from, scratch, 0, n);
                customer(o, k, scratch, n, days, firsts);
                facts.add(live[k], province[k], city[k], funnel[k] < 0 ? null : funnel[k]);
                if (funnel[k] >= 0) {
                    count("funnel", "*", Integer.toString(funnel[k]), "");
                }
            }
        }
    }

    /** One live customer's day and first-order rows from its orders {@code at[0 .. n - 1]} (indexes into {@code o}). */
    private void customer(BulkOrders o, int k, int[] at, int n, ManyRowInsert days, ManyRowInsert firsts) throws SQLException {
        if (n == 0) {
            return;
        }
        long id = live[k];
        // days: by (day, platform, currency), texts compared as the rows' key
        sort(at, n, (a, b) -> {
            int x = Integer.compare(o.day[a], o.day[b]);
            if (x == 0) {
                x = o.platforms.get(o.platform[a]).compareTo(o.platforms.get(o.platform[b]));
            }
            return x != 0 ? x : o.currencies.get(o.currency[a]).compareTo(o.currencies.get(o.currency[b]));
        });
        for (int i = 0; i < n; ) {
            int a = at[i];
            int orders = 0;
            int bought = 0;
            int revenue = 0;
            long cents = 0;
            int j = i;
            while (j < n && o.day[at[j]] == o.day[a] && o.platform[at[j]] == o.platform[a] && o.currency[at[j]] == o.currency[a]) {
                int b = at[j++];
                orders++;
                if ((o.flags[b] & BulkOrders.BOUGHT) != 0) {
                    bought++;
                }
                if ((o.flags[b] & BulkOrders.REVENUE) != 0) {
                    revenue++;
                    cents += o.cents[b];
                }
            }
            days.add(id, LocalDate.ofEpochDay(o.day[a]), o.platforms.get(o.platform[a]), o.currencies.get(o.currency[a]), orders, bought,
                    revenue, BigDecimal.valueOf(cents, 2));
            i = j;
        }
        // firsts: the bought orders in time order, over all platforms ("*") and per platform
        int m = 0;
        for (int i = 0; i < n; i++) {
            if ((o.flags[at[i]] & BulkOrders.BOUGHT) != 0) {
                at[m++] = at[i];
            }
        }
        if (m == 0) {
            return;
        }
        sort(at, m, o::compareTime);
        first(o, k, "*", at[0], m > 1 ? at[1] : -1, firsts);
        short[] platforms = new short[m];
        int p = 0;
        for (int i = 0; i < m; i++) {
            short s = o.platform[at[i]];
            boolean seen = false;
            for (int q = 0; q < p && !seen; q++) {
                seen = platforms[q] == s;
            }
            if (!seen) {
                platforms[p++] = s;
            }
        }
        Integer[] byName = new Integer[p];
        for (int q = 0; q < p; q++) {
            byName[q] = (int) platforms[q];
        }
        Arrays.sort(byName, Comparator.comparing(q -> o.platforms.get(q)));
        for (int s : byName) {
            int firstAt = -1;
            int secondAt = -1;
            for (int i = 0; i < m && secondAt < 0; i++) {
                if (o.platform[at[i]] == s) {
                    if (firstAt < 0) {
                        firstAt = at[i];
                    } else {
                        secondAt = at[i];
                    }
                }
            }
            first(o, k, o.platforms.get(s), firstAt, secondAt, firsts);
        }
    }

    private void first(BulkOrders o, int k, String platform, int first, int second, ManyRowInsert firsts) throws SQLException {
        firsts.add(live[k], platform, LocalDate.ofEpochDay(o.day[first]), second < 0 ? null : LocalDate.ofEpochDay(o.day[second]),
                o.id[first]);
        count("buyers", platform, "", "");
        if (second >= 0) {
            count("repeaters", platform, "", "");
        }
        if (province[k] != null || city[k] != null) {
            count("place", platform, orEmpty(province[k]), orEmpty(city[k]));
        }
    }

    private interface IntOrder {
        int compare(int a, int b);
    }

    /** Insertion sort: a customer holds a few orders (a boxed sort for the rare long lists). */
    private static void sort(int[] a, int n, IntOrder order) {
        if (n > 64) {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = a[i];
            }
            Arrays.sort(boxed, order::compare);
            for (int i = 0; i < n; i++) {
                a[i] = boxed[i];
            }
            return;
        }
        for (int i = 1; i < n; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && order.compare(a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private void count(String kind, String platform, String name1, String name2) {
        counts.merge(new CounterRepository.Key(kind, platform, name1, name2), 1L, Long::sum);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
