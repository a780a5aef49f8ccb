package com.fankeep.core.customer;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search-as-you-type over the customers of one database. The index is built in the background
 * ({@link #buildAsync}); until it is ready, {@link #search} answers with nothing and {@link #isReady} is false.
 * Writers (import, merge, erase, undo) call {@link #refresh} or {@link #remove} after they commit.
 */
public final class CustomerSearchService implements CustomerChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerSearchService.class);
    /** Above this many changed customers a full rebuild is cheaper than reading them one chunk at a time. */
    private static final int REBUILD_ABOVE = 20_000;

    private final Database db;
    private volatile CustomerSearchIndex index;
    /** Customers changed while a build read the tables: refreshed again once the build is in place. */
    private final Set<Long> changedDuringBuild = ConcurrentHashMap.newKeySet();
    private final Object buildLock = new Object();
    private volatile int building;

    /** The index of the last session, kept beside the database while no FanKeep has it open. */
    public static final String SNAPSHOT_FILE = "search-index.bin";

    private final java.nio.file.Path snapshot;

    public CustomerSearchService(Database db) {
        this.db = db;
        this.snapshot = db.dataDir().resolve(SNAPSHOT_FILE);
    }

    /**
     * Takes the index the last session saved, if there is one, and deletes the file: while FanKeep runs there is none,
     * so a crash or a command-line change can never leave a stale one behind. The caller still builds afresh in the
     * background (a writer that tells no listener could have changed something); searches answer meanwhile.
     *
     * @return true when the index is ready from the snapshot
     */
    public boolean loadSnapshot() {
        if (db.encrypted()) {
            discardSnapshot(); // one left from before encryption was turned on holds names and phones in clear
            return false;
        }
        if (!java.nio.file.Files.isRegularFile(snapshot)) {
            return false;
        }
        try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(snapshot), 1 << 16))) {
            CustomerSearchIndex loaded = CustomerSearchIndex.readFrom(in);
            synchronized (buildLock) {
                if (index == null) {
                    index = loaded;
                }
            }
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("search index snapshot not usable ({}); building it", e.toString());
            return false;
        } finally {
            discardSnapshot();
        }
    }

    /** Saves the index for the next start (the app calls it when it closes); written whole or not at all. */
    public void saveSnapshot() {
        CustomerSearchIndex current = index;
        if (db.encrypted()) {
            discardSnapshot(); // it would hold names and phones in clear beside the encrypted database (ADR 0011)
            return;
        }
        if (current == null || building > 0) {
            return;
        }
        java.nio.file.Path tmp = snapshot.resolveSibling(SNAPSHOT_FILE + ".tmp");
        try {
            try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(tmp), 1 << 16))) {
                current.writeTo(out);
            }
            java.nio.file.Files.move(tmp, snapshot, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            LOG.warn("search index snapshot not saved: {}", e.toString());
            discardSnapshot();
        }
    }

    /** Customers changed: a saved snapshot (this process did not load it, e.g. the CLI) no longer matches. */
    private void discardSnapshot() {
        try {
            java.nio.file.Files.deleteIfExists(snapshot);
            java.nio.file.Files.deleteIfExists(snapshot.resolveSibling(SNAPSHOT_FILE + ".tmp"));
        } catch (java.io.IOException e) {
            LOG.warn("search index snapshot cannot be deleted: {}", e.toString());
        }
    }

    /** Builds the index on {@code executor}; the future completes with the index size. */
    public CompletableFuture<Integer> buildAsync(Executor executor, Progress progress, Cancellation cancellation) {
        return CompletableFuture.supplyAsync(() -> build(progress, cancellation), executor);
    }

    /** Builds the index on the calling thread (one streamed read of customers and channels). */
    public int build(Progress progress, Cancellation cancellation) {
        synchronized (buildLock) {
            building++;
            try {
                int size = buildNow(progress, cancellation);
                List<Long> again = new ArrayList<>(changedDuringBuild);
                changedDuringBuild.removeAll(again);
                refreshAll(again);
                return size;
            } finally {
                building--;
            }
        }
    }

    /**
     * Reads customers and channels (two scans side by side), then builds the index in two halves side by side and
     * joins them: the pinyin and key work is about a third of a cold build.
     */
    private int buildNow(Progress progress, Cancellation cancellation) {
        CustomerSearchRepository repo = new CustomerSearchRepository(db.dsl());
        long total = repo.countAll();
        progress.update(0, total, "search index");
        CustomerSearchRepository.Loaded loaded = repo.read(progress, cancellation);
        int n = loaded.size();
        int half = n / 2;
        CustomerSearchIndex.Builder first = CustomerSearchIndex.builder();
        CustomerSearchIndex.Builder second = CustomerSearchIndex.builder();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        CompletableFuture<Void> firstHalf = CompletableFuture.runAsync(() -> loaded.forEach(0, half, e -> {
            first.add(e);
            done.incrementAndGet(); // progress is told from this thread only
        }, cancellation), command -> Thread.ofPlatform().name("search-index-build").start(command));
        try {
            loaded.forEach(half, n, e -> {
                second.add(e);
                count(done, progress, total);
            }, cancellation);
        } finally {
            try {
                firstHalf.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        CustomerSearchIndex built = CustomerSearchIndex.Builder.join(List.of(first, second));
        index = built;
        progress.update(n, total, "search index");
        return built.size();
    }

    private static void count(java.util.concurrent.atomic.AtomicLong done, Progress progress, long total) {
        long d = done.incrementAndGet();
        if (d % 50_000 == 0) {
            progress.update(d, total, "search index");
        }
    }

    public boolean isReady() {
        return index != null;
    }

    /**
     * Customer ids matching {@code query}, best first. Order numbers are looked up in the database (its unique index,
     * always current) and come first; the rest is the in-memory index, empty while that is being built.
     */
    public long[] search(String query, int limit) {
        CustomerSearchIndex current = index;
        long[] indexed = current == null ? new long[0] : current.search(query, limit);
        OrderNumberQuery orders = OrderNumberQuery.of(query);
        if (orders.isEmpty() || limit <= 0) {
            return indexed;
        }
        long[] byOrder = new CustomerSearchRepository(db.dsl()).customersByOrderNumber(orders.exact(), orders.prefixes(), limit);
        if (byOrder.length == 0) {
            return indexed;
        }
        java.util.LinkedHashSet<Long> merged = new java.util.LinkedHashSet<>();
        for (long id : byOrder) {
            merged.add(id);
        }
        for (long id : indexed) {
            merged.add(id);
        }
        return merged.stream().mapToLong(Long::longValue).limit(limit).toArray();
    }

    /** Re-reads one customer after it changed: puts it back, or removes it if merged away or erased. */
    public void refresh(long customerId) {
        refreshAll(List.of(customerId));
    }

    /** The {@link CustomerChangeListener} hook: services call it after their commit. */
    @Override
    public void customersChanged(Collection<Long> customerIds) {
        refreshAll(customerIds);
    }

    /** Re-reads the customers (a chunked read); live ones are put back, merged-away or erased ones removed. */
    public void refreshAll(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        discardSnapshot();
        if (building > 0) {
            changedDuringBuild.addAll(customerIds);
        }
        CustomerSearchIndex current = index;
        if (current == null) {
            return; // the build reads the committed state (or refreshes these when it is done)
        }
        if (customerIds.size() > REBUILD_ABOVE) {
            build(Progress.NONE, Cancellation.none());
            return;
        }
        List<Long> ids = new ArrayList<>(customerIds);
        CustomerSearchRepository repo = new CustomerSearchRepository(db.dsl());
        List<CustomerEntry> live = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1_000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1_000));
            List<CustomerEntry> entries = repo.loadAll(chunk);
            Set<Long> found = new java.util.HashSet<>();
            entries.forEach(e -> found.add(e.id()));
            for (long id : chunk) {
                if (!found.contains(id)) {
                    current.remove(id);
                }
            }
            live.addAll(entries);
        }
        current.putAll(live);
    }

    /** After an import committed: refreshes the customers its batches created, matched or gave channels. */
    public void importCommitted(Collection<Long> batchIds) {
        discardSnapshot();
        if (batchIds.isEmpty() || (index == null && building == 0)) {
            return;
        }
        refreshAll(new CustomerSearchRepository(db.dsl()).customersOfBatches(batchIds));
    }

    /** After an import that names the customers it created, gave a channel or wrote an order for: only they are read. */
    public void customersImported(Collection<Long> customerIds) {
        discardSnapshot();
        if (customerIds.isEmpty() || (index == null && building == 0)) {
            return;
        }
        refreshAll(customerIds);
    }

    /** After an import was undone its customers are gone without a trace to follow: the index is built again. */
    public void importUndone(long batchId) {
        discardSnapshot();
        if (index == null && building == 0) {
            return; // the first build has not started: it will read the state after the undo
        }
        LOG.info("search index rebuilt after import {} was undone", batchId);
        build(Progress.NONE, Cancellation.none());
    }

    public void remove(long customerId) {
        CustomerSearchIndex current = index;
        if (current != null) {
            current.remove(customerId);
        }
    }
}
