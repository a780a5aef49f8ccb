package com.fankeep.core.customer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * In-memory search-as-you-type over all live customers (PERF-FLOORS §4: one concatenated string per key family,
 * {@code indexOf}, binary search on row offsets).
 *
 * <p>Each customer is one row of four texts: Latin name keys without digits (pinyin, initials, Latin names;
 * skipped by queries with digits), other Latin keys (nicknames, WeChat/QQ ids, e-mail), CJK keys (Chinese name and nicknames) and phone digits (national digits; the visible digit groups
 * of masked numbers, so {@code 138****8000} is found by {@code 8000} and {@code 138}, never by hidden digits). Keys are lower-cased and
 * each is preceded by a separator, so "key starts with the query" is one character look-behind.
 *
 * <p>Ranking: a customer with a key that starts with (or equals) the query comes before one that only contains it;
 * exact keys come first among the collected prefix hits; ties by id. A scan stops once it has {@code limit}
 * prefix hits, so an exact key of a customer with a higher id than {@code limit} prefix hits is not promoted.
 *
 * <p>Thread safety: the index is a volatile array of immutable segments (copy-on-write). Queries never lock.
 * {@link #put}, {@link #putAll} and {@link #remove} serialize on a writer lock, mark replaced rows dead (a copied
 * bit set) and append a new segment; small segments are merged into bigger ones geometrically.
 */
public final class CustomerSearchIndex {

    static final char SEP = '\u0001';
    private static final int MAX_SEGMENTS = 8;

    private volatile Segment[] segments;
    private final Object writeLock = new Object();

    private CustomerSearchIndex(Segment[] segments) {
        this.segments = segments;
    }

    public static CustomerSearchIndex empty() {
        return new CustomerSearchIndex(new Segment[0]);
    }

    /** An index of {@code entries} (any order; the last entry of a repeated id wins). */
    public static CustomerSearchIndex of(Collection<CustomerEntry> entries) {
        CustomerSearchIndex index = empty();
        index.putAll(entries);
        return index;
    }

    /** Builds an index from entries streamed in ascending id order (the database load). */
    public static Builder builder() {
        return new Builder();
    }

    /** Live customers in the index. */
    public int size() {
        int n = 0;
        for (Segment s : segments) {
            n += s.live();
        }
        return n;
    }

    public void put(CustomerEntry entry) {
        putAll(List.of(entry));
    }

    /** Adds or replaces customers; visible to the next query when this returns. */
    public void putAll(Collection<CustomerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<Long, CustomerEntry> byId = new HashMap<>();
        for (CustomerEntry e : entries) {
            byId.put(e.id(), e);
        }
        List<CustomerEntry> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparingLong(CustomerEntry::id));
        Builder b = new Builder();
        for (CustomerEntry e : sorted) {
            b.add(e);
        }
        Segment fresh = b.segment();
        synchronized (writeLock) {
            Segment[] next = kill(segments, sorted.stream().mapToLong(CustomerEntry::id).toArray());
            next = Arrays.copyOf(next, next.length + 1);
            next[next.length - 1] = fresh;
            segments = compact(next);
        }
    }

    /** Removes a customer (merged away, erased, undone import); a no-op for an unknown id. */
    public void remove(long id) {
        synchronized (writeLock) {
            segments = compact(kill(segments, new long[] {id}));
        }
    }

    /**
     * @return ids of the customers matching {@code query}, best first, at most {@code limit}; empty for a blank query
     */
    public long[] search(String query, int limit) {
        if (query == null || limit <= 0) {
            return new long[0];
        }
        String q = normalize(query);
        if (q.isEmpty()) {
            return new long[0];
        }
        Segment[] segs = segments;
        Hits hits = new Hits(limit);
        boolean ascii = isAscii(q);
        String digits = phoneDigits(q);
        boolean hasDigit = q.chars().anyMatch(c -> c >= '0' && c <= '9');
        for (Segment s : segs) {
            if (ascii) {
                if (!hasDigit) {
                    s.scan(s.names, q, hits); // name keys with digits live among the accounts
                }
                s.scan(s.latin, q, hits);
            } else {
                s.scan(s.cjk, q, hits);
            }
            if (digits != null) {
                s.scan(s.digits, digits, hits);
            }
        }
        return hits.best(limit);
    }

    static String normalize(String query) {
        StringBuilder sb = new StringBuilder(query.length());
        String lower = query.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c = (char) (c - 0xFEE0); // full-width ASCII, e.g. １３８
            }
            if (!Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The digits of a phone-like query ({@code 138-0013}, {@code +86 138}), or null below 3 digits. */
    static String phoneDigits(String q) {
        StringBuilder d = new StringBuilder(q.length());
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')' && c != '.') {
                return null;
            }
        }
        String s = d.toString();
        if (q.startsWith("+86") && s.length() > 2) {
            s = s.substring(2);
        }
        return s.length() >= 3 ? s : null;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Marks rows of {@code ids} dead, copying the bit sets of the segments touched. */
    private static Segment[] kill(Segment[] segs, long[] ids) {
        Segment[] next = segs.clone();
        for (int i = 0; i < next.length; i++) {
            long[] dead = null;
            Segment s = next[i];
            for (long id : ids) {
                int r = Arrays.binarySearch(s.ids, id);
                if (r >= 0 && !s.isDead(r)) {
                    if (dead == null) {
                        dead = s.dead == null ? new long[(s.ids.length + 63) >>> 6] : s.dead.clone();
                    }
                    dead[r >>> 6] |= 1L << r;
                }
            }
            if (dead != null) {
                next[i] = s.withDead(dead);
            }
        }
        return next;
    }

    /** Drops empty segments; merges the newest ones while they outgrow what they would merge into. */
    private static Segment[] compact(Segment[] segs) {
        List<Segment> list = new ArrayList<>();
        for (Segment s : segs) {
            if (s.live() > 0) {
                list.add(s);
            }
        }
        while (list.size() > 1) {
            int n = list.size();
            Segment last = list.get(n - 1);
            Segment prev = list.get(n - 2);
            // geometric: merge when the newest has grown to a quarter of the previous, or there are too many
            if (n > MAX_SEGMENTS || last.live() * 4 >= prev.live() || prev.deadCount() * 2 > prev.ids.length) {
                list.remove(n - 1);
                list.set(n - 2, Segment.merge(prev, last));
            } else {
                break;
            }
        }
        return list.toArray(Segment[]::new);
    }

    /** Collects rows of one query: prefix hits and substring hits, best kept per id. */
    static final class Hits {
        final int limit;
        final Map<Long, Integer> best = new HashMap<>();
        int prefixScanCount;
        int substringScanCount;

        Hits(int limit) {
            this.limit = limit;
        }

        void add(long id, int rank) {
            best.merge(id, rank, Math::min);
        }

        /**
         * The highest id that can still enter the result: once {@code limit} customers have a prefix hit, a later
         * scan (rows in id order) can stop at the limit-th smallest of their ids.
         */
        long bound() {
            long[] prefixIds = best.entrySet().stream().filter(e -> e.getValue() < 2).mapToLong(Map.Entry::getKey).toArray();
            if (prefixIds.length < limit) {
                return Long.MAX_VALUE;
            }
            Arrays.sort(prefixIds);
            return prefixIds[limit - 1];
        }

        long[] best(int limit) {
            return best.entrySet().stream()
                    .sorted(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .mapToLong(Map.Entry::getKey)
                    .toArray();
        }
    }

    /** One searchable text: rows concatenated, {@code starts[r]} .. {@code starts[r + 1]} is row r. */
    record Text(String s, int[] starts) {

        int rowOf(int pos) {
            int r = Arrays.binarySearch(starts, pos);
            if (r >= 0) {
                // empty rows share a start: the row is the last one starting here
                while (r + 1 < starts.length - 1 && starts[r + 1] == pos) {
                    r++;
                }
                return r;
            }
            return -r - 2;
        }
    }

    /** Immutable rows in ascending id order, plus a copy-on-write bit set of replaced or removed rows. */
    static final class Segment {
        final long[] ids;
        final Text names;
        final Text latin;
        final Text cjk;
        final Text digits;
        final long[] dead;
        private final int deadCount;

        Segment(long[] ids, Text names, Text latin, Text cjk, Text digits, long[] dead) {
            this.ids = ids;
            this.names = names;
            this.latin = latin;
            this.cjk = cjk;
            this.digits = digits;
            this.dead = dead;
            int d = 0;
            if (dead != null) {
                for (long w : dead) {
                    d += Long.bitCount(w);
                }
            }
            this.deadCount = d;
        }

        Segment withDead(long[] newDead) {
            return new Segment(ids, names, latin, cjk, digits, newDead);
        }

        boolean isDead(int row) {
            return dead != null && (dead[row >>> 6] & (1L << row)) != 0;
        }

        int deadCount() {
            return deadCount;
        }

        int live() {
            return ids.length - deadCount;
        }

        /**
         * Finds rows of {@code t} containing {@code q}: rank 0 = a key equals it, 1 = a key starts with it, 2 = a key
         * contains it. Stops after {@code limit} rank 0/1 rows; keeps at most 4 × limit rank-2 rows (rows are in id
         * order, so those are the lowest ids).
         */
        void scan(Text t, String q, Hits hits) {
            String s = t.s();
            int len = q.length();
            int prefixRows = 0;
            int substringRows = 0;
            int from = 0;
            long bound = hits.bound();
            while (prefixRows < hits.limit) {
                int p = s.indexOf(q, from);
                if (p < 0) {
                    break;
                }
                int r = t.rowOf(p);
                if (ids[r] > bound) {
                    break;
                }
                int rowEnd = t.starts()[r + 1];
                if (!isDead(r)) {
                    int rank = 2;
                    for (int at = p; at >= 0 && at + len <= rowEnd; at = s.indexOf(q, at + 1)) {
                        if (s.charAt(at - 1) == SEP) {
                            boolean exact = at + len == rowEnd || s.charAt(at + len) == SEP;
                            rank = Math.min(rank, exact ? 0 : 1);
                            if (exact) {
                                break;
                            }
                        }
                    }
                    if (rank < 2) {
                        prefixRows++;
                        hits.add(ids[r], rank);
                    } else if (substringRows < 4 * hits.limit) {
                        substringRows++;
                        hits.add(ids[r], rank);
                    }
                }
                from = rowEnd;
            }
        }

        static Segment merge(Segment a, Segment b) {
            Builder out = new Builder();
            int i = 0;
            int j = 0;
            while (i < a.ids.length || j < b.ids.length) {
                boolean takeA = j >= b.ids.length || (i < a.ids.length && a.ids[i] < b.ids[j]);
                if (takeA) {
                    if (!a.isDead(i)) {
                        out.copyRow(a, i);
                    }
                    i++;
                } else {
                    if (!b.isDead(j)) {
                        out.copyRow(b, j);
                    }
                    j++;
                }
            }
            return out.segment();
        }
    }

    /** Accumulates rows in ascending id order into the compact texts. */
    public static final class Builder {
        private long[] ids = new long[1024];
        private int n;
        private final TextBuilder names = new TextBuilder();
        private final TextBuilder latin = new TextBuilder();
        private final TextBuilder cjk = new TextBuilder();
        private final TextBuilder digits = new TextBuilder();
        private final List<String> seen = new ArrayList<>(8);

        Builder() {
        }

        /** Adds one customer; ids must ascend. */
        public Builder add(CustomerEntry e) {
            startRow(e.id());
            seen.clear();
            String[] pinyin = PinyinKeys.keys(e.name());
            key(pinyin[0], true);
            key(pinyin[1], true);
            key(e.name(), true);
            for (String nick : e.nicknames()) {
                key(nick, false);
            }
            for (String h : e.handles()) {
                key(h, false);
            }
            for (String phone : e.phones()) {
                phone(phone);
            }
            return this;
        }

        /** The index; the builder must not be used afterwards. */
        public CustomerSearchIndex build() {
            return new CustomerSearchIndex(new Segment[] {segment()});
        }

        /**
         * One index of builders filled side by side with consecutive id ranges (each builder's ids above the previous
         * one's): their rows are joined as they are, so the index is the one a single builder would have made.
         */
        public static CustomerSearchIndex join(List<Builder> parts) {
            Builder all = new Builder();
            int rows = 0;
            for (Builder b : parts) {
                rows += b.n;
            }
            all.ids = new long[Math.max(1, rows)];
            for (Builder b : parts) {
                if (b.n > 0 && all.n > 0 && b.ids[0] <= all.ids[all.n - 1]) {
                    throw new IllegalArgumentException("parts must hold ascending id ranges");
                }
                System.arraycopy(b.ids, 0, all.ids, all.n, b.n);
                all.names.append(b.names, b.n);
                all.latin.append(b.latin, b.n);
                all.cjk.append(b.cjk, b.n);
                all.digits.append(b.digits, b.n);
                all.n += b.n;
            }
            return all.build();
        }

        private void startRow(long id) {
            if (n > 0 && id <= ids[n - 1]) {
                throw new IllegalArgumentException("ids must ascend: " + id + " after " + ids[n - 1]);
            }
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
            }
            ids[n++] = id;
            names.startRow();
            latin.startRow();
            cjk.startRow();
            digits.startRow();
        }

        /** A name key without digits goes to the names text (digit queries skip it); other ASCII keys to latin. */
        private void key(String raw, boolean name) {
            if (raw == null) {
                return;
            }
            String k = normalize(raw);
            if (k.isEmpty() || seen.contains(k)) {
                return;
            }
            seen.add(k);
            if (!isAscii(k)) {
                cjk.key(k);
            } else if (name && k.chars().noneMatch(c -> c >= '0' && c <= '9')) {
                names.key(k);
            } else {
                latin.key(k);
            }
        }

        /**
         * National digits of a phone as one key; in a masked one each run of mask characters becomes one {@code *}
         * ({@code 138****8012} → {@code 138*8012}), so its visible digits match and a query never spans the gap.
         */
        private void phone(String raw) {
            if (raw == null) {
                return;
            }
            String v = normalize(raw);
            if (v.startsWith("+86")) {
                v = v.substring(3);
            } else if (v.startsWith("0086")) {
                v = v.substring(4);
            }
            StringBuilder k = new StringBuilder(v.length());
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c >= '0' && c <= '9') {
                    k.append(c);
                } else if ((c == '*' || c == 'x') && (k.isEmpty() || k.charAt(k.length() - 1) != '*')) {
                    k.append('*');
                }
            }
            String key = k.toString();
            if (key.length() >= 2 && !seen.contains(key)) {
                seen.add(key);
                digits.key(key);
            }
        }

        void copyRow(Segment s, int r) {
            startRow(s.ids[r]);
            names.copy(s.names, r);
            latin.copy(s.latin, r);
            cjk.copy(s.cjk, r);
            digits.copy(s.digits, r);
        }

        Segment segment() {
            long[] exact = Arrays.copyOf(ids, n);
            return new Segment(exact, names.text(n), latin.text(n), cjk.text(n), digits.text(n), null);
        }
    }

    private static final class TextBuilder {
        private final StringBuilder sb = new StringBuilder(1 << 12);
        private int[] starts = new int[1024];
        private int rows;

        void startRow() {
            if (rows == starts.length) {
                starts = Arrays.copyOf(starts, rows * 2);
            }
            starts[rows++] = sb.length();
        }

        void key(String k) {
            sb.append(SEP).append(k);
        }

        /** Appends another builder's {@code rows} rows, their starts shifted by what is here already. */
        void append(TextBuilder other, int rows) {
            int shift = sb.length();
            if (this.rows + rows > starts.length) {
                starts = Arrays.copyOf(starts, Math.max(this.rows + rows, starts.length * 2));
            }
            for (int i = 0; i < rows; i++) {
                starts[this.rows++] = other.starts[i] + shift;
            }
            sb.append(other.sb);
        }

        void copy(Text t, int r) {
            sb.append(t.s(), t.starts()[r], t.starts()[r + 1]);
        }

        Text text(int n) {
            int[] out = Arrays.copyOf(starts, n + 1);
            out[n] = sb.length();
            return new Text(sb.toString(), out);
        }
    }

    // --- snapshot: the index as a file, so the next start has it at once (see CustomerSearchService)

    private static final int SNAPSHOT_MAGIC = 0x464B5349; // "FKSI"
    private static final int SNAPSHOT_VERSION = 1;

    /** Writes the live rows (all segments merged into one). */
    public void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        Segment[] segs = segments;
        Segment all = segs.length == 0 ? new Builder().segment() : segs[0];
        for (int i = 1; i < segs.length; i++) {
            all = Segment.merge(all, segs[i]);
        }
        if (all.deadCount() > 0) {
            all = Segment.merge(all, new Builder().segment());
        }
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeInt(SNAPSHOT_VERSION);
        out.writeInt(all.ids.length);
        for (long id : all.ids) {
            out.writeLong(id);
        }
        for (Text t : new Text[] {all.names, all.latin, all.cjk, all.digits}) {
            byte[] utf8 = t.s().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
            for (int start : t.starts()) {
                out.writeInt(start);
            }
        }
    }

    /** Reads what {@link #writeTo} wrote; throws for a file of another version or a damaged one. */
    public static CustomerSearchIndex readFrom(java.io.DataInputStream in) throws java.io.IOException {
        if (in.readInt() != SNAPSHOT_MAGIC || in.readInt() != SNAPSHOT_VERSION) {
            throw new java.io.IOException("not a search index snapshot of this version");
        }
        int n = in.readInt();
        if (n < 0) {
            throw new java.io.IOException("damaged search index snapshot");
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = in.readLong();
        }
        Text[] texts = new Text[4];
        for (int t = 0; t < 4; t++) {
            byte[] utf8 = new byte[in.readInt()];
            in.readFully(utf8);
            int[] starts = new int[n + 1];
            for (int i = 0; i <= n; i++) {
                starts[i] = in.readInt();
            }
            String text = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            if (starts[n] != text.length()) {
                throw new java.io.IOException("damaged search index snapshot");
            }
            texts[t] = new Text(text, starts);
        }
        Segment seg = new Segment(ids, texts[0], texts[1], texts[2], texts[3], null);
        return new CustomerSearchIndex(n == 0 ? new Segment[0] : new Segment[] {seg});
    }
}
