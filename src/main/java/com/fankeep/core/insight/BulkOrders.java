package com.fankeep.core.insight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every visible order of a live customer from one read of {@code shop_order} in primary key order, held in primitive
 * arrays (about 45 bytes an order: 45 MB at 1,000,000) and put in customer order by a counting sort (ADR 0055). On the
 * bulk copy the orders' customer index is dropped, so a read by customer range was a read of the whole table each time.
 * The orders of no live customer go to {@link Anonymous} as they are read.
 */
final class BulkOrders {

    private static final String ORDERS = "select o.id, o.customer_id, o.platform, o.currency, o.status,"
            + " coalesce(o.paid_amount, 0) - o.refunded_amount, coalesce(o.ordered_at, o.paid_at, o.created_at), o.import_batch_id"
            + " from shop_order o";

    static final int BOUGHT = 1;
    static final int REVENUE = 2;

    /** Platform and currency texts, numbered as first met. */
    final List<String> platforms = new ArrayList<>();
    final List<String> currencies = new ArrayList<>();
    private final Map<String, Integer> platformCodes = new HashMap<>();
    private final Map<String, Integer> currencyCodes = new HashMap<>();

    int size;
    long[] id;
    /** Index of the order's customer among the live ones. */
    int[] owner;
    long[] second;
    int[] nano;
    int[] offset;
    /** The order's day in the shop's zone, as an epoch day. */
    int[] day;
    short[] platform;
    short[] currency;
    byte[] flags;
    /** Net spend in cents (the columns are DECIMAL(14, 2)). */
    long[] cents;
    /** After {@link #byCustomer}: the orders of live customer k are {@code order[start[k]] .. order[start[k + 1] - 1]}. */
    int[] start;
    int[] order;

    /** Reads the orders; {@code live} are the live customers' ids, ascending. */
    static BulkOrders read(Connection c, ZoneId zone, long[] live, Set<Long> committed, Anonymous anonymous) throws SQLException {
        BulkOrders o = new BulkOrders(count(c));
        Map<String, Integer> flagsOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ORDERS)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long batch = rs.getLong(8);
                    boolean visible = rs.wasNull() || committed.contains(batch);
                    OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
                    if (!visible || at == null) {
                        continue;
                    }
                    long customer = rs.getLong(2);
                    int k = rs.wasNull() ? -1 : Arrays.binarySearch(live, customer);
                    int flags = flagsOf.computeIfAbsent(rs.getString(5), BulkOrders::flags); // a few statuses, 1M orders
                    long cents = rs.getBigDecimal(6).movePointRight(2).longValueExact();
                    int day = (int) at.atZoneSameInstant(zone).toLocalDate().toEpochDay();
                    String platform = rs.getString(3);
                    String currency = rs.getString(4);
                    if (k < 0) {
                        anonymous.add(day, platform, currency, flags, cents);
                    } else {
                        o.add(rs.getLong(1), k, at, day, o.code(o.platformCodes, o.platforms, platform),
                                o.code(o.currencyCodes, o.currencies, currency), flags, cents);
                    }
                }
            }
        }
        o.byCustomer(live.length);
        return o;
    }

    private static int flags(String status) {
        return (AggregateRepository.NOT_BOUGHT.contains(status) ? 0 : BOUGHT)
                | (AggregateRepository.REVENUE.contains("'" + status + "'") ? REVENUE : 0);
    }

    private BulkOrders(int capacity) {
        int n = Math.max(16, capacity);
        id = new long[n];
        owner = new int[n];
        second = new long[n];
        nano = new int[n];
        offset = new int[n];
        day = new int[n];
        platform = new short[n];
        currency = new short[n];
        flags = new byte[n];
        cents = new long[n];
    }

    private static int count(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from shop_order")) {
            rs.next();
            return (int) Math.min(Integer.MAX_VALUE - 16, rs.getLong(1));
        }
    }

    private short code(Map<String, Integer> codes, List<String> names, String name) {
        Integer code = codes.get(name);
        if (code == null) {
            code = names.size();
            if (code > Short.MAX_VALUE) {
                throw new IllegalStateException("more than 32,767 platforms or currencies");
            }
            codes.put(name, code);
            names.add(name);
        }
        return code.shortValue();
    }

    private void add(long orderId, int k, OffsetDateTime at, int day, short platform, short currency, int flags, long cents) {
        if (size == id.length) {
            grow();
        }
        int i = size++;
        id[i] = orderId;
        owner[i] = k;
        second[i] = at.toEpochSecond();
        nano[i] = at.getNano();
        offset[i] = at.getOffset().getTotalSeconds();
        this.day[i] = day;
        this.platform[i] = platform;
        this.currency[i] = currency;
        this.flags[i] = (byte) flags;
        this.cents[i] = cents;
    }

    private void grow() {
        int n = id.length * 2;
        id = Arrays.copyOf(id, n);
        owner = Arrays.copyOf(owner, n);
        second = Arrays.copyOf(second, n);
        nano = Arrays.copyOf(nano, n);
        offset = Arrays.copyOf(offset, n);
        day = Arrays.copyOf(day, n);
        platform = Arrays.copyOf(platform, n);
        currency = Arrays.copyOf(currency, n);
        flags = Arrays.copyOf(flags, n);
        cents = Arrays.copyOf(cents, n);
    }

    /** A counting sort by customer, stable: each customer's orders stay in primary key order. */
    private void byCustomer(int customers) {
        start = new int[customers + 1];
        for (int i = 0; i < size; i++) {
            start[owner[i] + 1]++;
        }
        for (int k = 0; k < customers; k++) {
            start[k + 1] += start[k];
        }
        int[] next = Arrays.copyOf(start, customers);
        order = new int[size];
        for (int i = 0; i < size; i++) {
            order[next[owner[i]]++] = i;
        }
        owner = null;
    }

    /**
     * Order a before order b in time as {@link AggregateRepository#rows} orders them: {@code OffsetDateTime}'s own order
     * (the instant, then the local time: at one instant the larger offset is later), then the id.
     */
    int compareTime(int a, int b) {
        int c = Long.compare(second[a], second[b]);
        if (c == 0) {
            c = Integer.compare(nano[a], nano[b]);
        }
        if (c == 0) {
            c = Integer.compare(offset[a], offset[b]);
        }
        return c != 0 ? c : Long.compare(id[a], id[b]);
    }

    /** The anonymous bucket (customer 0): its days added up as the orders of no live customer are read. */
    static final class Anonymous {
        /** (day, platform, currency) → orders, bought, revenue orders, cents. */
        final Map<Key, long[]> days = new HashMap<>();

        record Key(int day, String platform, String currency) {
        }

        void add(int day, String platform, String currency, int flags, long cents) {
            long[] d = days.computeIfAbsent(new Key(day, platform, currency), x -> new long[4]);
            d[0]++;
            if ((flags & BOUGHT) != 0) {
                d[1]++;
            }
            if ((flags & REVENUE) != 0) {
                d[2]++;
                d[3] += cents;
            }
        }
    }
}
