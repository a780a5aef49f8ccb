package com.fankeep.core.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Customers per key of one reason (at most MAX_GROUP + 1 kept: a bigger group is dropped) and the text each matched
 * with. Most keys have one customer: a single-entry map keeps that cheap on 300,000 customers.
 */
final class KeyGroup {

    static final int MAX_GROUP = DuplicateScanner.MAX_GROUP;

    /** The group's name in its stored keys' hashes. */
    final String tag;
    private final ScanMode mode;
    final Map<String, Map<Long, String>> byKey = new HashMap<>();
    /** With a scope: the keys its customers hold, and their name parts (before the first '|'); null: all. */
    Set<String> wanted;
    private Set<String> wantedNames;

    KeyGroup(String tag, ScanMode mode) {
        this.tag = tag;
        this.mode = mode;
    }

    /** False when no key of this group that starts with this name can pair with the scope. */
    boolean wantsName(String name) {
        return wantedNames == null || wantedNames.contains(name.indexOf('|') < 0 ? name : name.substring(0, name.indexOf('|')));
    }

    void wantAlso(KeyGroup other) {
        Set<String> both = new HashSet<>(byKey.keySet());
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
        wanted = new HashSet<>(byKey.keySet());
        wantedNames = new HashSet<>();
        wanted.forEach(k -> wantedNames.add(k.indexOf('|') < 0 ? k : k.substring(0, k.indexOf('|'))));
        byKey.clear();
    }

    void add(String key, long customer, String shown) {
        if (mode.keys != null) {
            mode.keys.record(customer, tag, key);
        }
        if (mode.collecting) {
            if (!mode.keysOnly) {
                byKey.putIfAbsent(key, Map.of());
            }
            return;
        }
        if (wanted != null && !wanted.contains(key) || mode.isCommon(tag, key)) {
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
    void pairsWith(KeyGroup other, String reason, String joint, List<DuplicateScanner.Found> out) {
        byKey.forEach((key, g) -> {
            Map<Long, String> h = other.byKey.get(key);
            if (h == null || g.size() > MAX_GROUP || h.size() > MAX_GROUP) {
                return;
            }
            g.forEach((x, shown) -> h.forEach((y, theirs) -> {
                if (x.longValue() != y.longValue()) {
                    out.add(new DuplicateScanner.Found(Math.min(x, y), Math.max(x, y), reason,
                            joint == null ? shown : shown + joint + theirs));
                }
            }));
        });
    }

    void pairs(String reason, String prefix, List<DuplicateScanner.Found> out) {
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
                    out.add(new DuplicateScanner.Found(Math.min(x.getKey(), y.getKey()), Math.max(x.getKey(), y.getKey()), reason, evidence));
                }
            }
        }
    }
}
