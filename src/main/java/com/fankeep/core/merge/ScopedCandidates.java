package com.fankeep.core.merge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who else holds each of a scope's keys, from the stored keys (through their index, ADR 0044): a key held by more than
 * MAX_GROUP customers is no evidence and is dropped from the groups' wanted keys; the holders of the others are the
 * candidates, so every group the scan fills is whole.
 */
final class ScopedCandidates {

    private static final int MAX_GROUP = DuplicateScanner.MAX_GROUP;

    private final Connection c;
    private final ScanEvidence evidence;
    private final Set<Long> scope;

    /** @param evidence after the scope's read: its groups' wanted keys and the scope's usernames */
    ScopedCandidates(Connection c, ScanEvidence evidence, Set<Long> scope) {
        this.c = c;
        this.evidence = evidence;
        this.scope = scope;
    }

    /** The scope and every other holder of its keys that are evidence. */
    Set<Long> lookUp() throws SQLException {
        Map<Long, String[]> asked = new HashMap<>();   // hash → group, key
        KeyGroup names = evidence.names;
        KeyGroup cardNumbers = evidence.cardNumbers;
        // a name pairs only with a nickname, a card number only with a landline: the rarer side is asked first, and
        // the common side (every customer has a name) only for the keys the rare side holds, 1 to MAX_GROUP times
        for (KeyGroup g : evidence.all) {
            if (g != names && g != cardNumbers) {
                for (String k : g.wanted) {
                    asked.put(DuplicateKeys.hash(g.tag, k), new String[] {g.tag, k});
                }
            }
        }
        for (String u : evidence.scopeUsers) {
            asked.put(DuplicateKeys.hash(ScanEvidence.USER, u), new String[] {ScanEvidence.USER, u});
        }
        Map<Long, List<Long>> holders = DuplicateKeys.holders(c, asked.keySet(), MAX_GROUP + 1);
        Map<Long, String[]> then = new HashMap<>();
        for (KeyGroup[] pair : new KeyGroup[][] {{names, evidence.nicknamesAsNames}, {cardNumbers, evidence.landlines}}) {
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
        Set<Long> candidates = new TreeSet<>();
        Map<String, KeyGroup> byTag = new HashMap<>();
        evidence.all.forEach(g -> byTag.put(g.tag, g));
        holders.forEach((hash, who) -> {
            String[] what = asked.get(hash);
            if (who.size() > MAX_GROUP) {
                if (what[0].equals(ScanEvidence.USER)) {
                    evidence.scopeUsers.remove(what[1]);
                } else {
                    byTag.get(what[0]).wanted.remove(what[1]);
                }
            } else {
                candidates.addAll(who);
            }
        });
        candidates.removeAll(scope);   // the scope's rows are kept from its own read
        return candidates;
    }
}
