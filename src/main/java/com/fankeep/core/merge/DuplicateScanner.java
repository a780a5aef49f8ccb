package com.fankeep.core.merge;

import com.fankeep.core.shared.Cancellation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "Find duplicates": pairs of live customers with the same real phone or e-mail, the same name at the same address
 * (contact addresses and order receivers), or nicknames that are the same once case, width and punctuation are
 * ignored; and weaker evidence (same name with the same city, street or a landline, one username on two platforms, a
 * nickname that is the other's name). Every reason is blocked by a key (never all pairs); a value shared by more than
 * {@link #MAX_GROUP} customers (a shop's own number, "test", 王伟 in 北京) is no evidence. With a scope (the customers an
 * import created or changed), only pairs with at least one of them are reported.
 *
 * <p>Three plain reads (customers, channels, orders), no joins: with a join H2 2.4 may walk an index on the channel's
 * kind once per customer, which took minutes on 300,000 customers. Liveness and names are looked up in memory.
 *
 * <p>With a scope, the scope's own rows are read first (by id, through the indexes) and only the keys they give are
 * kept while the whole tables are read (ADR 0040): every other customer holding one of those keys is still counted
 * (so a group's size, and the {@link #MAX_GROUP} rule, are as in a full scan), and no other key is built or held.
 */
final class DuplicateScanner {

    static final int MAX_GROUP = 5;

    /** A pair found, lower id first. */
    record Found(long a, long b, String reason, String evidence) {
    }

    private record Person(String name, String nameKey, String city) {
    }

    private final Connection c;
    private final Cancellation cancellation;
    private final Set<Long> scope;
    private final Map<Long, Person> live = new HashMap<>();

    private final Groups phones = new Groups("phone");
    private final Groups emails = new Groups("email");
    private final Groups nameAddress = new Groups("name_address");
    private final Groups nameCity = new Groups("name_city");
    private final Groups nicknames = new Groups("nickname");
    private final Groups names = new Groups("name");
    private final Groups nicknamesAsNames = new Groups("nickname_name");
    private final Groups landlines = new Groups("landline");
    private final Groups cardNumbers = new Groups("card");
    private final Groups nameStreet = new Groups("name_street");
    private final Map<String, Map<Long, String>> usernames = new HashMap<>();
    /** With a scope: the usernames its customers hold (null: no scope, or still collecting). */
    private Set<String> scopeUsers;
    private boolean collecting;
    /** Collecting only each customer's keys (nothing grouped): a refresh, a rebuild, a check. */
    private boolean keysOnly;
    private final List<Groups> all = List.of(phones, emails, nameAddress, nameCity, nicknames, names, nicknamesAsNames,
            landlines, cardNumbers, nameStreet);
    // orders repeat their city and address: each worked out once (1,000,000 orders, 300,000 customers)
    private final Map<String, String> cityKeys = new HashMap<>();
    private final Map<String, String[]> places = new HashMap<>();

    DuplicateScanner(Connection c, Cancellation cancellation) {
        this(c, cancellation, null);
    }

    /** @param scope only pairs with one of these customers; null: all pairs */
    DuplicateScanner(Connection c, Cancellation cancellation, Set<Long> scope) {
        this.c = c;
        this.cancellation = cancellation;
        this.scope = scope;
    }

    private boolean keysFirst;
    /** Told the rows read so far every 5,000 rows (the upgrade's progress, V0196). */
    private java.util.function.LongConsumer rowsRead = n -> { };
    private long rows;

    private boolean prefetchAllowed = true;

    /** Reads every row on this thread, as before ADR 0048 (the test that compares the two). */
    DuplicateScanner withoutPrefetch() {
        prefetchAllowed = false;
        return this;
    }

    /** Tells {@code rowsRead} the rows read so far, every 5,000 rows, at the cancellation checks. */
    DuplicateScanner onRows(java.util.function.LongConsumer rowsRead) {
        this.rowsRead = rowsRead;
        return this;
    }

    /** Reads the scope's keys first whatever its size (tests: their shops are small). */
    DuplicateScanner keysFirst() {
        keysFirst = true;
        return this;
    }

    List<Found> scan() throws SQLException {
        // H2 first copies a whole result into a temporary store on disk unless told to stream it: 1,000,000 orders
        // written out and read back were 40% of a scan (the same as CustomerSearchRepository.lazily)
        boolean h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
        if (h2) {
            session("set lazy_query_execution true");
        }
        try {
            Set<Long> marked = DuplicateKeys.marked(c);
            if (scope != null && (keysFirst || scope.size() * 10L < customerCount())) {
                marked.removeAll(scope);
                DuplicateKeys.refresh(c, marked, cancellation);
                collectScopeKeys();
                readCandidates(lookUpHolders());
            } else {
                // a scope of most of the shop (a first import): its rows by id would cost more than the tables; the
                // tables give every key, so the keys of customers marked since the last scan are stored on the way
                keys = new KeySink(marked);
                readCustomers(IN_KEY_ORDER);
                readChannels(IN_KEY_ORDER);
                readOrders(IN_KEY_ORDER);
                DuplicateKeys.store(c, keys.byCustomer, marked);
                keys = null;
            }
        } finally {
            if (h2) {
                session("set lazy_query_execution false");   // the connection goes back to the pool
            }
        }
        List<Found> found = new ArrayList<>();
        phones.pairs("same_phone", "phone ", found);
        emails.pairs("same_email", "email ", found);
        nameAddress.pairs("name_address", "", found);
        nameCity.pairs("name_city", "", found);
        nicknames.pairs("similar_nickname", "nickname ", found);
        names.pairsWith(nicknamesAsNames, "nickname_name", " / nickname ", found);
        landlines.pairsWith(cardNumbers, "name_landline", null, found);
        nameStreet.pairs("name_street", "", found);
        sameUsername(found);
        if (scope != null) {
            found.removeIf(f -> !scope.contains(f.a()) && !scope.contains(f.b()));
        }
        return found;
    }

    /**
     * Every table whole, in primary key order: the order the groups fill in, which decides the evidence shown (the
     * scoped scan reads its candidates' rows in the same order). No condition: with one, H2 may walk another index.
     */
    private static final String IN_KEY_ORDER = " order by id";

    /**
     * The blocking keys of these customers as their rows give them now (ADR 0044), read by id; customers that are not
     * live (merged away, erased, gone) have none.
     */
    Map<Long, long[]> keysOf(Collection<Long> ids) throws SQLException {
        keys = new KeySink(null);
        collecting = true;
        keysOnly = true;
        readByIds(List.copyOf(new java.util.TreeSet<>(ids)));
        collecting = false;
        keysOnly = false;
        Map<Long, long[]> out = keys.byCustomer;
        keys = null;
        all.forEach(g -> g.byKey.clear());
        usernames.clear();
        live.clear();
        return out;
    }

    /** The blocking keys of every customer, from the whole tables (a rebuild, a check). */
    Map<Long, long[]> keysOfAll() throws SQLException {
        keys = new KeySink(null);
        collecting = true;
        keysOnly = true;
        boolean h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
        if (h2) {
            session("set lazy_query_execution true");
        }
        prefetch = prefetchAllowed;
        try {
            readCustomers(IN_KEY_ORDER);
            readChannels(IN_KEY_ORDER);
            readOrders(IN_KEY_ORDER);
        } finally {
            prefetch = false;
            if (h2) {
                session("set lazy_query_execution false");
            }
        }
        collecting = false;
        keysOnly = false;
        Map<Long, long[]> out = keys.byCustomer;
        keys = null;
        all.forEach(g -> g.byKey.clear());
        usernames.clear();
        live.clear();
        return out;
    }

    private void readByIds(List<Long> ids) throws SQLException {
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            // by id alone: with the usual conditions beside the list, H2 2.4 walked another index (a table a chunk)
            String in = DuplicateKeys.constants(part);
            readCustomers(" where id in " + in);
            readChannels(" where customer_id in " + in);
            readOrders(" where customer_id in " + in);
        }
    }

    /**
     * The scope's rows first, through the indexes (ids in chunks): every key they give is a key to look up. Their keys
     * are stored on the way (ADR 0044). Nothing is grouped yet, so the evidence shown is the one a full scan shows.
     */
    private void collectScopeKeys() throws SQLException {
        collecting = true;
        scopeUsers = null;
        keys = new KeySink(null);
        Set<String> users = new java.util.HashSet<>();
        // kept: the candidates' read later needs them again, in order with the others' rows
        scopeRows = readRows(scope);
        feed(scopeRows.get(0), 1, this::customer);
        feed(scopeRows.get(1), 8, this::channel);
        feed(scopeRows.get(2), 7, this::order);
        DuplicateKeys.store(c, keys.byCustomer, scope);
        keys = null;
        usernames.keySet().forEach(users::add);
        usernames.clear();
        live.clear();
        // a pair across two groups (a name and a nickname, a landline and a card) keeps the keys of either side
        names.wantAlso(nicknamesAsNames);
        landlines.wantAlso(cardNumbers);
        all.forEach(Groups::collected);
        scopeUsers = users;
        collecting = false;
    }

    /**
     * Who else holds each of the scope's keys, from the stored keys (through their index): a key held by more than
     * {@link #MAX_GROUP} customers is no evidence and is dropped; the holders of the others are the candidates, so
     * every group the scan fills is whole.
     */
    private Set<Long> lookUpHolders() throws SQLException {
        Map<Long, String[]> asked = new HashMap<>();   // hash → group, key
        // a name pairs only with a nickname, a card number only with a landline: the rarer side is asked first, and
        // the common side (every customer has a name) only for the keys the rare side holds, 1 to MAX_GROUP times
        for (Groups g : all) {
            if (g != names && g != cardNumbers) {
                for (String k : g.wanted) {
                    asked.put(DuplicateKeys.hash(g.tag, k), new String[] {g.tag, k});
                }
            }
        }
        for (String u : scopeUsers) {
            asked.put(DuplicateKeys.hash(USER, u), new String[] {USER, u});
        }
        Map<Long, List<Long>> holders = DuplicateKeys.holders(c, asked.keySet(), MAX_GROUP + 1);
        Map<Long, String[]> then = new HashMap<>();
        for (Groups[] pair : new Groups[][] {{names, nicknamesAsNames}, {cardNumbers, landlines}}) {
            pair[0].wanted.removeIf(k -> {
                List<Long> rare = holders.get(DuplicateKeys.hash(pair[1].tag, k));
                if (rare == null || rare.size() > MAX_GROUP) {
                    return true;   // no pair can come of it
                }
                then.put(DuplicateKeys.hash(pair[0].tag, k), new String[] {pair[0].tag, k});
                return false;
            });
        }
        holders.putAll(DuplicateKeys.holders(c, then.keySet(), MAX_GROUP + 1));
        asked.putAll(then);
        Set<Long> candidates = new java.util.TreeSet<>(scope);
        Map<String, Groups> byTag = new HashMap<>();
        all.forEach(g -> byTag.put(g.tag, g));
        holders.forEach((hash, who) -> {
            String[] what = asked.get(hash);
            if (who.size() > MAX_GROUP) {
                if (what[0].equals(USER)) {
                    scopeUsers.remove(what[1]);
                } else {
                    byTag.get(what[0]).wanted.remove(what[1]);
                }
            } else {
                candidates.addAll(who);
            }
        });
        cancellation.check();
        return candidates;
    }

    /** The candidates' rows, each table in primary key order as a full scan reads it (the evidence depends on it). */
    private void readCandidates(Set<Long> candidates) throws SQLException {
        Set<Long> others = new java.util.TreeSet<>(candidates);
        others.removeAll(scope);
        List<List<Row>> rows = readRows(others);
        for (int t = 0; t < 3; t++) {
            rows.get(t).addAll(scopeRows.get(t));
        }
        scopeRows = null;
        feed(rows.get(0), 1, this::customer);
        feed(rows.get(1), 8, this::channel);
        feed(rows.get(2), 7, this::order);
    }

    /** The scope's rows (customers, channels, orders), read once. */
    private List<List<Row>> scopeRows;

    /** These customers' rows by id (customers, channels, orders), kept to be fed in primary key order. */
    private List<List<Row>> readRows(Set<Long> customers) throws SQLException {
        List<Long> ids = List.copyOf(new java.util.TreeSet<>(customers));
        List<List<Row>> rows = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            // by id alone (with other conditions beside the list H2 2.4 walked another index), as constants
            String in = DuplicateKeys.constants(part);
            stream(CUSTOMERS + " where id in " + in, r -> rows.get(0).add(Values.of(r, 5)));
            stream(CHANNELS + " where customer_id in " + in, r -> rows.get(1).add(Values.of(r, 8)));
            stream(ORDERS + " where customer_id in " + in, r -> rows.get(2).add(Values.of(r, 7)));
        }
        return rows;
    }

    private static void feed(List<Row> rows, int idColumn, RowHandler handler) {
        rows.sort(java.util.Comparator.comparingLong(r -> r.getLong(idColumn)));
        rows.forEach(handler::row);
    }

    private static final String CUSTOMERS = "select id, name, city, note, (merged_into_id is null and erased_at is null) from customer";
    private static final String CHANNELS = "select customer_id, kind, platform, raw_value, normalized_value, is_masked, merge_key, id "
            + "from contact_channel";
    private static final String ORDERS = "select customer_id, receiver_name, receiver_province, receiver_city, receiver_district, "
            + "receiver_address, id from shop_order";

    private void readCustomers(String where) throws SQLException {
        stream(CUSTOMERS + where, this::customer);
    }

    private void customer(Row rs) {
        {
            if (!rs.getBoolean(5)) {
                return;
            }
            long id = rs.getLong(1);
            String name = rs.getString(2);
            String key = nameKey(name);
            live.put(id, new Person(name, key, rs.getString(3)));
            if (key != null) {
                names.add(key, id, name);
                if (nameCity.wantsName(key)) {
                    String city = cityKeyOf(rs.getString(3));
                    if (city != null) {
                        nameCity.add(key + "|" + city, id, name + " · " + rs.getString(3));
                    }
                }
                // a landline written in the note of a contact card
                if (cardNumbers.wantsName(key)) {
                    for (String tail : PhoneTexts.tailsIn(rs.getString(4))) {
                        cardNumbers.add(key + "|" + tail, id, name);
                    }
                }
            }
        }
    }

    private static final Set<String> KINDS = Set.of("phone", "email", "address", "nickname", "other");

    private void readChannels(String where) throws SQLException {
        stream(CHANNELS + where, this::channel);
    }

    private void channel(Row rs) {
        {
                    long id = rs.getLong(1);
                    Person p = live.get(id);
                    String kind = rs.getString(2);
                    if (p == null || !KINDS.contains(kind)) {
                        return;
                    }
                    String platform = rs.getString(3);
                    String raw = rs.getString(4);
                    String normalized = rs.getString(5);
                    boolean masked = rs.getBoolean(6);
                    switch (kind) {
                        case "phone" -> phone(id, p, raw, normalized, masked, rs.getBoolean(7));
                        case "email" -> {
                            if (normalized != null) {
                                emails.add(normalized, id, normalized);
                            }
                        }
                        case "address" -> {
                            if (!masked && p.name() != null) {
                                if (nameAddress.wantsName(p.name())) {
                                    nameAddress.add(p.name() + "|" + squash(normalized), id, p.name() + " · " + raw);
                                }
                                if (p.nameKey() != null && nameStreet.wantsName(p.nameKey())) {
                                    street(id, p, StreetKey.of(p.city(), null, raw));
                                }
                            }
                        }
                        case "nickname" -> nickname(id, platform, raw, normalized, masked);
                        default -> cardNumber(id, p, masked ? null : raw);   // "other": card notes
                    }
        }
    }

    /** nameKey, worked out once per name (orders repeat their receiver's name). */
    private String nameKeyOf(String name) {
        if (name == null) {
            return null;
        }
        if (nameKeys.size() > 400_000) {
            nameKeys.clear();   // a bound on the memory, not on the result
        }
        String key = nameKeys.computeIfAbsent(name, n -> {
            String k = nameKey(n);
            return k == null ? NO_KEY : k;
        });
        return key == NO_KEY ? null : key;
    }

    private static final String NO_KEY = new String("");
    private final Map<String, String> nameKeys = new HashMap<>();

    private String cityKeyOf(String city) {
        return city == null ? null : cityKeys.computeIfAbsent(city, DuplicateScanner::cityKey);
    }

    private void phone(long id, Person p, String raw, String normalized, boolean masked, boolean key) {
        if (masked) {
            return;
        }
        if (normalized != null) {
            phones.add(normalized, id, normalized);
        }
        cardNumber(id, p, raw);
        String tail = key || p.nameKey() == null || !landlines.wantsName(p.nameKey()) ? null : PhoneTexts.landlineTail(raw);
        if (tail != null) {
            landlines.add(p.nameKey() + "|" + tail, id, "phone " + raw);
        }
    }

    private void cardNumber(long id, Person p, String text) {
        if (p.nameKey() != null && text != null && cardNumbers.wantsName(p.nameKey())) {
            for (String tail : PhoneTexts.tailsIn(text)) {
                cardNumbers.add(p.nameKey() + "|" + tail, id, p.name());
            }
        }
    }

    private void nickname(long id, String platform, String raw, String normalized, boolean masked) {
        if (normalized != null) {
            String key = nicknameKey(normalized);
            if (key.length() >= 3) {
                nicknames.add(key, id, (platform == null ? "" : platform + ":") + normalized);
            }
        }
        if (raw == null) {
            return;
        }
        String asName = nameKeyOf(raw);
        if (asName != null) {
            nicknamesAsNames.add(asName, id, raw);
        }
        // one username on two platforms, as the owner sees it (Etsy's username, not its numeric id)
        if (platform == null || masked) {
            return;
        }
        String user = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (keys != null && user.length() >= 3 && !user.contains("*")) {
            keys.record(id, USER, user);
        }
        if (keysOnly) {
            return;
        }
        if (user.length() >= 3 && !user.contains("*") && (scopeUsers == null || scopeUsers.contains(user))) {
            Map<Long, String> g = usernames.computeIfAbsent(user, k -> new LinkedHashMap<>(4));
            if (g.size() <= MAX_GROUP) {
                g.putIfAbsent(id, platform);
            }
        }
    }

    private void readOrders(String where) throws SQLException {
        stream(ORDERS + where, this::order);
    }

    private void order(Row rs) {
        {
                    long id = rs.getLong(1);
                    Person p = live.get(id);
                    if (p == null) {
                        return;
                    }
                    String receiver = rs.getString(2);
                    String city = rs.getString(4);
                    // same name, same city: the customer's name where their orders went
                    if (p.nameKey() != null && nameCity.wantsName(p.nameKey())) {
                        String cityKey = cityKeyOf(city);
                        if (cityKey != null) {
                            nameCity.add(p.nameKey() + "|" + cityKey, id, p.name() + " · " + city);
                        }
                    }
                    String address = rs.getString(6);
                    if (receiver == null || address == null || receiver.contains("*")) {
                        return;
                    }
                    String receiverKey = receiver.equals(p.name()) ? p.nameKey() : nameKeyOf(receiver);
                    boolean byAddress = nameAddress.wantsName(receiver);
                    boolean byStreet = receiverKey != null && nameStreet.wantsName(receiverKey);
                    if (!byAddress && !byStreet) {
                        return;
                    }
                    String district = rs.getString(5);
                    String province = rs.getString(3);
                    if (places.size() > 400_000) {
                        places.clear();   // a bound on the memory, not on the result
                    }
                    String[] place = places.computeIfAbsent(nz(province) + "|" + nz(city) + "|" + nz(district) + "|" + address, k -> {
                        String line = String.join(" ", nz(province), nz(city), nz(district), address).strip();
                        return new String[] {line, line.contains("*") ? null : squash(line), StreetKey.of(city, district, address)};
                    });
                    if (place[1] != null && byAddress) {
                        nameAddress.add(receiver + "|" + place[1], id, receiver + " · " + place[0]);
                    }
                    if (byStreet && place[2] != null) {
                        nameStreet.add(receiverKey + "|" + place[2], id, receiver + " · " + StreetKey.shown(place[2]));
                    }
        }
    }

    private void street(long id, Person p, String street) {
        if (p.nameKey() != null && street != null) {
            nameStreet.add(p.nameKey() + "|" + street, id, p.name() + " · " + StreetKey.shown(street));
        }
    }

    /** One username on two different platforms: emilycarterart on Etsy and on Shopify (on one platform it is one account). */
    private void sameUsername(List<Found> found) {
        usernames.forEach((user, g) -> {
            if (g.size() < 2 || g.size() > MAX_GROUP) {
                return;
            }
            List<Map.Entry<Long, String>> members = new ArrayList<>(g.entrySet());
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    var x = members.get(i);
                    var y = members.get(j);
                    if (!x.getValue().equals(y.getValue())) {
                        found.add(new Found(Math.min(x.getKey(), y.getKey()), Math.max(x.getKey(), y.getKey()), "same_username",
                                "nickname " + user + " (" + x.getValue() + ", " + y.getValue() + ")"));
                    }
                }
            }
        });
    }

    /** 张伟 stays 张伟 (two characters at least); "Émily  CARTER" → "emily carter" (two words at least); else null. */
    static String nameKey(String name) {
        if (name == null || name.contains("*")) {
            return null;
        }
        String fast = plainNameKey(name);
        if (fast != null) {
            return fast.isEmpty() ? null : fast;
        }
        return generalNameKey(name);
    }

    /** The rule itself, for any name ({@link #nameKey} takes a shortcut for the common ones). */
    static String generalNameKey(String name) {
        if (name == null || name.contains("*")) {
            return null;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        boolean han = n.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        if (han) {
            n = n.replace(" ", "");
            return n.codePointCount(0, n.length()) >= 2 ? n : null;
        }
        return n.split(" ").length >= 2 ? n : null;
    }

    /**
     * {@link #nameKey} without Unicode normalization or regular expressions for the two common forms, a name of common
     * Han characters only and a name of ASCII only (300,000 of them in a full scan); "" for no key, null for any other
     * name (the general rule then decides).
     */
    private static String plainNameKey(String name) {
        int n = name.length();
        boolean han = n > 0;
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char ch = name.charAt(i);
            han &= ch >= '\u4e00' && ch <= '\u9fff';
            ascii &= ch < 0x80;
        }
        if (han) {
            return n >= 2 ? name : "";
        }
        if (!ascii) {
            return null;
        }
        StringBuilder b = new StringBuilder(n);
        int words = 0;
        boolean gap = true;
        for (int i = 0; i < n; i++) {
            char ch = name.charAt(i);
            boolean alnum = ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'Z';
            if (alnum) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                if (gap) {
                    words++;
                }
                b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
            }
            gap = !alnum;
        }
        return words >= 2 ? b.toString() : "";
    }

    /** 上海市 and 上海 are one city; case and accents do not matter. */
    static String cityKey(String city) {
        if (city == null || city.contains("*")) {
            return null;
        }
        String c = Normalizer.normalize(city, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[\\s,.-]", "");
        if (c.endsWith("市") && c.length() > 2) {
            c = c.substring(0, c.length() - 1);
        }
        return c.isEmpty() ? null : c;
    }

    /** Case, full-width forms, spaces and punctuation do not tell two nicknames apart. */
    static String nicknameKey(String nickname) {
        String n = Normalizer.normalize(nickname, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String squash(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s,，。.#号-]", "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private long customerCount() throws SQLException {
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

    private interface RowHandler {
        void row(Row r);
    }

    /** One row of a read: a live result set, or values kept to be fed in another order. */
    interface Row {
        long getLong(int column);

        String getString(int column);

        boolean getBoolean(int column);
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

    /** Whole tables read for every customer's keys: the rows are fetched on a second thread while this one works out keys. */
    private boolean prefetch;
    private static final int BLOCK = 1000;
    private static final Object END = new Object();

    private void stream(String sql, RowHandler handler) throws SQLException {
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
                    if (++n % 5000 == 0) {
                        rows += 5000;
                        rowsRead.accept(rows);
                        cancellation.check();
                    }
                }
            } catch (Failed e) {
                throw (SQLException) e.getCause();
            }
        }
    }

    /**
     * As {@link #stream}, with the rows read by a second thread in blocks of values (H2 decoding them is about half the
     * work of a full read) while this thread feeds them to {@code handler} in the same order.
     */
    private void streamPrefetched(String sql, RowHandler handler) throws SQLException {
        java.util.concurrent.BlockingQueue<Object> blocks = new java.util.concurrent.ArrayBlockingQueue<>(16);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = Thread.ofPlatform().name("fankeep-keys-reader").daemon().start(() -> {
            Object last = END;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(BLOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    List<Object[]> block = new ArrayList<>(BLOCK);
                    while (!stop.get() && rs.next()) {
                        Object[] v = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            v[i] = rs.getObject(i + 1);
                        }
                        block.add(v);
                        if (block.size() == BLOCK) {
                            blocks.put(block);
                            block = new ArrayList<>(BLOCK);
                        }
                    }
                    blocks.put(block);
                }
            } catch (SQLException | RuntimeException e) {
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
                if (next instanceof SQLException e) {
                    throw e;
                }
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                @SuppressWarnings("unchecked")
                List<Object[]> block = (List<Object[]>) next;
                for (Object[] v : block) {
                    handler.row(new Values(v));
                    if (++n % 5000 == 0) {
                        rows += 5000;
                        rowsRead.accept(rows);
                        cancellation.check();
                    }
                }
            }
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } finally {
            if (!done) {
                // never interrupted: an interrupt inside H2's file I/O closes the database; it stops at its next row
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

    /** Takes the reader's blocks until its last word, so it never waits to put one. */
    private static void drain(java.util.concurrent.BlockingQueue<Object> blocks) {
        try {
            while (true) {
                Object next = blocks.take();
                if (next == END || next instanceof Exception) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final String USER = "username";

    /** The keys each customer holds, as hashes (ADR 0044): of every customer, or of some. */
    private static final class KeySink {
        final Set<Long> of;
        final Map<Long, long[]> byCustomer = new HashMap<>();

        KeySink(Set<Long> of) {
            this.of = of;
        }

        void record(long customer, String tag, String key) {
            if (of != null && !of.contains(customer)) {
                return;
            }
            long h = DuplicateKeys.hash(tag, key);
            long[] a = byCustomer.get(customer);
            if (a == null) {
                a = new long[5];
                byCustomer.put(customer, a);
            } else if (a[0] + 1 == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
                byCustomer.put(customer, a);
            }
            a[(int) ++a[0]] = h;   // a[0] counts; the keys follow (repeats are dropped when stored)
        }
    }

    private KeySink keys;

    /**
     * Customers per key (at most MAX_GROUP + 1 kept: a bigger group is dropped) and the text each matched with. Most
     * keys have one customer: a single-entry map keeps that cheap on 300,000 customers.
     */
    private final class Groups {
        /** The group's name in its stored keys' hashes. */
        final String tag;
        private final Map<String, Map<Long, String>> byKey = new HashMap<>();
        /** With a scope: the keys its customers hold, and their name parts (before the first '|'); null: all. */
        Set<String> wanted;
        private Set<String> wantedNames;

        /** False when no key of this group that starts with this name can pair with the scope. */
        boolean wantsName(String name) {
            return wantedNames == null || wantedNames.contains(name.indexOf('|') < 0 ? name : name.substring(0, name.indexOf('|')));
        }

        void wantAlso(Groups other) {
            Set<String> both = new java.util.HashSet<>(byKey.keySet());
            both.addAll(other.byKey.keySet());
            byKey.clear();
            other.byKey.clear();
            both.forEach(k -> {
                byKey.put(k, Map.of());
                other.byKey.put(k, Map.of());
            });
        }

        /** The end of the scope's read: what it held becomes the keys to keep. */
        void collected() {
            wanted = new java.util.HashSet<>(byKey.keySet());
            wantedNames = new java.util.HashSet<>();
            wanted.forEach(k -> wantedNames.add(k.indexOf('|') < 0 ? k : k.substring(0, k.indexOf('|'))));
            byKey.clear();
        }

        Groups(String tag) {
            this.tag = tag;
        }

        void add(String key, long customer, String shown) {
            if (keys != null) {
                keys.record(customer, tag, key);
            }
            if (collecting) {
                if (!keysOnly) {
                    byKey.putIfAbsent(key, Map.of());
                }
                return;
            }
            if (wanted != null && !wanted.contains(key)) {
                return;
            }
            Map<Long, String> g = byKey.get(key);
            if (g == null) {
                byKey.put(key, Map.of(customer, shown));
                return;
            }
            if (g.containsKey(customer) || g.size() > MAX_GROUP) {
                return;
            }
            if (!(g instanceof LinkedHashMap)) {
                g = new LinkedHashMap<>(g);
                byKey.put(key, g);
            }
            g.put(customer, shown);
        }

        /** Each customer of a group here with each other customer of the same key's group in {@code other}. */
        void pairsWith(Groups other, String reason, String joint, List<Found> out) {
            byKey.forEach((key, g) -> {
                Map<Long, String> h = other.byKey.get(key);
                if (h == null || g.size() > MAX_GROUP || h.size() > MAX_GROUP) {
                    return;
                }
                g.forEach((x, shown) -> h.forEach((y, theirs) -> {
                    if (x.longValue() != y.longValue()) {
                        out.add(new Found(Math.min(x, y), Math.max(x, y), reason, joint == null ? shown : shown + joint + theirs));
                    }
                }));
            });
        }

        void pairs(String reason, String prefix, List<Found> out) {
            for (Map<Long, String> g : byKey.values()) {
                if (g.size() < 2 || g.size() > MAX_GROUP) {
                    continue;
                }
                List<Map.Entry<Long, String>> members = new ArrayList<>(g.entrySet());
                for (int i = 0; i < members.size(); i++) {
                    for (int j = i + 1; j < members.size(); j++) {
                        var x = members.get(i);
                        var y = members.get(j);
                        String evidence = x.getValue().equals(y.getValue()) ? prefix + x.getValue()
                                : prefix + x.getValue() + " / " + y.getValue();
                        out.add(new Found(Math.min(x.getKey(), y.getKey()), Math.max(x.getKey(), y.getKey()), reason, evidence));
                    }
                }
            }
        }
    }
}
