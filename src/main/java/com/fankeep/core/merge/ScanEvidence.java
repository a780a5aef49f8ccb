package com.fankeep.core.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The duplicates scan's evidence: the row handlers that turn a customer's rows (name, city, note, channels, the
 * receivers of their orders) into blocking keys per reason, the groups they fill, and the pairs those groups give.
 * Liveness and names are looked up in memory: a customer's rows come after the customer's own row.
 */
final class ScanEvidence implements ScanRows.Tables {

    static final int MAX_GROUP = DuplicateScanner.MAX_GROUP;
    static final String USER = "username";

    private record Person(String name, String nameKey, String city) {
    }

    final ScanMode mode = new ScanMode();
    private final Map<Long, Person> live = new HashMap<>();

    final KeyGroup phones = new KeyGroup("phone", mode);
    final KeyGroup emails = new KeyGroup("email", mode);
    final KeyGroup nameAddress = new KeyGroup("name_address", mode);
    final KeyGroup nameCity = new KeyGroup("name_city", mode);
    final KeyGroup nicknames = new KeyGroup("nickname", mode);
    final KeyGroup names = new KeyGroup("name", mode);
    final KeyGroup nicknamesAsNames = new KeyGroup("nickname_name", mode);
    final KeyGroup landlines = new KeyGroup("landline", mode);
    final KeyGroup cardNumbers = new KeyGroup("card", mode);
    final KeyGroup nameStreet = new KeyGroup("name_street", mode);
    final List<KeyGroup> all = List.of(phones, emails, nameAddress, nameCity, nicknames, names, nicknamesAsNames,
            landlines, cardNumbers, nameStreet);
    private final Map<String, Map<Long, String>> usernames = new HashMap<>();
    /** With a scope: the usernames its customers hold (null: no scope, or still collecting). */
    Set<String> scopeUsers;

    // orders repeat their city and address: each worked out once (1,000,000 orders, 300,000 customers)
    private final Map<String, String> cityKeys = new HashMap<>();
    private final Map<String, String[]> places = new HashMap<>();
    private final Map<String, String> nameKeys = new HashMap<>();
    private static final String NO_KEY = new String("");

    /**
     * Forgets every group, username and person (after a read that only collected keys), and the texts worked out once:
     * kept, the places of a whole shop's orders stayed on the heap while the bulk copy's keys were written (ADR 0063).
     */
    void clear() {
        all.forEach(g -> g.byKey.clear());
        usernames.clear();
        live.clear();
        cityKeys.clear();
        places.clear();
        nameKeys.clear();
    }

    /** Forgets the usernames and persons read so far; the groups stay. */
    void forgetPeople() {
        usernames.clear();
        live.clear();
    }

    /** The usernames held so far (the scope's, after its read). */
    Set<String> users() {
        return new HashSet<>(usernames.keySet());
    }

    /**
     * The pairs the groups give, reason by reason; within a reason in pair and evidence order, each once. A pair found
     * under two keys of one reason (two cities, a landline on both cards) keeps the first evidence when stored: this
     * order makes that the same whichever way the groups were filled (a whole read, the scope's, the keys').
     */
    List<DuplicateScanner.Found> pairs() {
        List<DuplicateScanner.Found> found = new ArrayList<>();
        reason(found, out -> phones.pairs("same_phone", "phone ", out));
        reason(found, out -> emails.pairs("same_email", "email ", out));
        reason(found, out -> nameAddress.pairs("name_address", "", out));
        reason(found, out -> nameCity.pairs("name_city", "", out));
        reason(found, out -> nicknames.pairs("similar_nickname", "nickname ", out));
        reason(found, out -> names.pairsWith(nicknamesAsNames, "nickname_name", " / nickname ", out));
        reason(found, out -> landlines.pairsWith(cardNumbers, "name_landline", null, out));
        reason(found, out -> nameStreet.pairs("name_street", "", out));
        reason(found, this::sameUsername);
        return found;
    }

    private static final java.util.Comparator<DuplicateScanner.Found> IN_ORDER = java.util.Comparator
            .comparingLong(DuplicateScanner.Found::a).thenComparingLong(DuplicateScanner.Found::b)
            .thenComparing(DuplicateScanner.Found::evidence);

    private static void reason(List<DuplicateScanner.Found> found, java.util.function.Consumer<List<DuplicateScanner.Found>> pairs) {
        List<DuplicateScanner.Found> some = new ArrayList<>();
        pairs.accept(some);
        some.sort(IN_ORDER);
        DuplicateScanner.Found last = null;
        for (DuplicateScanner.Found f : some) {
            if (!f.equals(last)) {
                found.add(f);
            }
            last = f;
        }
    }

    @Override
    public void customer(ScanRows.Row rs) {
        if (!rs.getBoolean(5)) {
            return;
        }
        long id = rs.getLong(1);
        String name = rs.getString(2);
        String key = ScanTexts.nameKey(name);
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

    private static final Set<String> KINDS = Set.of("phone", "email", "address", "nickname", "other");

    @Override
    public void channel(ScanRows.Row rs) {
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
                        nameAddress.add(p.name() + "|" + ScanTexts.squash(normalized), id, p.name() + " · " + raw);
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

    @Override
    public void order(ScanRows.Row rs) {
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
        String[] place = places.computeIfAbsent(ScanTexts.nz(province) + "|" + ScanTexts.nz(city) + "|" + ScanTexts.nz(district)
                + "|" + address, k -> {
                    String line = String.join(" ", ScanTexts.nz(province), ScanTexts.nz(city), ScanTexts.nz(district), address).strip();
                    return new String[] {line, line.contains("*") ? null : ScanTexts.squash(line), StreetKey.of(city, district, address)};
                });
        if (place[1] != null && byAddress) {
            nameAddress.add(receiver + "|" + place[1], id, receiver + " · " + place[0]);
        }
        if (byStreet && place[2] != null) {
            nameStreet.add(receiverKey + "|" + place[2], id, receiver + " · " + StreetKey.shown(place[2]));
        }
    }

    /** nameKey, worked out once per name (orders repeat their receiver's name). */
    String nameKeyOf(String name) {
        if (name == null) {
            return null;
        }
        if (nameKeys.size() > 400_000) {
            nameKeys.clear();   // a bound on the memory, not on the result
        }
        String key = nameKeys.computeIfAbsent(name, n -> {
            String k = ScanTexts.nameKey(n);
            return k == null ? NO_KEY : k;
        });
        return key == NO_KEY ? null : key;
    }

    private String cityKeyOf(String city) {
        return city == null ? null : cityKeys.computeIfAbsent(city, ScanTexts::cityKey);
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
            String key = ScanTexts.nicknameKey(normalized);
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
        String user = ScanTexts.username(raw);
        if (mode.keys != null && user.length() >= 3 && !user.contains("*")) {
            mode.keys.record(id, USER, user);
        }
        if (mode.keysOnly) {
            return;
        }
        if (user.length() >= 3 && !user.contains("*") && (scopeUsers == null || scopeUsers.contains(user))
                && !mode.isCommon(USER, user)) {
            Map<Long, String> g = usernames.computeIfAbsent(user, k -> new LinkedHashMap<>(4));
            if (g.size() <= MAX_GROUP) {
                g.putIfAbsent(id, platform);
            }
        }
    }

    private void street(long id, Person p, String street) {
        if (p.nameKey() != null && street != null) {
            nameStreet.add(p.nameKey() + "|" + street, id, p.name() + " · " + StreetKey.shown(street));
        }
    }

    /** One username on two different platforms: emilycarterart on Etsy and on Shopify (on one platform it is one account). */
    private void sameUsername(List<DuplicateScanner.Found> found) {
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
                        found.add(new DuplicateScanner.Found(Math.min(x.getKey(), y.getKey()), Math.max(x.getKey(), y.getKey()),
                                "same_username", "nickname " + user + " (" + x.getValue() + ", " + y.getValue() + ")"));
                    }
                }
            }
        });
    }
}
