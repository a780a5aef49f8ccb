package com.fankeep.core.customer;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Search-as-you-type over the customers of one database. The index is built in the background
 * ({@link #buildAsync}); until it is ready, {@link #search} answers with nothing and {@link #isReady} is false.
 * Writers (import, merge, erase, undo) call {@link #refresh} or {@link #remove} after they commit.
 */
public final class CustomerSearchService {

    private final Database db;
    private volatile CustomerSearchIndex index;

    public CustomerSearchService(Database db) {
        this.db = db;
    }

    /** Builds the index on {@code executor}; the future completes with the index size. */
    public CompletableFuture<Integer> buildAsync(Executor executor, Progress progress, Cancellation cancellation) {
        return CompletableFuture.supplyAsync(() -> build(progress, cancellation), executor);
    }

    /** Builds the index on the calling thread (one streamed read of customers and channels). */
    public int build(Progress progress, Cancellation cancellation) {
        CustomerSearchRepository repo = new CustomerSearchRepository(db.dsl());
        long total = repo.countAll();
        CustomerSearchIndex.Builder builder = CustomerSearchIndex.builder();
        long[] done = {0};
        progress.update(0, total, "search index");
        repo.streamEntries(e -> {
            builder.add(e);
            if (++done[0] % 50_000 == 0) {
                progress.update(done[0], total, "search index");
            }
        }, progress, cancellation);
        CustomerSearchIndex built = builder.build();
        index = built;
        progress.update(done[0], total, "search index");
        return built.size();
    }

    public boolean isReady() {
        return index != null;
    }

    /** Customer ids matching {@code query}, best first; empty while the index is being built. */
    public long[] search(String query, int limit) {
        CustomerSearchIndex current = index;
        return current == null ? new long[0] : current.search(query, limit);
    }

    /** Re-reads one customer after it changed: puts it back, or removes it if merged away or erased. */
    public void refresh(long customerId) {
        CustomerSearchIndex current = index;
        if (current == null) {
            return; // the running build reads the committed state
        }
        CustomerEntry entry = new CustomerSearchRepository(db.dsl()).load(customerId);
        if (entry == null) {
            current.remove(customerId);
        } else {
            current.put(entry);
        }
    }

    public void remove(long customerId) {
        CustomerSearchIndex current = index;
        if (current != null) {
            current.remove(customerId);
        }
    }
}
