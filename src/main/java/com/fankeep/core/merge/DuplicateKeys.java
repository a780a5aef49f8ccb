package com.fankeep.core.merge;

import com.fankeep.core.shared.Cancellation;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The duplicates scan's blocking keys, stored per customer as 64-bit hashes of "group, key" (ADR 0044), so that the
 * scan after an import looks up who else holds its customers' keys through an index instead of reading the tables.
 *
 * <p>The keys are worked out by the scanner's own code from a customer's rows (name, city, note, channels, the
 * receivers of their orders), so they are the keys a full scan would group them by. Writers do not compute them: every
 * writer of those rows marks the customers it changed ({@link com.fankeep.core.db.DuplicateKeyMarks}) in its own
 * transaction, and the next scan stores their keys anew before it looks anything up. `db check` compares every stored
 * key with the rows and repairs what differs.
 */
public final class DuplicateKeys {

    private static final int CHUNK = 1000;

    private DuplicateKeys() {
    }

    /** FNV-1a over the UTF-16 text, then a 64-bit finalizer; a collision can only add a candidate, see ADR 0044. */
    static long hash(String tag, String key) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, tag);
        h = (h ^ 0x1F) * 0x100000001b3L;
        h = mix(h, key);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            h = (h ^ (ch & 0xff)) * 0x100000001b3L;
            h = (h ^ (ch >>> 8)) * 0x100000001b3L;
        }
        return h;
    }

    /**
     * An id or hash list as SQL constants (Longs only, so nothing can be injected): with 1,000 bound parameters H2 2.4
     * tested the list value by value (a look-up of 24,000 keys took 8.4 s, as constants 0.6 s).
     */
    static String constants(List<Long> values) {
        return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    /** Customers marked since their keys were last stored. */
    static Set<Long> marked(Connection c) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select distinct customer_id from duplicate_key_mark");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** Stores these customers' keys as their rows give them now, and clears their marks. */
    static void refresh(Connection c, Collection<Long> ids, Cancellation cancellation) throws SQLException {
        if (!ids.isEmpty()) {
            store(c, new DuplicateScanner(c, cancellation).keysOf(ids), ids);
        }
    }

    /**
     * Makes the stored keys of {@code ids} theirs in {@code keys} (none when absent) and clears their marks. Only the
     * keys that differ are deleted or inserted: every entry of the hash index written is a page rewritten at commit.
     */
    static void store(Connection c, Map<Long, long[]> keys, Collection<Long> ids) throws SQLException {
        List<Long> list = List.copyOf(new TreeSet<>(ids));
        for (int from = 0; from < list.size(); from += CHUNK) {
            List<Long> part = list.subList(from, Math.min(list.size(), from + CHUNK));
            String in = constants(part);
            Map<Long, Set<Long>> stored = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select customer_id, key_hash from duplicate_key where customer_id in " + in)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement del = c.prepareStatement("delete from duplicate_key where customer_id = ? and key_hash = ?");
                 PreparedStatement ins = c.prepareStatement("insert into duplicate_key (customer_id, key_hash) values (?, ?)")) {
                for (long id : part) {
                    Set<Long> old = stored.getOrDefault(id, Set.of());
                    Set<Long> now = new HashSet<>();
                    for (long h : distinct(keys.get(id))) {
                        now.add(h);
                        if (!old.contains(h)) {
                            ins.setLong(1, id);
                            ins.setLong(2, h);
                            ins.addBatch();
                        }
                    }
                    for (long h : old) {
                        if (!now.contains(h)) {
                            del.setLong(1, id);
                            del.setLong(2, h);
                            del.addBatch();
                        }
                    }
                }
                del.executeBatch();
                ins.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from duplicate_key_mark where customer_id in " + in)) {
                ps.executeUpdate();
            }
        }
    }

    /** The hashes a sink array holds (count first), sorted, without repeats. */
    static long[] distinct(long[] counted) {
        if (counted == null) {
            return new long[0];
        }
        // sorted in place, repeats dropped: LongStream.distinct boxed every key into a HashSet (2.4 million at 1M rows)
        long[] a = Arrays.copyOfRange(counted, 1, (int) counted[0] + 1);
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (n == 0 || a[i] != a[n - 1]) {
                a[n++] = a[i];
            }
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }

    /** Up to {@code limit} customers per hash asked (more than MAX_GROUP tells a key that is no evidence). */
    static Map<Long, List<Long>> holders(Connection c, Collection<Long> hashes, int limit) throws SQLException {
        Map<Long, List<Long>> out = new HashMap<>();
        // in hash order: each chunk then reads one stretch of the index instead of pages all over it
        List<Long> list = new ArrayList<>(new TreeSet<>(hashes));
        for (int from = 0; from < list.size(); from += CHUNK) {
            List<Long> part = list.subList(from, Math.min(list.size(), from + CHUNK));
            String in = constants(part);
            try (PreparedStatement ps = c.prepareStatement("select key_hash, customer_id from duplicate_key where key_hash in " + in)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<Long> who = out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2));
                        if (who.size() < limit) {
                            who.add(rs.getLong(2));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Every customer's keys from the tables, replacing whatever was stored (the upgrade that adds them: V0196). */
    public static void rebuild(Connection c) throws SQLException {
        rebuild(c, (done, total) -> { });
    }

    /** How far a rebuild is, in parts of {@link #REBUILD_PARTS}; it may throw to stop it. */
    @FunctionalInterface
    public interface Progress {
        void at(long done, long total);
    }

    /**
     * A rebuild's progress scale, by the time each part took on the 1M shop: reading the tables the first 40%, storing
     * the keys up to 70%; the rest is V0196's index and commit, which report nothing while they run.
     */
    public static final long REBUILD_PARTS = 1000;
    private static final long READ_PARTS = 400;
    public static final long STORED_PARTS = 700;
    /** Keys per insert statement: one statement of many rows costs H2 far less per row than a batch of one-row ones. */
    private static final int ROWS_PER_INSERT = 500;

    /** As {@link #rebuild(Connection)}, telling {@code progress} how far it is (it may throw to stop the rebuild). */
    public static void rebuild(Connection c, Progress progress) throws SQLException {
        long rows = count(c, "customer") + count(c, "contact_channel") + count(c, "shop_order");
        Map<Long, long[]> keys = new DuplicateScanner(c, Cancellation.none())
                .onRows(n -> progress.at(Math.min(READ_PARTS, n * READ_PARTS / Math.max(1, rows)), REBUILD_PARTS))
                .keysOfAll();
        try (var st = c.createStatement()) {
            st.executeUpdate("delete from duplicate_key");
            st.executeUpdate("delete from duplicate_key_mark");
        }
        long[] ids = keys.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] row = new long[ROWS_PER_INSERT * 2];
        int n = 0;
        int nextReport = 0;
        try (PreparedStatement full = c.prepareStatement(insertOf(ROWS_PER_INSERT))) {
            for (int i = 0; i < ids.length; i++) {
                for (long h : distinct(keys.get(ids[i]))) {
                    row[2 * n] = ids[i];
                    row[2 * n + 1] = h;
                    if (++n == ROWS_PER_INSERT) {
                        insert(full, row, n);
                        n = 0;
                        if (i >= nextReport) {
                            progress.at(READ_PARTS + (STORED_PARTS - READ_PARTS) * i / ids.length, REBUILD_PARTS);
                            nextReport = i + ids.length / 200 + 1;
                        }
                    }
                }
            }
        }
        if (n > 0) {
            try (PreparedStatement rest = c.prepareStatement(insertOf(n))) {
                insert(rest, row, n);
            }
        }
    }

    /**
     * As {@link #store} for many customers at once (the bulk copy, where the key table's hash index is dropped): their
     * stored keys deleted, then all of theirs inserted in key order by statements of many rows, and every mark cleared
     * ({@code ids} are all the marked customers). The same rows as {@link #store} leaves (DuplicateKeysOnCopyTest).
     */
    static void storeAll(Connection c, Map<Long, long[]> keys, Set<Long> ids) throws SQLException {
        long[] list = ids.stream().mapToLong(Long::longValue).sorted().toArray();   // not a TreeSet of 300,000 boxes
        if (count(c, "duplicate_key") > 0) {
            for (int from = 0; from < list.length; from += CHUNK) {
                try (PreparedStatement ps = c.prepareStatement("delete from duplicate_key where customer_id in "
                        + constants(Arrays.stream(list, from, Math.min(list.length, from + CHUNK)).boxed().toList()))) {
                    ps.executeUpdate();
                }
            }
        }
        long[] row = new long[ROWS_PER_INSERT * 2];
        int n = 0;
        try (PreparedStatement full = c.prepareStatement(insertOf(ROWS_PER_INSERT))) {
            for (long id : list) {
                for (long h : distinct(keys.get(id))) {
                    row[2 * n] = id;
                    row[2 * n + 1] = h;
                    if (++n == ROWS_PER_INSERT) {
                        insert(full, row, n);
                        n = 0;
                    }
                }
            }
        }
        if (n > 0) {
            try (PreparedStatement rest = c.prepareStatement(insertOf(n))) {
                insert(rest, row, n);
            }
        }
        try (var st = c.createStatement()) {
            st.executeUpdate("delete from duplicate_key_mark");
        }
    }

    private static String insertOf(int rows) {
        return "insert into duplicate_key (customer_id, key_hash) values "
                + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?)"));
    }

    private static void insert(PreparedStatement ps, long[] row, int rows) throws SQLException {
        for (int k = 0; k < rows * 2; k++) {
            ps.setLong(k + 1, row[k]);
        }
        ps.executeUpdate();
    }

    private static long count(Connection c, String table) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The customers whose stored keys differ from what their rows give now, marked ones left out (their keys are
     * stored again by the next scan); with {@code repair}, their keys are stored anew (marked ones too).
     */
    static List<Long> check(Connection c, boolean repair, Cancellation cancellation) throws SQLException {
        Map<Long, long[]> keys = new DuplicateScanner(c, cancellation).keysOfAll();
        Set<Long> differ = new TreeSet<>();
        Set<Long> seen = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select customer_id, key_hash from duplicate_key order by customer_id, key_hash");
             ResultSet rs = ps.executeQuery()) {
            long current = -1;
            List<Long> stored = new ArrayList<>();
            while (true) {
                boolean more = rs.next();
                long id = more ? rs.getLong(1) : -2;
                if (id != current && current != -1) {
                    seen.add(current);
                    if (!Arrays.equals(stored.stream().mapToLong(Long::longValue).toArray(), distinct(keys.get(current)))) {
                        differ.add(current);
                    }
                    stored.clear();
                }
                if (!more) {
                    break;
                }
                current = id;
                stored.add(rs.getLong(2));
            }
        }
        keys.keySet().stream().filter(id -> !seen.contains(id) && distinct(keys.get(id)).length > 0).forEach(differ::add);
        Set<Long> marked = marked(c);
        if (repair) {
            Set<Long> all = new TreeSet<>(differ);
            all.addAll(marked);
            store(c, keys, all);
        }
        differ.removeAll(marked);
        return List.copyOf(differ);
    }
}
