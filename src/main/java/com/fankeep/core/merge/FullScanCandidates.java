package com.fankeep.core.merge;

import com.fankeep.core.shared.Cancellation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full scan's candidates, from the stored keys (ADR 0051): one pass over the key index in hash order gives every
 * key's holders; a key held by 2 to MAX_GROUP customers makes them all candidates, a key held by more is no evidence
 * (its hash is handed back as common, so the scan skips it). Two reasons pair two different groups (a name with a
 * nickname, a landline with a card number) and so can pair two customers who each hold their key alone: for those the
 * texts are worked out from the rarer side's rows (every live name; the phones that can be landlines) and both sides'
 * hashes are looked for in the same pass.
 */
final class FullScanCandidates {

    private static final int MAX_GROUP = DuplicateScanner.MAX_GROUP;

    /** @param common the hashes of keys held by more than MAX_GROUP customers */
    record Found(Set<Long> candidates, Set<Long> common) {
    }

    private final Connection c;
    private final ScanRows rows;
    private final Cancellation cancellation;

    FullScanCandidates(Connection c, ScanRows rows, Cancellation cancellation) {
        this.c = c;
        this.rows = rows;
        this.cancellation = cancellation;
    }

    Found find() throws SQLException {
        List<long[]> crossed = crossedKeys();
        Set<Long> wanted = new HashSet<>();
        crossed.forEach(p -> {
            wanted.add(p[0]);
            wanted.add(p[1]);
        });
        Set<Long> candidates = new HashSet<>();
        Set<Long> common = new HashSet<>();
        Map<Long, long[]> alone = new HashMap<>();   // a wanted hash → its 1 to MAX_GROUP holders
        try (PreparedStatement ps = c.prepareStatement("select key_hash, customer_id from duplicate_key order by key_hash, customer_id")) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                long hash = 0;
                long[] who = new long[MAX_GROUP + 1];
                int n = 0;
                int read = 0;
                boolean more = rs.next();
                while (true) {
                    long h = more ? rs.getLong(1) : hash + 1;
                    if (n > 0 && (h != hash || !more)) {
                        if (n > MAX_GROUP) {
                            common.add(hash);
                        } else {
                            if (n > 1) {
                                for (int i = 0; i < n; i++) {
                                    candidates.add(who[i]);
                                }
                            }
                            if (wanted.contains(hash)) {
                                alone.put(hash, java.util.Arrays.copyOf(who, n));
                            }
                        }
                        n = 0;
                    }
                    if (!more) {
                        break;
                    }
                    hash = h;
                    if (n <= MAX_GROUP) {
                        who[n] = rs.getLong(2);
                    }
                    n++;
                    if (++read % 50_000 == 0) {
                        cancellation.check();
                    }
                    more = rs.next();
                }
            }
        }
        for (long[] pair : crossed) {
            long[] a = alone.get(pair[0]);
            long[] b = alone.get(pair[1]);
            if (a != null && b != null) {
                for (long id : a) {
                    candidates.add(id);
                }
                for (long id : b) {
                    candidates.add(id);
                }
            }
        }
        return new Found(candidates, common);
    }

    /**
     * The hash pairs of the reasons across two groups: (name, nickname as name) for every live customer's name key, and
     * (landline, card number) for every landline a live customer's phones give (the phones that are no merge key).
     */
    private List<long[]> crossedKeys() throws SQLException {
        List<long[]> out = new ArrayList<>();
        Set<String> nameKeys = new HashSet<>();
        ScanEvidence texts = new ScanEvidence();
        rows.stream("select name from customer where merged_into_id is null and erased_at is null", r -> {
            String k = texts.nameKeyOf(r.getString(1));
            if (k != null && nameKeys.add(k)) {
                out.add(new long[] {DuplicateKeys.hash("name", k), DuplicateKeys.hash("nickname_name", k)});
            }
        });
        // the landlines: the few phones that are no merge key, then their customers' names
        Map<Long, List<String>> tails = new HashMap<>();
        rows.stream("select customer_id, raw_value from contact_channel where kind = 'phone' and is_masked = false "
                + "and (merge_key = false or merge_key is null)", r -> {
                    String tail = PhoneTexts.landlineTail(r.getString(2));
                    if (tail != null) {
                        tails.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(tail);
                    }
                });
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(tails.keySet()));
        for (int from = 0; from < ids.size(); from += 1000) {
            rows.stream("select id, name from customer where id in " + DuplicateKeys.constants(ids.subList(from, Math.min(ids.size(), from + 1000)))
                    + " and merged_into_id is null and erased_at is null", r -> {
                        String k = texts.nameKeyOf(r.getString(2));
                        if (k != null) {
                            for (String tail : tails.get(r.getLong(1))) {
                                out.add(new long[] {DuplicateKeys.hash("landline", k + "|" + tail), DuplicateKeys.hash("card", k + "|" + tail)});
                            }
                        }
                    });
        }
        return out;
    }
}
