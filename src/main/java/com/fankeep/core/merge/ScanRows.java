package com.fankeep.core.merge;

import com.fankeep.core.shared.Cancellation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The duplicates scan's reads: customers, channels and orders, as three plain reads (no joins: with a join H2 2.4 may
 * walk an index on the channel's kind once per customer, which took minutes on 300,000 customers), whole or by customer
 * id, streamed to a handler or kept to be fed later in primary key order.
 */
final class ScanRows {

    static final String CUSTOMERS = "select id, name, city, note, (merged_into_id is null and erased_at is null) from customer";
    static final String CHANNELS = "select customer_id, kind, platform, raw_value, normalized_value, is_masked, merge_key, id "
            + "from contact_channel";
    static final String ORDERS = "select customer_id, receiver_name, receiver_province, receiver_city, receiver_district, "
            + "receiver_address, id from shop_order";

    /**
     * Every table whole, in primary key order: the order the groups fill in, which decides the evidence shown (the
     * scoped scan reads its candidates' rows in the same order). No condition: with one, H2 may walk another index.
     */
    static final String IN_KEY_ORDER = " order by id";

    /** One row of a read: a live result set, or values kept to be fed in another order. */
    interface Row {
        long getLong(int column);

        String getString(int column);

        boolean getBoolean(int column);
    }

    interface Handler {
        void row(Row r);
    }

    /** What the rows of the three tables are fed to, table by table. */
    interface Tables {
        void customer(Row r);

        void channel(Row r);

        void order(Row r);
    }

    /** Some customers' rows, per table, kept to be fed with other rows in primary key order. */
    record Kept(List<Row> customers, List<Row> channels, List<Row> orders) {
        static Kept none() {
            return new Kept(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void addAll(Kept other) {
            customers.addAll(other.customers);
            channels.addAll(other.channels);
            orders.addAll(other.orders);
        }

        /** Each table in primary key order, as a whole read gives it. */
        void feed(Tables to) {
            feed(customers, 1, to::customer);
            feed(channels, 8, to::channel);
            feed(orders, 7, to::order);
        }

        private static void feed(List<Row> rows, int idColumn, Handler handler) {
            rows.sort(Comparator.comparingLong(r -> r.getLong(idColumn)));
            rows.forEach(handler::row);
        }
    }

    private final Connection c;
    private final Cancellation cancellation;

    ScanRows(Connection c, Cancellation cancellation) {
        this.c = c;
        this.cancellation = cancellation;
    }

    /** The three tables whole, in primary key order. */
    void readAll(Tables to) throws SQLException {
        stream(CUSTOMERS + IN_KEY_ORDER, to::customer);
        stream(CHANNELS + IN_KEY_ORDER, to::channel);
        stream(ORDERS + IN_KEY_ORDER, to::order);
    }

    /** The three tables whole, in primary key order, only these customers' rows handed on. */
    void readAll(Tables to, Set<Long> only) throws SQLException {
        stream(CUSTOMERS + IN_KEY_ORDER, r -> {
            if (only.contains(r.getLong(1))) {
                to.customer(r);
            }
        });
        stream(CHANNELS + IN_KEY_ORDER, r -> {
            if (only.contains(r.getLong(1))) {
                to.channel(r);
            }
        });
        stream(ORDERS + IN_KEY_ORDER, r -> {
            if (only.contains(r.getLong(1))) {
                to.order(r);
            }
        });
    }

    /**
     * These customers' rows: their customers and channels chunk by chunk (ids in order; a customer's own rows in their
     * tables' order), then all their orders in id order.
     */
    void readByIds(Collection<Long> customers, Tables to) throws SQLException {
        List<Long> ids = List.copyOf(new TreeSet<>(customers));
        List<Long> orderIds = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            // by id alone: with the usual conditions beside the list, H2 2.4 walked another index (a table a chunk)
            String in = DuplicateKeys.constants(ids.subList(from, Math.min(ids.size(), from + 1000)));
            stream(CUSTOMERS + " where id in " + in, to::customer);
            stream(CHANNELS + " where customer_id in " + in, to::channel);
            stream("select id from shop_order where customer_id in " + in, r -> orderIds.add(r.getLong(1)));
        }
        // the orders' ids first, from the customer index alone, then their rows in id order: row by row through the
        // customer index, H2 2.4 read and decoded a page of the table for almost every order (a customer's orders lie
        // all over it; the 3,000 customers a 10k import touches in the 1M shop hold 82,814 orders)
        orderIds.sort(null);
        for (int from = 0; from < orderIds.size(); from += 1000) {
            stream(ORDERS + " where id in " + DuplicateKeys.constants(orderIds.subList(from, Math.min(orderIds.size(), from + 1000))), to::order);
        }
    }

    /** These customers' rows by id (customers, channels, orders), kept to be fed in primary key order. */
    Kept keep(Collection<Long> customers) throws SQLException {
        Kept kept = Kept.none();
        readByIds(customers, new Tables() {
            @Override
            public void customer(Row r) {
                kept.customers.add(Values.of(r, 5));
            }

            @Override
            public void channel(Row r) {
                kept.channels.add(Values.of(r, 8));
            }

            @Override
            public void order(Row r) {
                kept.orders.add(Values.of(r, 7));
            }
        });
        return kept;
    }

    /**
     * Runs {@code work} with H2 streaming its results: H2 first copies a whole result into a temporary store on disk
     * unless told to stream it (1,000,000 orders written out and read back were 40% of a scan; the same as
     * CustomerSearchRepository.lazily). Reset before the connection goes back to the pool.
     */
    <T> T lazily(Work<T> work) throws SQLException {
        boolean h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
        if (h2) {
            session("set lazy_query_execution true");
        }
        try {
            return work.run();
        } finally {
            if (h2) {
                session("set lazy_query_execution false");
            }
        }
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    long customerCount() throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from customer")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void session(String setting) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(setting);
        }
    }

    /** Told the rows read so far every 5,000 rows (the upgrade's progress, V0196). */
    private java.util.function.LongConsumer rowsRead = n -> { };
    private long rowCount;

    void onRows(java.util.function.LongConsumer rowsRead) {
        this.rowsRead = rowsRead;
    }

    /** Whole tables read for every customer's keys: the rows are fetched on a second thread while this one works out keys. */
    private boolean prefetch;
    private static final int BLOCK = 1000;
    private static final Object END = new Object();

    interface Reads {
        void run() throws SQLException;
    }

    /** Runs {@code reads} with its rows fetched on a second thread when {@code on} (ADR 0048). */
    void prefetching(boolean on, Reads reads) throws SQLException {
        prefetch = on;
        try {
            reads.run();
        } finally {
            prefetch = false;
        }
    }

    private void counted(int n) {
        if (n % 5000 == 0) {
            rowCount += 5000;
            rowsRead.accept(rowCount);
            cancellation.check();
        }
    }

    void stream(String sql, Handler handler) throws SQLException {
        if (prefetch) {
            streamPrefetched(sql, handler);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                Results row = new Results(rs);
                int n = 0;
                while (rs.next()) {
                    handler.row(row);
                    counted(++n);
                }
            } catch (Failed e) {
                throw (SQLException) e.getCause();
            }
        }
    }

    /**
     * As {@link #stream}, with the rows read by a second thread in blocks of values (H2 decoding them is about half the
     * work of a full read) while this thread feeds them to {@code handler} in the same order. The reader is never
     * interrupted (an interrupt inside H2's file I/O closes the database): it stops at its next row.
     */
    private void streamPrefetched(String sql, Handler handler) throws SQLException {
        java.util.concurrent.BlockingQueue<Object> blocks = new java.util.concurrent.ArrayBlockingQueue<>(16);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = Thread.ofPlatform().name("fankeep-keys-reader").daemon().start(() -> {
            Object last = END;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(BLOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    java.util.List<Object[]> block = new java.util.ArrayList<>(BLOCK);
                    while (!stop.get() && rs.next()) {
                        Object[] v = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            v[i] = rs.getObject(i + 1);
                        }
                        block.add(v);
                        if (block.size() == BLOCK) {
                            blocks.put(block);
                            block = new java.util.ArrayList<>(BLOCK);
                        }
                    }
                    blocks.put(block);
                }
            } catch (SQLException | RuntimeException | Error e) { // an Error too: the consumer must always get a last word
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                blocks.put(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        boolean done = false;
        try {
            int n = 0;
            while (true) {
                Object next = blocks.take();
                if (next == END) {
                    break;
                }
                if (next instanceof Throwable t) {
                    done = true; // the reader's last word: nothing more will come, so nothing to drain
                    throwAs(t);
                }
                @SuppressWarnings("unchecked")
                java.util.List<Object[]> block = (java.util.List<Object[]>) next;
                for (Object[] v : block) {
                    handler.row(new Values(v));
                    counted(++n);
                }
            }
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } finally {
            if (!done) {
                stop.set(true);
                drain(blocks);
            }
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void throwAs(Throwable t) throws SQLException {
        if (t instanceof SQLException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) t;
    }

    /** Takes the reader's blocks until its last word, so it never waits to put one. */
    private static void drain(java.util.concurrent.BlockingQueue<Object> blocks) {
        try {
            while (true) {
                Object next = blocks.take();
                if (next == END || next instanceof Throwable) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Values(Object[] v) implements Row {
        static Values of(Row r, int columns) {
            Object[] v = new Object[columns];
            Results rs = (Results) r;
            for (int i = 0; i < columns; i++) {
                v[i] = rs.object(i + 1);
            }
            return new Values(v);
        }

        @Override
        public long getLong(int column) {
            return v[column - 1] == null ? 0 : ((Number) v[column - 1]).longValue();
        }

        @Override
        public String getString(int column) {
            return (String) v[column - 1];
        }

        @Override
        public boolean getBoolean(int column) {
            return Boolean.TRUE.equals(v[column - 1]);
        }
    }

    private static final class Results implements Row {
        private final ResultSet rs;

        Results(ResultSet rs) {
            this.rs = rs;
        }

        Object object(int column) {
            try {
                return rs.getObject(column);
            } catch (SQLException e) {
                throw new Failed(e);
            }
        }

        @Override
        public long getLong(int column) {
            try {
                return rs.getLong(column);
            } catch (SQLException e) {
                throw new Failed(e);
            }
        }

        @Override
        public String getString(int column) {
            try {
                return rs.getString(column);
            } catch (SQLException e) {
                throw new Failed(e);
            }
        }

        @Override
        public boolean getBoolean(int column) {
            try {
                return rs.getBoolean(column);
            } catch (SQLException e) {
                throw new Failed(e);
            }
        }
    }

    /** A read error inside a row handler, handed back as the SQLException it was. */
    private static final class Failed extends RuntimeException {
        Failed(SQLException e) {
            super(e);
        }
    }
}
