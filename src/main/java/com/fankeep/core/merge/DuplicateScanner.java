package com.fankeep.core.merge;

import com.fankeep.core.shared.Cancellation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Find duplicates": pairs of live customers with the same real phone or e-mail, the same name at the same address
 * (contact addresses and order receivers), or nicknames that are the same once case, width and punctuation are
 * ignored; and weaker evidence (same name with the same city, street or a landline, one username on two platforms, a
 * nickname that is the other's name). Every reason is blocked by a key (never all pairs); a value shared by more than
 * {@link #MAX_GROUP} customers (a shop's own number, "test", 王伟 in 北京) is no evidence. With a scope (the customers an
 * import created or changed), only pairs with at least one of them are reported.
 */
final class DuplicateScanner {

    static final int MAX_GROUP = 5;

    /** A pair found, lower id first. */
    record Found(long a, long b, String reason, String evidence) {
    }

    private final Connection c;
    private final Cancellation cancellation;
    private final java.util.Set<Long> scope;

    DuplicateScanner(Connection c, Cancellation cancellation) {
        this(c, cancellation, null);
    }

    /** @param scope only pairs with one of these customers; null: all pairs */
    DuplicateScanner(Connection c, Cancellation cancellation, java.util.Set<Long> scope) {
        this.c = c;
        this.cancellation = cancellation;
        this.scope = scope;
    }

    List<Found> scan() throws SQLException {
        List<Found> found = new ArrayList<>();
        sameChannel("phone", "same_phone", "and ch.is_masked = false", found);
        sameChannel("email", "same_email", "", found);
        nameAndAddress(found);
        nameAndCity(found);
        similarNicknames(found);
        nicknameIsName(found);
        nameAndLandline(found);
        nameAndStreet(found);
        sameUsername(found);
        if (scope != null) {
            found.removeIf(f -> !scope.contains(f.a()) && !scope.contains(f.b()));
        }
        return found;
    }

    private void sameChannel(String kind, String reason, String extra, List<Found> found) throws SQLException {
        Groups groups = new Groups();
        stream("select ch.normalized_value, ch.customer_id from contact_channel ch join customer cu on cu.id = ch.customer_id "
                + "where ch.kind = '" + kind + "' " + extra + " and ch.normalized_value is not null "
                + "and cu.merged_into_id is null and cu.erased_at is null", rs -> groups.add(rs.getString(1), rs.getLong(2), rs.getString(1)));
        groups.pairs(reason, kind + " ", found);
    }

    private void nameAndAddress(List<Found> found) throws SQLException {
        Groups groups = new Groups();
        stream("select cu.name, ch.normalized_value, ch.customer_id, ch.raw_value from contact_channel ch "
                + "join customer cu on cu.id = ch.customer_id where ch.kind = 'address' and ch.is_masked = false "
                + "and cu.name is not null and cu.merged_into_id is null and cu.erased_at is null",
                rs -> groups.add(rs.getString(1) + "|" + squash(rs.getString(2)), rs.getLong(3), rs.getString(1) + " · " + rs.getString(4)));
        stream("select o.receiver_name, o.receiver_province, o.receiver_city, o.receiver_district, o.receiver_address, o.customer_id "
                + "from shop_order o join customer cu on cu.id = o.customer_id where o.receiver_name is not null "
                + "and o.receiver_address is not null and cu.merged_into_id is null and cu.erased_at is null", rs -> {
                    String line = String.join(" ", nz(rs.getString(2)), nz(rs.getString(3)), nz(rs.getString(4)), nz(rs.getString(5))).strip();
                    if (!line.contains("*") && !rs.getString(1).contains("*")) {
                        groups.add(rs.getString(1) + "|" + squash(line), rs.getLong(6), rs.getString(1) + " · " + line);
                    }
                });
        groups.pairs("name_address", "", found);
    }

    /**
     * Same name in the same city (the customer's own, or where their orders went): Chinese full names as written,
     * Latin names by their words ignoring case and accents. Blocked by name + city, so never all pairs.
     */
    private void nameAndCity(List<Found> found) throws SQLException {
        Groups groups = new Groups();
        RowHandler add = rs -> {
            String name = nameKey(rs.getString(1));
            String city = cityKey(rs.getString(2));
            if (name != null && city != null) {
                groups.add(name + "|" + city, rs.getLong(3), rs.getString(1) + " · " + rs.getString(2));
            }
        };
        stream("select cu.name, cu.city, cu.id from customer cu where cu.name is not null and cu.city is not null "
                + "and cu.merged_into_id is null and cu.erased_at is null", add);
        stream("select distinct cu.name, o.receiver_city, cu.id from shop_order o join customer cu on cu.id = o.customer_id "
                + "where cu.name is not null and o.receiver_city is not null and cu.merged_into_id is null and cu.erased_at is null",
                add);
        groups.pairs("name_city", "", found);
    }

    /** 张伟 stays 张伟 (two characters at least); "Émily  CARTER" → "emily carter" (two words at least); else null. */
    static String nameKey(String name) {
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

    private void similarNicknames(List<Found> found) throws SQLException {
        Groups groups = new Groups();
        stream("select ch.normalized_value, ch.platform, ch.customer_id from contact_channel ch join customer cu on cu.id = ch.customer_id "
                + "where ch.kind = 'nickname' and ch.normalized_value is not null and cu.merged_into_id is null and cu.erased_at is null",
                rs -> {
                    String key = nicknameKey(rs.getString(1));
                    if (key.length() >= 3) {
                        groups.add(key, rs.getLong(3), (rs.getString(2) == null ? "" : rs.getString(2) + ":") + rs.getString(1));
                    }
                });
        groups.pairs("similar_nickname", "nickname ", found);
    }

    /**
     * A nickname of one customer that is the full name of another (compared as {@link #nameKey} compares names): only
     * pairs of a name and a nickname, never two names (that alone is too weak) nor two nicknames (similar_nickname).
     */
    private void nicknameIsName(List<Found> found) throws SQLException {
        Groups names = new Groups();
        stream("select cu.name, cu.id from customer cu where cu.name is not null and cu.merged_into_id is null "
                + "and cu.erased_at is null", rs -> {
                    String key = nameKey(rs.getString(1));
                    if (key != null) {
                        names.add(key, rs.getLong(2), rs.getString(1));
                    }
                });
        Groups nicknames = new Groups();
        stream("select ch.raw_value, ch.customer_id from contact_channel ch join customer cu on cu.id = ch.customer_id "
                + "where ch.kind = 'nickname' and ch.raw_value is not null and cu.merged_into_id is null and cu.erased_at is null",
                rs -> {
                    String key = nameKey(rs.getString(1));
                    if (key != null) {
                        nicknames.add(key, rs.getLong(2), rs.getString(1));
                    }
                });
        names.pairsWith(nicknames, "nickname_name", " / nickname ", found);
    }

    /**
     * Same name, and a landline (a number that is no mobile: it never identifies by itself) of one found on the other's
     * card: a phone channel, an "other" channel or the note, written with or without its area code. Compared by the
     * last 7 digits under the same name key, so "010-6543 2100" and "6543 2100" meet.
     */
    private void nameAndLandline(List<Found> found) throws SQLException {
        Groups landlines = new Groups();
        Groups cards = new Groups();
        stream("select cu.name, ch.raw_value, ch.customer_id from contact_channel ch join customer cu on cu.id = ch.customer_id "
                + "where ch.kind = 'phone' and ch.merge_key = false and ch.is_masked = false and cu.name is not null "
                + "and cu.merged_into_id is null and cu.erased_at is null", rs -> {
                    String name = nameKey(rs.getString(1));
                    String tail = PhoneTexts.landlineTail(rs.getString(2));
                    if (name != null && tail != null) {
                        landlines.add(name + "|" + tail, rs.getLong(3), "phone " + rs.getString(2));
                    }
                });
        RowHandler card = rs -> {
            String name = nameKey(rs.getString(1));
            if (name != null) {
                for (String tail : PhoneTexts.tailsIn(rs.getString(2))) {
                    cards.add(name + "|" + tail, rs.getLong(3), rs.getString(1));
                }
            }
        };
        stream("select cu.name, ch.raw_value, ch.customer_id from contact_channel ch join customer cu on cu.id = ch.customer_id "
                + "where ch.kind in ('phone', 'other') and ch.is_masked = false and cu.name is not null "
                + "and cu.merged_into_id is null and cu.erased_at is null", card);
        stream("select cu.name, cu.note, cu.id from customer cu where cu.note is not null and cu.name is not null "
                + "and cu.merged_into_id is null and cu.erased_at is null", card);
        landlines.pairsWith(cards, "name_landline", null, found);
    }

    /**
     * Same name on the same street of the same district (or city when no district is known): order receivers and
     * contact addresses, the house number left out (Rm 1203 and Rm 1501 of one building are one street).
     */
    private void nameAndStreet(List<Found> found) throws SQLException {
        Groups groups = new Groups();
        stream("select distinct o.receiver_name, o.receiver_city, o.receiver_district, o.receiver_address, o.customer_id "
                + "from shop_order o join customer cu on cu.id = o.customer_id where o.receiver_name is not null "
                + "and o.receiver_address is not null and cu.merged_into_id is null and cu.erased_at is null", rs -> {
                    String name = nameKey(rs.getString(1));
                    String street = StreetKey.of(rs.getString(2), rs.getString(3), rs.getString(4));
                    if (name != null && street != null) {
                        groups.add(name + "|" + street, rs.getLong(5), rs.getString(1) + " · " + StreetKey.shown(street));
                    }
                });
        stream("select cu.name, cu.city, ch.raw_value, ch.customer_id from contact_channel ch join customer cu on cu.id = ch.customer_id "
                + "where ch.kind = 'address' and ch.is_masked = false and cu.name is not null "
                + "and cu.merged_into_id is null and cu.erased_at is null", rs -> {
                    String name = nameKey(rs.getString(1));
                    String street = StreetKey.of(rs.getString(2), null, rs.getString(3));
                    if (name != null && street != null) {
                        groups.add(name + "|" + street, rs.getLong(4), rs.getString(1) + " · " + StreetKey.shown(street));
                    }
                });
        groups.pairs("name_street", "", found);
    }

    /**
     * One username (as the owner sees it, case ignored) on two different platforms: emilycarterart on Etsy and on
     * Shopify. On one platform the same account is one customer already.
     */
    private void sameUsername(List<Found> found) throws SQLException {
        Map<String, Map<Long, String>> byName = new HashMap<>();
        stream("select ch.raw_value, ch.platform, ch.customer_id from contact_channel ch join customer cu on cu.id = ch.customer_id "
                + "where ch.kind = 'nickname' and ch.platform is not null and ch.is_masked = false "
                + "and cu.merged_into_id is null and cu.erased_at is null", rs -> {
                    String key = Normalizer.normalize(rs.getString(1), Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
                    if (key.length() >= 3 && !key.contains("*")) {
                        Map<Long, String> g = byName.computeIfAbsent(key, k -> new java.util.LinkedHashMap<>());
                        if (g.size() <= MAX_GROUP) {
                            g.putIfAbsent(rs.getLong(3), rs.getString(2));
                        }
                    }
                });
        byName.forEach((key, g) -> {
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
                                "nickname " + key + " (" + x.getValue() + ", " + y.getValue() + ")"));
                    }
                }
            }
        });
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

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void stream(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    handler.row(rs);
                    if (++n % 5000 == 0) {
                        cancellation.check();
                    }
                }
            }
        }
    }

    /** Customers per key (at most MAX_GROUP + 1 kept: a bigger group is dropped) and the text each matched with. */
    private static final class Groups {
        private final Map<String, Map<Long, String>> byKey = new HashMap<>();

        void add(String key, long customer, String shown) {
            Map<Long, String> g = byKey.computeIfAbsent(key, k -> new java.util.LinkedHashMap<>());
            if (g.size() <= MAX_GROUP) {
                g.putIfAbsent(customer, shown);
            }
        }

        /** Each customer of a group here with each other customer of the same key's group in {@code other}. */
        void pairsWith(Groups other, String reason, String joint, List<Found> out) {
            byKey.forEach((key, g) -> {
                Map<Long, String> h = other.byKey.get(key);
                if (h == null || g.size() > MAX_GROUP || h.size() > MAX_GROUP) {
                    return;
                }
                g.forEach((x, shown) -> h.forEach((y, nickname) -> {
                    if (x.longValue() != y.longValue()) {
                        out.add(new Found(Math.min(x, y), Math.max(x, y), reason, joint == null ? shown : shown + joint + nickname));
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
