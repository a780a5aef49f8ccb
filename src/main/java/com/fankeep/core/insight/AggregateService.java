package com.fankeep.core.insight;

import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportListener;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's aggregates (ADR 0021): orders per buyer per day, platform and currency, and each buyer's first and
 * second paid order. Two entry points for every writer of orders: {@link #recompute} the customers a change touched,
 * {@link #rebuildAll} from nothing. After a session that did not close cleanly, totals of the orders compared with the
 * same totals of the stored rows tell whether a change was committed without its refresh (a crash in between);
 * {@link #ensureCurrent} then rebuilds. Nothing is stored per refresh for that (ADR 0043).
 */
public final class AggregateService {

    private static final Logger LOG = LoggerFactory.getLogger(AggregateService.class);
    /** Written by sessions before ADR 0043 (a copy of the orders' fingerprint per refresh); a rebuild removes it. */
    static final String FINGERPRINT = "aggregates.fingerprint";
    /** Present from the start of a rebuild to its end: a rebuild stopped half-way (cancel, kill) is redone. */
    static final String REBUILDING = "aggregates.rebuilding";
    /** Customers per recount statement (10,000 was slower at 1M orders: 150 s against 106 s CPU, ADR 0039). */
    private static final int CHUNK_IDS = 1_000;
    private static final long CHUNK_RANGE = 20_000;

    /** What `db check` found: customers whose stored rows differ from a recount (0: sound). */
    public record Check(long customersChecked, long chunksWrong, boolean fingerprintCurrent, boolean repaired, List<String> sample) {
        public boolean ok() {
            return chunksWrong == 0 && fingerprintCurrent;
        }
    }

    private final Database database;
    private final ZoneId zone;

    public AggregateService(Database database, ZoneId zone) {
        this.database = database;
        this.zone = zone;
        if (KNOWN.equals(database.closeNote(NOTE).orElse(null))) {
            knownAt = database.openedAt();
        }
        database.noteAtClose(NOTE, () -> knownCurrent() ? KNOWN : null);
    }

    /** The note a clean close leaves when the aggregates matched the orders then (ADR 0037). */
    static final String NOTE = "aggregates";
    private static final String KNOWN = "current";
    /** What the aggregates are counted from: a write to one of these not followed by a refresh makes them unknown. */
    static final Set<String> SOURCES = Set.of("shop_order", "import_batch", "customer", "contact_channel");
    /** The data version at which the aggregates were known to match the orders; null: not known (check them). */
    private Long knownAt;

    /**
     * True when the aggregates are known to match the orders without reading them: they did at the last clean close (or
     * a full check or a rebuild in this session), and every write since to what they count from was followed by its
     * refresh.
     */
    synchronized boolean knownCurrent() {
        return knownAt != null && !database.dataChangesSince(knownAt).touches(SOURCES);
    }

    /** After a refresh that began at {@code version}: what was known current stays so, with the refreshed changes. */
    private synchronized void refreshed(long version) {
        if (knownAt != null) {
            knownAt = Math.max(knownAt, version);
        }
    }

    private synchronized void known(Long version) {
        knownAt = version;
    }

    /**
     * The dashboard's check after it is filled: cheap when the aggregates are {@link #knownCurrent known current};
     * otherwise (a session that did not close cleanly, a write without its refresh) the full comparison of {@link
     * #current}. False: a change was committed without its refresh, rebuild.
     */
    public boolean openCheck() {
        if (knownCurrent()) {
            return true;
        }
        long version = database.dataVersion();
        boolean current = current();
        known(current ? version : null);
        LOG.info("aggregates checked against the orders (no clean close noted them current): {}", current ? "current" : "out of date");
        return current;
    }

    /** Recounts these customers (merged-away and erased ones leave the aggregates) and the orders of no live customer. */
    public void recompute(Collection<Long> customerIds) {
        recompute(customerIds, true);
    }

    /**
     * As {@link #recompute(Collection)}; with {@code anonymous} false the orders of no live customer are recounted only
     * when one of these customers is merged away or erased (an import that wrote no order without a customer).
     */
    private void recompute(Collection<Long> customerIds, boolean anonymous) {
        long start = System.nanoTime();
        long version = database.dataVersion();
        database.transaction(dsl -> recount(dsl, customerIds, zone, anonymous));
        refreshed(version);
        LOG.debug("aggregates: {} customers recounted in {} ms", customerIds.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The same recount in the caller's transaction (the bulk import's copy, ADR 0031). The anonymous bucket is recounted
     * when {@code anonymous} or when one of the customers is not live (their orders are the bucket's now): it is a read
     * of the bucket's orders, so it is skipped when nothing can have changed it (ADR 0043).
     */
    static void recount(DSLContext dsl, Collection<Long> customerIds, ZoneId zone, boolean anonymous) {
        Set<Long> ids = new TreeSet<>(customerIds);
        ids.remove(0L);
        AggregateRepository repo = new AggregateRepository(dsl);
        CounterRepository counters = new CounterRepository(dsl);
        List<Long> all = new ArrayList<>(ids);
        boolean bucket = anonymous;
        for (int i = 0; i < all.size(); i += CHUNK_IDS) {
            List<Long> part = all.subList(i, Math.min(all.size(), i + CHUNK_IDS));
            bucket = bucket || repo.anyNotLive(part);
            var before = counters.countsOf(part);
            repo.refreshOf(part, zone);
            counters.refreshFactsOf(part);
            counters.add(CounterRepository.difference(counters.countsOf(part), before));
        }
        if (bucket) {
            repo.refreshAnonymous(zone);
        }
    }

    /**
     * After a normal-path import that says what it added (ADR 0049): customers who kept every order they had get the new
     * orders' contributions added to their stored rows (or only their facts read again, when they got none);
     * customers one of whose stored orders changed, and chunks holding a customer no longer live, are recounted.
     */
    private void add(ImportListener.Written written) {
        long start = System.nanoTime();
        long version = database.dataVersion();
        int[] counted = database.transactionResult(dsl -> add(dsl, written, zone));
        refreshed(version);
        lastImport = counted;
        LOG.debug("aggregates: {} customers' new orders added, {} recounted in {} ms", counted[0], counted[1],
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The last import's [customers added to, recounted] (tests: the additions were taken). */
    private volatile int[] lastImport = {0, 0};

    int[] lastImport() {
        return lastImport.clone();
    }

    /** As {@link #add(ImportListener.Written)} in the caller's transaction; returns [customers added to, recounted]. */
    static int[] add(DSLContext dsl, ImportListener.Written written, ZoneId zone) {
        ImportListener.Additions additions = written.additions();
        Set<Long> all = new TreeSet<>(written.customers());
        all.addAll(additions.added().keySet());
        all.remove(0L);
        Set<Long> recount = new TreeSet<>(additions.ordersChanged());
        all.removeAll(recount);
        CounterRepository counters = new CounterRepository(dsl);
        List<Long> rest = new ArrayList<>(all);
        int added = 0;
        for (int i = 0; i < rest.size(); i += CHUNK_IDS) {
            List<Long> part = rest.subList(i, Math.min(rest.size(), i + CHUNK_IDS));
            var delta = dsl.connectionResult(c -> new AddedOrders(c, zone).add(part, additions.added()));
            if (delta == null) {
                recount.addAll(part);
                continue;
            }
            counters.add(delta);
            added += part.size();
        }
        recount(dsl, recount, zone, written.ordersWithoutCustomer());
        return new int[] {added, recount.size()};
    }

    /**
     * The counters from nothing, from the aggregates and the customers (after a bulk load that wrote buyer_first without
     * the services; {@link #rebuildAll} does it too).
     */
    public void recountCounters() {
        long[] range = database.transactionResult(dsl -> new AggregateRepository(dsl).customerIdRange());
        database.transaction(dsl -> new CounterRepository(dsl).deleteAll());
        for (long from = range[0]; from <= range[1]; from += CHUNK_RANGE) {
            long lo = from;
            long to = Math.min(range[1], from + CHUNK_RANGE - 1);
            database.transaction(dsl -> new CounterRepository(dsl).insertFactsBetween(lo, to));
        }
        database.transaction(dsl -> {
            CounterRepository counters = new CounterRepository(dsl);
            counters.replaceAll(counters.countsAll());
        });
    }

    /**
     * Every customer from nothing, a transaction per chunk of ids; a mark written first and removed last makes a rebuild
     * stopped half-way (cancel, kill) be redone on the next open.
     */
    public void rebuildAll(Progress progress, Cancellation cancellation) {
        long start = System.nanoTime();
        known(null); // until the last chunk is in
        long version = database.dataVersion();
        long[] range = database.transactionResult(dsl -> {
            AggregateRepository repo = new AggregateRepository(dsl);
            repo.putState(FINGERPRINT, null);
            repo.putState(REBUILDING, "yes");
            repo.deleteAll();
            new CounterRepository(dsl).deleteAll();
            return repo.customerIdRange();
        });
        long total = Math.max(0, range[1] - range[0] + 1);
        for (long from = range[0]; from <= range[1]; from += CHUNK_RANGE) {
            cancellation.check();
            long lo = from;
            long to = Math.min(range[1], from + CHUNK_RANGE - 1);
            database.transaction(dsl -> {
                AggregateRepository repo = new AggregateRepository(dsl);
                repo.insertBetween(lo, to, zone);
                new CounterRepository(dsl).insertFactsBetween(lo, to);
            });
            progress.update(to - range[0] + 1, total, "aggregates");
        }
        database.transaction(dsl -> {
            AggregateRepository repo = new AggregateRepository(dsl);
            repo.delete(List.of(0L));
            repo.insertAnonymous(zone);
            CounterRepository counters = new CounterRepository(dsl);
            counters.replaceAll(counters.countsAll());
            repo.putState(REBUILDING, null);
        });
        known(version);
        LOG.info("aggregates rebuilt: {} customer ids in {} ms", total, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * True when no rebuild was left half-way and the stored rows add up to what the orders give (count, customers, bought
     * and revenue orders, net spend, live customers): two reads of whole tables, for a session that did not end cleanly.
     */
    public boolean current() {
        return database.transactionResult(dsl -> {
            AggregateRepository repo = new AggregateRepository(dsl);
            return repo.state(REBUILDING) == null && repo.totalsOfOrders().equals(repo.totalsStored());
        });
    }

    /** Rebuilds when a change was committed without its refresh; returns whether it did. */
    public boolean ensureCurrent(Progress progress, Cancellation cancellation) {
        if (current()) {
            return false;
        }
        LOG.warn("aggregates out of date (a change committed without its refresh): rebuilding");
        rebuildAll(progress, cancellation);
        return true;
    }

    /** Compares every stored row with a recount of the orders, chunk by chunk; with {@code repair}, rebuilds when wrong. */
    public Check check(boolean repair, Progress progress, Cancellation cancellation) {
        long[] range = database.transactionResult(dsl -> new AggregateRepository(dsl).customerIdRange());
        long wrong = 0;
        List<String> sample = new ArrayList<>();
        for (long from = range[0]; from <= range[1]; from += CHUNK_RANGE) {
            cancellation.check();
            long lo = from;
            long to = Math.min(range[1], from + CHUNK_RANGE - 1);
            boolean same = database.transactionResult(dsl -> {
                AggregateRepository repo = new AggregateRepository(dsl);
                List<List<String>> facts = new CounterRepository(dsl).factsBetween(lo, to);
                return differences(AggregateRepository.rows(repo.ordersBetween(lo, to), zone).text(), repo.stored(lo, to), sample)
                        & differences(facts.get(1), facts.get(0), sample);
            });
            wrong += same ? 0 : 1;
            progress.update(to - range[0] + 1, range[1] - range[0] + 1, "aggregates check");
        }
        boolean anonymousSame = database.transactionResult(dsl -> {
            AggregateRepository repo = new AggregateRepository(dsl);
            return differences(AggregateRepository.rows(repo.anonymousOrders(), zone).text(), repo.stored(0, 0), sample);
        });
        wrong += anonymousSame ? 0 : 1;
        wrong += countersSame(sample) ? 0 : 1;
        boolean fingerprint = current();
        boolean repaired = false;
        if (repair && (wrong > 0 || !fingerprint)) {
            rebuildAll(progress, cancellation);
            repaired = true;
        }
        if (!repaired && (wrong > 0 || !fingerprint)) {
            known(null);
        }
        return new Check(Math.max(0, range[1] - range[0] + 1), wrong, fingerprint, repaired, List.copyOf(sample));
    }

    /** The stored counters against a full count of the rows they count. */
    private boolean countersSame(List<String> sample) {
        return database.transactionResult(dsl -> {
            CounterRepository counters = new CounterRepository(dsl);
            List<String> expected = new ArrayList<>();
            List<String> stored = new ArrayList<>();
            counters.countsAll().forEach((k, n) -> expected.add("n " + k.text() + " " + n));
            counters.stored().forEach((k, n) -> stored.add("n " + k.text() + " " + n));
            return differences(expected, stored, sample);
        });
    }

    /** True when equal; else adds a few differing rows ("+" expected, "-" stored) to {@code sample}. */
    private static boolean differences(List<String> expected, List<String> stored, List<String> sample) {
        if (expected.equals(stored)) {
            return true;
        }
        Set<String> e = new java.util.HashSet<>(expected);
        Set<String> s = new java.util.HashSet<>(stored);
        expected.stream().filter(x -> !s.contains(x)).limit(5).forEach(x -> sample.add("+ " + x));
        stored.stream().filter(x -> !e.contains(x)).limit(5).forEach(x -> sample.add("- " + x));
        return false;
    }

    /** Keeps the aggregates in step with imports and their undo. */
    public ImportListener importListener() {
        return new ImportListener() {
            /** Only when the caller does not say what the run wrote: finds the customers from the batches. */
            @Override
            public void committed(ImportSummary summary) {
                List<Long> batches = summary.files().stream().map(FileSummary::batchId).filter(Objects::nonNull).toList();
                if (!batches.isEmpty()) {
                    safely(() -> recompute(database.transactionResult(dsl -> new AggregateRepository(dsl).customersOfBatches(batches))),
                            "an import");
                }
            }

            /**
             * The run names every customer whose orders, channels or place it wrote (ADR 0043,
             * ImportWrittenCustomersTest): no look-up by batch, and the anonymous bucket only when it wrote an order of
             * nobody.
             */
            @Override
            public void committed(ImportSummary summary, Set<Long> orderCustomerIds, Written written) {
                if (written.additions() != null) {
                    safely(() -> add(written), "an import");
                    return;
                }
                safely(() -> recompute(written.customers(), written.ordersWithoutCustomer()), "an import");
            }

            /**
             * The bulk path: on the copy, before its indexes (these tables' too) are built, so the rows go in without
             * index maintenance and are swapped in with the orders they count. When the run wrote at least half of the
             * shop's customers, everything from nothing in one read of the orders (ADR 0053); else the same recount.
             */
            @Override
            public boolean onBulkCopy(java.sql.Connection copy, ImportSummary summary, Set<Long> orderCustomerIds, Written written) {
                DSLContext dsl = DSL.using(copy, SQLDialect.H2, Database.jooqSettings());
                if (wholeShop(dsl, written.customers().size())) {
                    try {
                        BulkAggregates.rebuild(dsl, copy, zone);
                    } catch (java.sql.SQLException e) {
                        throw new org.jooq.exception.DataAccessException("aggregates on the bulk copy", e);
                    }
                } else {
                    recount(dsl, written.customers(), zone, written.ordersWithoutCustomer());
                }
                return true;
            }

            @Override
            public void undone(long batchId, Collection<Long> customerIds) {
                safely(() -> recompute(customerIds), "an undo");
            }
        };
    }

    /** True when {@code written} customers are at least half of the shop's (a bulk import into an empty or small shop). */
    static boolean wholeShop(DSLContext dsl, long written) {
        return written > 0 && written * 2 >= dsl.fetchCount(DSL.table("customer"));
    }

    /**
     * Keeps the counters' facts (place, channel funnel) in step with edits of customers and their channels and with vCard
     * exports: only those facts are read again, not the customers' orders.
     */
    public CustomerChangeListener factChanges() {
        return ids -> safely(() -> refreshFacts(ids), "a customer edit");
    }

    /** Reads these customers' places and channel states again and changes the counters by the difference. */
    public void refreshFacts(Collection<Long> customerIds) {
        long version = database.dataVersion();
        List<Long> all = new ArrayList<>(new TreeSet<>(customerIds));
        all.remove(0L);
        for (int i = 0; i < all.size(); i += CHUNK_IDS) {
            List<Long> part = all.subList(i, Math.min(all.size(), i + CHUNK_IDS));
            database.transaction(dsl -> {
                CounterRepository counters = new CounterRepository(dsl);
                var before = counters.countsOf(part);
                counters.refreshFactsOf(part);
                counters.add(CounterRepository.difference(counters.countsOf(part), before));
            });
        }
        refreshed(version);
    }

    /** Keeps the aggregates in step with merges and erasures (and any other change to customers). */
    public CustomerChangeListener changes() {
        return ids -> safely(() -> recompute(ids), "a customer change");
    }

    private void safely(Runnable refresh, String what) {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            // the change is committed; the fingerprint no longer matches and no close notes them current: the next
            // dashboard check reads the orders and rebuilds
            known(null);
            LOG.error("dashboard aggregates not refreshed after {}", what, e);
        }
    }
}
