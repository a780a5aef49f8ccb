package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;

import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Reads what the search index needs: two streamed queries in id order, merged as they go. */
final class CustomerSearchRepository {

    private static final int FETCH_SIZE = 5_000;

    private final DSLContext dsl;

    CustomerSearchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    static Condition live() {
        return CUSTOMER.MERGED_INTO_ID.isNull().and(CUSTOMER.ERASED_AT.isNull());
    }

    /** How many customers there are, live or not (a progress total: H2 answers it without a scan). */
    int countAll() {
        return dsl.fetchCount(CUSTOMER);
    }

    /**
     * Reads every live customer with its searchable channels. Two plain
     * table scans run side by side (customers by id on a helper thread, channels in table order here): asking H2 to
     * order 500k+ channels by customer, or to filter by kind or liveness, makes it walk an index row by row, which
     * costs seconds. Channels are grouped in memory by a primitive sort, then merged with the customers. Rows are
     * read as JDBC rows from jOOQ-rendered queries (no jOOQ record per row: this is the build's critical path).
     */
    Loaded read(Progress progress, Cancellation cancellation) {
        // the two scans run side by side: customers on a helper thread, channels here
        Customers[] customersRead = new Customers[1];
        RuntimeException[] failed = new RuntimeException[1];
        java.util.function.Supplier<Customers> customers = com.fankeep.core.shared.Stoppable.carried(this::readCustomers);
        Thread reader = Thread.ofPlatform().name("search-index-customers").start(() -> {
            try {
                customersRead[0] = customers.get();
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        });
        Channels ch = readChannels();
        progress.update(0, -1, "search index: " + ch.size + " channels read");
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading customers", e);
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        cancellation.check();
        return new Loaded(customersRead[0], ch);
    }

    /** Streams every live customer with its searchable channels to {@code sink}, in ascending id order. */
    void streamEntries(Consumer<CustomerEntry> sink, Progress progress, Cancellation cancellation) {
        Loaded loaded = read(progress, cancellation);
        loaded.forEach(0, loaded.size(), sink, cancellation);
    }

    /** What {@link #read} read: live customers in id order, channels grouped by customer, merged as they are asked for. */
    static final class Loaded {
        private final Customers cs;
        private final Channels ch;

        private Loaded(Customers cs, Channels ch) {
            this.cs = cs;
            this.ch = ch;
        }

        int size() {
            return cs.size;
        }

        /** Customers {@code from} (inclusive) to {@code to} (exclusive) in id order; ranges may be walked on several threads. */
        void forEach(int from, int to, Consumer<CustomerEntry> sink, Cancellation cancellation) {
            int next = from < cs.size ? firstChannelOf(cs.ids[from]) : ch.size;
            List<String> nicknames = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            List<String> handles = new ArrayList<>();
            for (int c = from; c < to; c++) {
                long id = cs.ids[c];
                nicknames.clear();
                phones.clear();
                handles.clear();
                while (next < ch.size && ch.customer(next) < id) {
                    next++;
                }
                for (; next < ch.size && ch.customer(next) == id; next++) {
                    int i = ch.order[next];
                    switch (ch.kinds[i]) {
                        case PHONE -> phones.add(ch.values[i]);
                        case NICKNAME -> nicknames.add(ch.values[i]);
                        default -> handles.add(ch.values[i]);
                    }
                }
                sink.accept(new CustomerEntry(id, cs.names[c], nicknames, phones, handles));
                if ((c & 0x3FF) == 0x3FF) {
                    cancellation.check();
                }
            }
        }

        /** The first rank in channel order whose customer id is at least {@code id}. */
        private int firstChannelOf(long id) {
            int lo = 0;
            int hi = ch.size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ch.customer(mid) < id) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** Live customers in id order. */
    private static final class Customers {
        long[] ids = new long[1 << 14];
        String[] names = new String[1 << 14];
        int size;

        void add(long id, String name) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                names = Arrays.copyOf(names, size * 2);
            }
            ids[size] = id;
            names[size] = name;
            size++;
        }
    }

    private Customers readCustomers() {
        return lazily(CustomerSearchRepository::readCustomers);
    }

    private static Customers readCustomers(DSLContext q) {
        Customers cs = new Customers();
        // live() is tested here, not in SQL: H2 would serve "merged_into_id is null" from its index, row by row
        try (ResultSet rs = q.select(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.MERGED_INTO_ID, CUSTOMER.ERASED_AT)
                .from(CUSTOMER)
                .orderBy(CUSTOMER.ID)
                .fetchSize(FETCH_SIZE)
                .fetchResultSet()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String name = rs.getString(2);
                rs.getLong(3);
                if (rs.wasNull() && rs.getObject(4) == null) {
                    cs.add(id, name);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot read customers for the search index: " + e.getMessage(), e);
        }
        return cs;
    }

    /**
     * Runs a streamed read on one connection with H2's lazy query execution: without it H2 first copies the whole
     * result (300,000 customers, 600,000 channels) into a temporary store on disk, which was most of the build's time.
     */
    private <T> T lazily(java.util.function.Function<DSLContext, T> read) {
        boolean h2 = dsl.dialect().family() == org.jooq.SQLDialect.H2;
        return dsl.connectionResult(c -> {
            if (h2) {
                try (var st = c.createStatement()) {
                    st.execute("set lazy_query_execution true");
                }
            }
            try {
                return read.apply(org.jooq.impl.DSL.using(c, dsl.dialect(), dsl.settings()));
            } finally {
                if (h2) {
                    try (var st = c.createStatement()) {
                        st.execute("set lazy_query_execution false"); // the connection goes back to the pool
                    }
                }
            }
        });
    }

    private static final byte PHONE = 0;
    private static final byte NICKNAME = 1;
    private static final byte HANDLE = 2;

    /** Searchable channels in table order, with {@code order} listing them by customer id. */
    private static final class Channels {
        long[] customers = new long[1 << 14];
        byte[] kinds = new byte[1 << 14];
        String[] values = new String[1 << 14];
        int[] order;
        int size;

        void add(long customer, byte kind, String value) {
            if (size == customers.length) {
                customers = Arrays.copyOf(customers, size * 2);
                kinds = Arrays.copyOf(kinds, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            customers[size] = customer;
            kinds[size] = kind;
            values[size] = value;
            size++;
        }

        long customer(int rank) {
            return customers[order[rank]];
        }

        void sort() {
            order = new int[size];
            boolean sorted = true;
            long max = 0;
            for (int i = 0; i < size; i++) {
                order[i] = i;
                sorted &= i == 0 || customers[i - 1] <= customers[i];
                max = Math.max(max, customers[i]);
            }
            if (sorted) {
                return;
            }
            if (max < (1L << 39) && size < (1 << 24)) {
                long[] packed = new long[size];
                for (int i = 0; i < size; i++) {
                    packed[i] = customers[i] << 24 | i;
                }
                Arrays.sort(packed);
                for (int i = 0; i < size; i++) {
                    order[i] = (int) (packed[i] & 0xFFFFFF);
                }
            } else {
                Integer[] boxed = new Integer[size];
                for (int i = 0; i < size; i++) {
                    boxed[i] = i;
                }
                Arrays.sort(boxed, (a, b) -> Long.compare(customers[a], customers[b]));
                for (int i = 0; i < size; i++) {
                    order[i] = boxed[i];
                }
            }
        }
    }

    private Channels readChannels() {
        return lazily(CustomerSearchRepository::readChannels);
    }

    private static Channels readChannels(DSLContext q) {
        Channels ch = new Channels();
        try (ResultSet rs = q
                .select(CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE,
                        CONTACT_CHANNEL.NORMALIZED_VALUE)
                .from(CONTACT_CHANNEL) // no filter on kind: H2 would read through the (kind, value) index
                .fetchSize(FETCH_SIZE)
                .fetchResultSet()) {
            while (rs.next()) {
                String kind = rs.getString(2);
                String raw = rs.getString(3);
                String normalized = rs.getString(4);
                switch (kind) {
                    // masked phones have no normalized value and keep their raw form (138****8012)
                    case "phone" -> ch.add(rs.getLong(1), PHONE, normalized != null ? normalized : raw);
                    case "nickname" -> ch.add(rs.getLong(1), NICKNAME, raw);
                    case "wechat", "qq", "weibo", "douyin", "email" ->
                            ch.add(rs.getLong(1), HANDLE, normalized != null ? normalized : raw);
                    default -> { } // addresses and other notes are not search keys
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot read channels for the search index: " + e.getMessage(), e);
        }
        ch.sort();
        return ch;
    }

    /** One live customer, or null when it is merged away, erased or gone. */
    CustomerEntry load(long id) {
        List<CustomerEntry> out = new ArrayList<>(1);
        var name = dsl.select(CUSTOMER.NAME).from(CUSTOMER).where(CUSTOMER.ID.eq(id)).and(live()).fetchOptional();
        if (name.isEmpty()) {
            return null;
        }
        List<String> nicknames = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> handles = new ArrayList<>();
        for (var ch : dsl.select(CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE, CONTACT_CHANNEL.NORMALIZED_VALUE)
                .from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.eq(id)).orderBy(CONTACT_CHANNEL.ID).fetch()) {
            String v = ch.value3() != null ? ch.value3() : ch.value2();
            switch (ch.value1()) {
                case "phone" -> phones.add(v);
                case "nickname" -> nicknames.add(ch.value2());
                case "wechat", "qq", "weibo", "douyin", "email" -> handles.add(v);
                default -> { }
            }
        }
        out.add(new CustomerEntry(id, name.get().value1(), nicknames, phones, handles));
        return out.getFirst();
    }

    /** The live ones among {@code ids}, with their channels (two queries). */
    List<CustomerEntry> loadAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        dsl.select(CUSTOMER.ID, CUSTOMER.NAME).from(CUSTOMER).where(CUSTOMER.ID.in(ids)).and(live()).orderBy(CUSTOMER.ID)
                .fetch().forEach(r -> names.put(r.value1(), r.value2()));
        java.util.Map<Long, List<String>[]> channels = new java.util.HashMap<>();
        if (!names.isEmpty()) {
            for (var ch : dsl.select(CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE,
                            CONTACT_CHANNEL.NORMALIZED_VALUE)
                    .from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.in(names.keySet())).orderBy(CONTACT_CHANNEL.ID).fetch()) {
                @SuppressWarnings("unchecked")
                List<String>[] lists = channels.computeIfAbsent(ch.value1(),
                        k -> new List[] {new ArrayList<String>(), new ArrayList<String>(), new ArrayList<String>()});
                String v = ch.value4() != null ? ch.value4() : ch.value3();
                switch (ch.value2()) {
                    case "phone" -> lists[0].add(v);
                    case "nickname" -> lists[1].add(ch.value3());
                    case "wechat", "qq", "weibo", "douyin", "email" -> lists[2].add(v);
                    default -> { }
                }
            }
        }
        List<CustomerEntry> out = new ArrayList<>(names.size());
        names.forEach((id, name) -> {
            List<String>[] l = channels.get(id);
            out.add(l == null ? new CustomerEntry(id, name, List.of(), List.of(), List.of())
                    : new CustomerEntry(id, name, l[1], l[0], l[2]));
        });
        return out;
    }

    /**
     * Live customers who placed an order whose number is one of {@code numbers} (exact) or, when {@code prefixes} is
     * not empty, starts with one of them; at most {@code limit}, exact matches first. Both walk the unique
     * (order number, platform) index. Orders belong to the survivor after a merge, so this is never out of date.
     */
    long[] customersByOrderNumber(java.util.Set<String> numbers, java.util.Set<String> prefixes, int limit) {
        java.util.LinkedHashSet<Long> out = new java.util.LinkedHashSet<>();
        Condition liveBuyer = CustomerListRepository.live();
        dsl.select(SHOP_ORDER.CUSTOMER_ID).from(SHOP_ORDER).join(CUSTOMER).on(CUSTOMER.ID.eq(SHOP_ORDER.CUSTOMER_ID))
                .where(SHOP_ORDER.EXTERNAL_ORDER_ID.in(numbers)).and(liveBuyer)
                .orderBy(SHOP_ORDER.EXTERNAL_ORDER_ID, SHOP_ORDER.PLATFORM).limit(limit)
                .fetch().forEach(r -> out.add(r.value1()));
        for (String prefix : prefixes) {
            if (out.size() >= limit) {
                break;
            }
            // a range, not LIKE: no escaping of % and _, and H2 walks the index from the prefix
            dsl.select(SHOP_ORDER.CUSTOMER_ID).from(SHOP_ORDER).join(CUSTOMER).on(CUSTOMER.ID.eq(SHOP_ORDER.CUSTOMER_ID))
                    .where(SHOP_ORDER.EXTERNAL_ORDER_ID.ge(prefix)).and(SHOP_ORDER.EXTERNAL_ORDER_ID.lt(prefix + '\uffff'))
                    .and(liveBuyer)
                    .orderBy(SHOP_ORDER.EXTERNAL_ORDER_ID, SHOP_ORDER.PLATFORM).limit(limit)
                    .fetch().forEach(r -> out.add(r.value1()));
        }
        return out.stream().mapToLong(Long::longValue).limit(limit).toArray();
    }

    /** Customers an import's batches created, matched or added channels to. */
    List<Long> customersOfBatches(java.util.Collection<Long> batchIds) {
        return dsl.select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.CREATED_BATCH_ID.in(batchIds))
                .union(dsl.select(CONTACT_CHANNEL.CUSTOMER_ID).from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.IMPORT_BATCH_ID.in(batchIds)))
                .union(dsl.select(com.fankeep.core.db.jooq.Tables.CUSTOMER_MATCH.CUSTOMER_ID).from(com.fankeep.core.db.jooq.Tables.CUSTOMER_MATCH)
                        .where(com.fankeep.core.db.jooq.Tables.CUSTOMER_MATCH.IMPORT_BATCH_ID.in(batchIds)))
                .fetch().getValues(0, Long.class);
    }
}
