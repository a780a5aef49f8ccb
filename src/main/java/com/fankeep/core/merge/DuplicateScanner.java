package com.fankeep.core.merge;

import com.fankeep.core.shared.Cancellation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Find duplicates": pairs of live customers with the same real phone or e-mail, the same name at the same address
 * (contact addresses and order receivers), or nicknames that are the same once case, width and punctuation are
 * ignored; and weaker evidence (same name with the same city, street or a landline, one username on two platforms, a
 * nickname that is the other's name). Every reason is blocked by a key (never all pairs); a value shared by more than
 * {@link #MAX_GROUP} customers (a shop's own number, "test", 王伟 in 北京) is no evidence. With a scope (the customers an
 * import created or changed), only pairs with at least one of them are reported.
 *
 * <p>The parts: {@link ScanRows} reads, {@link ScanEvidence} turns rows into keys and groups and pairs,
 * {@link ScopedCandidates} finds who else holds a scope's keys through the stored keys ({@link DuplicateKeys}).
 */
final class DuplicateScanner {

    static final int MAX_GROUP = 5;

    /** A pair found, lower id first. */
    record Found(long a, long b, String reason, String evidence) {
    }

    private final Connection c;
    private final Cancellation cancellation;
    private final Set<Long> scope;
    private final ScanRows rows;
    private final ScanEvidence evidence = new ScanEvidence();
    private boolean keysFirst;
    /** Marked customers whose keys are stored once the pairs are taken (see {@link #KEYS_ON_THE_WAY}). */
    private Set<Long> keysLater = Set.of();
    private int keysOnTheWay = KEYS_ON_THE_WAY;

    DuplicateScanner(Connection c, Cancellation cancellation) {
        this(c, cancellation, null);
    }

    /** @param scope only pairs with one of these customers; null: all pairs */
    DuplicateScanner(Connection c, Cancellation cancellation, Set<Long> scope) {
        this.c = c;
        this.cancellation = cancellation;
        this.scope = scope;
        this.rows = new ScanRows(c, cancellation);
    }

    private boolean byTables;
    private Boolean byIds;
    private boolean prefetchAllowed = true;

    /** Reads every row on this thread, as before ADR 0048 (the test that compares the two rebuilds). */
    DuplicateScanner withoutPrefetch() {
        prefetchAllowed = false;
        return this;
    }

    /** Tells {@code rowsRead} the rows read so far, every 5,000 rows, at the cancellation checks (V0196's progress). */
    DuplicateScanner onRows(java.util.function.LongConsumer rowsRead) {
        rows.onRows(rowsRead);
        return this;
    }

    /** The full scan through the keys reads its candidates by id (true) or by the tables (false) whatever their number. */
    DuplicateScanner candidatesByIds(boolean ids) {
        byIds = ids;
        return this;
    }

    /** The full scan as before the stored keys: the tables whole (the equivalence test's reference). */
    DuplicateScanner byTables() {
        byTables = true;
        return this;
    }

    /** Stores the keys of more than {@code n} marked customers after the pairs are taken (tests: small shops). */
    DuplicateScanner keysOnTheWay(int n) {
        keysOnTheWay = n;
        return this;
    }

    /** Reads the scope's keys first whatever its size (tests: their shops are small). */
    DuplicateScanner keysFirst() {
        keysFirst = true;
        return this;
    }

    List<Found> scan() throws SQLException {
        rows.lazily(() -> {
            Set<Long> marked = DuplicateKeys.marked(c);
            if (scope != null && (keysFirst || scope.size() * 10L < rows.customerCount())) {
                marked.removeAll(scope);
                DuplicateKeys.refresh(c, marked, cancellation);
                ScanRows.Kept scopeRows = collectScopeKeys();
                Set<Long> others = new ScopedCandidates(c, evidence, scope).lookUp();
                cancellation.check();
                ScanRows.Kept candidates = rows.keep(others);
                candidates.addAll(scopeRows);
                candidates.feed(evidence);
            } else if (!byTables && marked.size() * 10L < rows.customerCount()) {
                // the whole shop, or a scope of a tenth of it or more whose keys are stored (a bulk import stores them
                // on its copy): the pass through the keys, its pairs then kept to the scope's below
                DuplicateKeys.refresh(c, marked, cancellation);
                readByKeys();
            } else {
                keysLater = readTables(marked);
            }
            return null;
        });
        List<Found> found = evidence.pairs();
        evidence.clear();
        storeLater();
        if (scope != null) {
            found.removeIf(f -> !scope.contains(f.a()) && !scope.contains(f.b()));
        }
        return found;
    }

    /**
     * The full scan through the stored keys (ADR 0051): the customers who share a key that is evidence with someone,
     * found in the key index, then only their rows, in primary key order per table as a whole read gives them (the
     * evidence shown depends on it); the keys held by more than MAX_GROUP customers are skipped, as a whole read drops
     * them. A few candidates are read by id, many by the tables with the others' rows passed over.
     */
    private void readByKeys() throws SQLException {
        FullScanCandidates.Found found = new FullScanCandidates(c, rows, cancellation).find();
        cancellation.check();
        evidence.mode.common = found.common();
        boolean ids = byIds != null ? byIds : found.candidates().size() * BY_ID_SHARE < rows.customerCount();
        if (ids) {
            rows.keep(found.candidates()).feed(evidence);
        } else {
            rows.readAll(evidence, found.candidates());
        }
        evidence.mode.common = null;
    }

    /**
     * Candidates are read by id while they are under half the customers: on the 300,000-customer shop by id cost 4.5-5.4 s
     * CPU against 6.0-7.0 s for the tables with the others passed over (ADR 0051).
     */
    private static final int BY_ID_SHARE = 2;

    /**
     * The tables whole: every key grouped, and the keys of customers marked since the last scan stored on the way (a
     * scope of most of the shop, a first import: its rows by id would cost more than the tables).
     */
    private Set<Long> readTables(Set<Long> marked) throws SQLException {
        if (marked.size() > keysOnTheWay) {
            rows.readAll(evidence);
            return marked;
        }
        evidence.mode.keys = new KeySink(marked);
        rows.readAll(evidence);
        DuplicateKeys.store(c, evidence.mode.keys.byCustomer, marked);
        evidence.mode.keys = null;
        return Set.of();
    }

    /**
     * Keys of more customers than this (the first scan after a big import: all of them) are stored after the pairs are
     * taken, in parts read by id: kept beside the whole shop's groups they took the 1,000,000-order import past its
     * 512 MB heap. 50,000 customers' keys are about 8 MB.
     */
    static final int KEYS_ON_THE_WAY = 50_000;
    private static final int KEYS_PART = 20_000;

    private void storeLater() throws SQLException {
        List<Long> ids = List.copyOf(new TreeSet<>(keysLater));
        keysLater = Set.of();
        for (int from = 0; from < ids.size(); from += KEYS_PART) {
            cancellation.check();
            DuplicateKeys.refresh(c, ids.subList(from, Math.min(ids.size(), from + KEYS_PART)), cancellation);
        }
    }

    /**
     * The blocking keys of these customers as their rows give them now (ADR 0044), read by id; customers that are not
     * live (merged away, erased, gone) have none.
     */
    Map<Long, long[]> keysOf(Collection<Long> ids) throws SQLException {
        return keysOnly(() -> rows.readByIds(ids, evidence));
    }

    /** The blocking keys of every customer, from the whole tables (a rebuild, a check). */
    Map<Long, long[]> keysOfAll() throws SQLException {
        return rows.lazily(() -> keysOnly(() -> rows.prefetching(prefetchAllowed, () -> rows.readAll(evidence))));
    }

    private interface Read {
        void run() throws SQLException;
    }

    /**
     * The blocking keys of these customers from the whole tables, their rows read on a second thread (the bulk copy's
     * keys: most of the shop, where reads by id cost more than the tables, ADR 0055).
     */
    Map<Long, long[]> keysOfAllOf(Set<Long> of) throws SQLException {
        return rows.lazily(() -> keysOnly(() -> rows.prefetching(prefetchAllowed, () -> rows.readAll(evidence)), of));
    }

    private Map<Long, long[]> keysOnly(Read read) throws SQLException {
        return keysOnly(read, null);
    }

    private Map<Long, long[]> keysOnly(Read read, Set<Long> of) throws SQLException {
        ScanMode mode = evidence.mode;
        mode.keys = new KeySink(of);
        mode.collecting = true;
        mode.keysOnly = true;
        read.run();
        mode.collecting = false;
        mode.keysOnly = false;
        Map<Long, long[]> out = mode.keys.byCustomer;
        mode.keys = null;
        evidence.clear();
        return out;
    }

    /**
     * The scope's rows first, through the indexes (ids in chunks): every key they give is a key to look up. Their keys
     * are stored on the way (ADR 0044). Nothing is grouped yet, so the evidence shown is the one a full scan shows.
     *
     * @return the scope's rows, kept: the candidates' read later needs them again, in order with the others' rows
     */
    private ScanRows.Kept collectScopeKeys() throws SQLException {
        ScanMode mode = evidence.mode;
        mode.collecting = true;
        evidence.scopeUsers = null;
        mode.keys = new KeySink(null);
        ScanRows.Kept scopeRows = rows.keep(scope);
        scopeRows.feed(evidence);
        DuplicateKeys.store(c, mode.keys.byCustomer, scope);
        mode.keys = null;
        Set<String> users = evidence.users();
        evidence.forgetPeople();   // the groups keep the keys collected
        // a pair across two groups (a name and a nickname, a landline and a card) keeps the keys of either side
        evidence.names.wantAlso(evidence.nicknamesAsNames);
        evidence.landlines.wantAlso(evidence.cardNumbers);
        evidence.all.forEach(KeyGroup::collected);
        evidence.scopeUsers = users;
        mode.collecting = false;
        return scopeRows;
    }
}
