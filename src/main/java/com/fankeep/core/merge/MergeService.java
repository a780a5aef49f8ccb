package com.fankeep.core.merge;

import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.CustomerSortKeys;
import com.fankeep.core.db.ShopCounters;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Duplicates and merges: the review list (import suggestions and "find duplicates"), "not the same person", merging
 * 2+ customers into one with every order, channel, tag, interaction and follow-up, and undoing a merge exactly.
 */
public final class MergeService {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Columns of a merged-away customer that the merge changes; undo restores all of them from the image. */
    private static final List<String> DERIVED = List.of("order_count", "first_order_at", "last_order_at");

    private final Database database;
    private final CustomerChangeListener changes;

    public MergeService(Database database, CustomerChangeListener changes) {
        this.database = database;
        this.changes = changes;
    }

    /** How many pairs {@link #suggestions} would list, counting no further than {@code upTo}. */
    public int countSuggestions(int upTo) {
        return tx(c -> new DuplicateRepository(c).countOpenPairs(upTo));
    }

    /** Suggested duplicates still to review, strongest first (then oldest): both customers live, the pair not dismissed. */
    public List<DuplicateSuggestion> suggestions(int limit) {
        return tx(c -> {
            DuplicateRepository repo = new DuplicateRepository(c);
            Map<List<Long>, List<Evidence>> pairs = repo.openPairs(limit);
            Set<Long> ids = new LinkedHashSet<>();
            pairs.keySet().forEach(ids::addAll);
            Map<Long, CustomerCard> cards = repo.cards(ids);
            List<DuplicateSuggestion> out = new ArrayList<>();
            pairs.forEach((pair, evidence) -> out.add(new DuplicateSuggestion(cards.get(pair.get(0)), cards.get(pair.get(1)), evidence)));
            return out;
        });
    }

    /** Looks for duplicates among all customers and adds what is new to the review list (dismissed pairs stay out). */
    public ScanResult scan(Progress progress, Cancellation cancellation) {
        return scan(null, progress, cancellation);
    }

    /**
     * The same for the customers an import created or changed: only pairs with one of them (the rest of the shop was
     * scanned before). The pairs of {@code customerIds} merged away meanwhile are left out as always.
     */
    public ScanResult scanCustomers(Collection<Long> customerIds, Progress progress, Cancellation cancellation) {
        if (customerIds.isEmpty()) {
            return new ScanResult(0, 0);
        }
        return scan(Set.copyOf(customerIds), progress, cancellation);
    }

    /** Past this many customers in a scan's scope, the suggestions and dismissals are read whole (ADR 0060). */
    static final int WHOLE_SUGGESTIONS = 20_000;

    private ScanResult scan(Set<Long> scope, Progress progress, Cancellation cancellation) {
        progress.update(0, -1, "scan");
        return tx(c -> {
            List<DuplicateScanner.Found> found = new DuplicateScanner(c, cancellation, scope).scan();
            DuplicateRepository repo = new DuplicateRepository(c);
            Set<List<Long>> pairs = new LinkedHashSet<>();
            // counted per pair, like the pairs found: a pair found for two reasons is one new pair, not two
            Set<List<Long>> newPairs = new LinkedHashSet<>();
            // what is on the list or dismissed, read once: two look-ups per pair found took seconds on 78,000 pairs
            // a scoped scan finds only pairs with a scope customer: only their suggestions and dismissals are read
            // a large scope (a bulk import: most of the shop) reads them whole: two look-ups per 1,000 of its
            // customers cost more (every pair found has a scope customer, so the others' are never asked for)
            boolean whole = scope == null || scope.size() > WHOLE_SUGGESTIONS;
            Set<String> known = whole ? repo.suggestedKeys() : repo.suggestedKeys(scope);
            Set<List<Long>> dismissed = whole ? repo.dismissedPairs() : repo.dismissedPairs(scope);
            List<DuplicateScanner.Found> added = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                DuplicateScanner.Found f = found.get(i);
                List<Long> pair = List.of(Math.min(f.a(), f.b()), Math.max(f.a(), f.b()));
                pairs.add(pair);
                if (!dismissed.contains(pair) && known.add(pair.get(0) + "|" + pair.get(1) + "|" + f.reason())) {
                    added.add(f);
                    newPairs.add(pair);
                }
                if (i % 5000 == 0) {
                    cancellation.check();
                    progress.update(i, found.size(), "scan");
                }
            }
            repo.insertSuggestions(added);
            progress.update(found.size(), found.size(), "scan");
            return new ScanResult(pairs.size(), newPairs.size());
        });
    }

    /**
     * `db check`: the duplicates scan's stored keys against what the rows give now (ADR 0044); the keys of customers
     * whose stored keys differ are stored anew.
     *
     * @return the customers whose keys differed without a writer's mark (0 unless a writer forgot one)
     */
    public List<Long> repairDuplicateKeys(Cancellation cancellation) {
        return tx(c -> DuplicateKeys.check(c, true, cancellation));
    }

    /** "Not the same person": the pair leaves the review list for good (no scan or import brings it back). */
    public void dismiss(long customerA, long customerB) {
        if (customerA == customerB) {
            throw new IllegalArgumentException("a customer is always the same person as themselves");
        }
        tx(c -> {
            new DuplicateRepository(c).dismiss(customerA, customerB);
            return null;
        });
    }

    /** Side by side: these customers, the suggested survivor, and whose value each field keeps by default. */
    public MergePreview preview(Collection<Long> customerIds) {
        return preview(customerIds, null);
    }

    /** The same with a survivor of the owner's choice (null: the suggested one). */
    public MergePreview preview(Collection<Long> customerIds, Long survivorId) {
        List<Long> ids = distinct(customerIds);
        if (survivorId != null && !ids.contains(survivorId)) {
            throw new IllegalArgumentException("the customer to keep (#" + survivorId + ") is not among " + ids);
        }
        return tx(c -> {
            Map<Long, CustomerCard> cards = new DuplicateRepository(c).cards(ids);
            requireAll(ids, cards.keySet(), new DuplicateRepository(c).live(ids));
            List<CustomerCard> list = ids.stream().map(cards::get).toList();
            long survivor = survivorId != null ? survivorId : list.stream().min(Comparator.comparingInt((CustomerCard k) -> -k.orderCount())
                    .thenComparingLong(CustomerCard::id)).orElseThrow().id();
            List<Map<String, String>> rows = new MergeRepository(c).customers(ids);
            return new MergePreview(list, survivor, defaults(survivor, rows));
        });
    }

    /** Merges the customers into the survivor, in one transaction, and records how to undo it. */
    public MergeResult merge(MergeRequest request) {
        List<Long> ids = distinct(request.customerIds());
        long survivor = request.survivorId();
        if (!ids.contains(survivor)) {
            throw new IllegalArgumentException("the customer to keep (#" + survivor + ") is not among " + ids);
        }
        for (Long from : request.valuesFrom().values()) {
            if (!ids.contains(from)) {
                throw new IllegalArgumentException("a value is taken from #" + from + ", who is not being merged");
            }
        }
        MergeResult result = tx(c -> {
            MergeResult r = ShopCounters.around(c, ids, () -> doMerge(c, ids, survivor, request.valuesFrom()));
            com.fankeep.core.db.DuplicateKeyMarks.mark(c, ids);   // their scan keys (ADR 0044)
            return r;
        });
        changes.customersChanged(ids);
        return result;
    }

    /** Takes a merge back: the customers come back as they were, each with their own orders, channels and the rest. */
    public List<Long> undo(long mergeId) {
        List<Long> ids = tx(c -> {
            List<Long> back = ShopCounters.around(c, involved(read(c, mergeId)), () -> doUndo(c, mergeId));
            com.fankeep.core.db.DuplicateKeyMarks.mark(c, back);   // their scan keys (ADR 0044)
            return back;
        });
        changes.customersChanged(ids);
        return ids;
    }

    /** Merges, newest first. */
    public List<MergeRecord> history(int limit) {
        return tx(c -> {
            List<MergeRecord> out = new ArrayList<>();
            MergeRepository repo = new MergeRepository(c);
            for (Map<String, String> row : repo.mergeLog(limit)) {
                MergeUndoData data = parse(row.get("undo_data"), Long.parseLong(row.get("id")));
                out.add(new MergeRecord(Long.parseLong(row.get("id")), OffsetDateTime.parse(row.get("occurred_at")),
                        Long.parseLong(row.get("entity_id")), data.mergedIds(),
                        row.get("undone_at") == null ? null : OffsetDateTime.parse(row.get("undone_at"))));
            }
            return out;
        });
    }

    private MergeResult doMerge(Connection c, List<Long> ids, long survivor, Map<MergeField, Long> valuesFrom) throws SQLException {
        MergeRepository repo = new MergeRepository(c);
        requireAll(ids, ids, new DuplicateRepository(c).live(ids));
        // microseconds: what the column keeps, so undo can tell "as the merge left it" from "edited since"
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Map<String, String>> customers = repo.customers(ids);
        List<Map<String, String>> spend = repo.spend(ids);
        MergeRepository.MergeUndoCollector undo = new MergeRepository.MergeUndoCollector();
        List<Long> losers = ids.stream().filter(id -> id != survivor).toList();

        int orders = 0;
        int channels = 0;
        for (long loser : losers) {
            CampaignEntryMerge.resolve(repo, loser, survivor, undo);
            for (MergeRepository.Owned t : MergeRepository.OWNED) {
                int moved = repo.moveOwned(t, loser, survivor, undo);
                orders += t.table().equals("shop_order") ? moved : 0;
            }
            channels += repo.moveChannels(loser, survivor, undo);
            repo.repointCustomers(loser, survivor, ids, undo);
            repo.markMerged(loser, survivor, now);
        }
        repo.retireDoubleVotes(survivor, undo);
        repo.closeSuggestions(ids, undo);

        Map<String, String> survivorRow = row(customers, survivor);
        List<String> changed = new ArrayList<>(List.of("updated_at", "row_version"));
        Map<String, String> after = new java.util.LinkedHashMap<>(survivorRow);
        after.put("updated_at", now.toString());
        after.put("row_version", Integer.toString(Integer.parseInt(survivorRow.get("row_version")) + 1));
        for (var e : valuesFrom.entrySet()) {
            if (e.getValue() == survivor) {
                continue;
            }
            Map<String, String> source = row(customers, e.getValue());
            for (String col : e.getKey().columns()) {
                after.put(col, source.get(col));
                changed.add(col);
            }
        }
        if (ids.contains(parseLong(after.get("referred_by_id")))) {
            after.put("referred_by_id", null); // nobody is referred by themselves
            changed.add("referred_by_id");
        }
        RowImages.update(c, "customer", survivor, after, changed);
        repo.recomputeDerived(ids);
        CustomerSortKeys.refresh(c, ids);
        for (String col : changed) {
            undo.survivorAfter.put(col, after.get(col));
        }

        MergeUndoData data = new MergeUndoData(survivor, losers, now.toString(), customers, spend, undo.moves, undo.deleted,
                undo.primaryCleared, undo.suggestions, undo.survivorAfter,
                undo.votesRetired, undo.stock, List.of());
        long mergeId = repo.audit(survivor, "merged " + losers.stream().map(id -> "#" + id).toList() + " into #" + survivor, write(data));
        return new MergeResult(mergeId, survivor, losers, orders, channels);
    }

    private List<Long> doUndo(Connection c, long mergeId) throws SQLException {
        MergeRepository repo = new MergeRepository(c);
        MergeUndoData data = read(c, mergeId);
        long survivor = data.survivorId();
        if (!data.erasedIds().isEmpty()) {
            throw new MergeRefusedException("merge.undo.erased", "merge " + mergeId + " cannot be undone: customer "
                    + data.erasedIds() + " was erased since", mergeId, data.erasedIds().toString());
        }
        Long newest = repo.newestMergeOf(survivor);
        if (newest != null && newest != mergeId) {
            throw new IllegalStateException("#" + survivor + " was merged again later (merge " + newest + "): undo that one first");
        }
        for (long loser : data.mergedIds()) {
            if (!repo.exists("select 1 from customer where id = ? and merged_into_id = ?", loser, survivor)) {
                throw new IllegalStateException("customer #" + loser + " is no longer merged into #" + survivor);
            }
        }
        List<Long> ids = new ArrayList<>(data.mergedIds());
        ids.addFirst(survivor);

        List<MergeUndoData.Move> moves = new ArrayList<>(data.moves());
        java.util.Collections.reverse(moves);
        for (MergeUndoData.Move m : moves) {
            Object key = RowImages.value(m.key(), RowImages.columnTypes(c, m.table()).get(m.keyColumn()));
            repo.execute("update " + m.table() + " set " + m.column() + " = ? where " + m.keyColumn() + " = ? and "
                    + m.column() + " = ?", m.from(), key, survivor);
        }
        repo.restoreVotes(data.votesRetired()); // after the moves: each vote is its own customer's again
        for (long id : data.primaryCleared()) {
            repo.execute("update contact_channel set is_primary = true where id = ?", id);
        }
        for (MergeUndoData.Deleted d : data.deleted()) {
            RowImages.insert(c, d.table(), d.row());
        }
        CampaignEntryMerge.undo(c, data.campaignStock());
        for (Map<String, String> s : data.suggestions()) {
            RowImages.update(c, "merge_suggestion", Long.parseLong(s.get("id")), s, List.of("status", "decided_at"));
        }

        // The survivor gets back each column the merge changed, unless someone changed it again since.
        Map<String, String> current = row(repo.customers(List.of(survivor)), survivor);
        Map<String, String> before = row(data.customers(), survivor);
        List<String> restore = new ArrayList<>(DERIVED);
        for (var e : data.survivorAfter().entrySet()) {
            if (Objects.equals(normalize(current.get(e.getKey())), normalize(e.getValue()))) {
                restore.add(e.getKey());
            }
        }
        RowImages.update(c, "customer", survivor, before, restore);
        for (long loser : data.mergedIds()) {
            Map<String, String> image = new java.util.LinkedHashMap<>(row(data.customers(), loser));
            image.remove("id");
            RowImages.update(c, "customer", loser, image, List.copyOf(image.keySet()));
        }
        repo.execute("delete from customer_spend where customer_id in " + MergeRepository.in(ids), ids.toArray());
        for (Map<String, String> s : data.spend()) {
            RowImages.insert(c, "customer_spend", s);
        }
        // always from the orders: an import undone after the merge deletes orders and leaves no time stamp to see
        // (TierIncrementalTest, seed 19401103224493, found the survivor keeping figures of orders that were gone)
        repo.recomputeDerived(ids);
        CustomerSortKeys.refresh(c, ids);
        repo.markUndone(mergeId);
        return ids;
    }

    /** Survivor's value when it has one, else the first customer's (in the given order) who has one. */
    private static Map<MergeField, Long> defaults(long survivor, List<Map<String, String>> rows) {
        Map<MergeField, Long> out = new EnumMap<>(MergeField.class);
        Map<String, String> s = row(rows, survivor);
        for (MergeField f : MergeField.values()) {
            long from = survivor;
            if (!f.present(s)) {
                for (Map<String, String> r : rows) {
                    if (f.present(r)) {
                        from = Long.parseLong(r.get("id"));
                        break;
                    }
                }
            }
            out.put(f, from);
        }
        return out;
    }

    private static Map<String, String> row(List<Map<String, String>> rows, long id) {
        String key = Long.toString(id);
        return rows.stream().filter(r -> key.equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no customer #" + id));
    }

    private static String normalize(String v) {
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant().toString();
        } catch (RuntimeException notATime) {
            return v;
        }
    }

    private static Long parseLong(String s) {
        return s == null ? null : Long.valueOf(s);
    }

    private static List<Long> distinct(Collection<Long> ids) {
        List<Long> list = new ArrayList<>(new LinkedHashSet<>(ids));
        if (list.size() < 2) {
            throw new IllegalArgumentException("a merge needs at least two different customers");
        }
        return list;
    }

    private static void requireAll(List<Long> wanted, Collection<Long> found, List<Long> live) {
        for (Long id : wanted) {
            if (!found.contains(id)) {
                throw new IllegalArgumentException("no customer #" + id);
            }
            if (!live.contains(id)) {
                throw new IllegalArgumentException("customer #" + id + " was merged away or erased");
            }
        }
    }

    private static List<Long> involved(MergeUndoData data) {
        List<Long> ids = new ArrayList<>(data.mergedIds());
        ids.add(data.survivorId());
        return ids;
    }

    private MergeUndoData read(Connection c, long mergeId) throws SQLException {
        return parse(new MergeRepository(c).undoData(mergeId), mergeId);
    }

    private static MergeUndoData parse(String json, long mergeId) {
        try {
            return JSON.readValue(json, MergeUndoData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the record of merge " + mergeId + " cannot be read", e);
        }
    }

    private static String write(MergeUndoData data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        return database.transactionResult(dsl -> dsl.connectionResult(work::run));
    }
}
