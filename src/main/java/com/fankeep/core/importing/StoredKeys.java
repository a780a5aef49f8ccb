package com.fankeep.core.importing;

import com.fankeep.core.importing.identity.IdentityIndex;
import com.fankeep.core.importing.identity.IdentityKey;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The stored identity keys a run matches buyers against (ADR 0050). A file small against the shop has its own keys
 * looked up, a chunk at a time before the chunk is matched; otherwise every stored key is read once. Either way a
 * key is in the index before any buyer is matched by it, with the same customer, so both match alike.
 */
final class StoredKeys {

    /**
     * How the stored keys are read: up to {@code lookUps} keys are looked up, then all are read; null: by the rule
     * below (the app). Tests set one way and compare.
     */
    record Reading(Long lookUps) {
        static final Reading AUTO = new Reading(null);
        static final Reading LOOK_UP = new Reading(Long.MAX_VALUE);
        static final Reading READ_ALL = new Reading(-1L);
    }

    /**
     * Looking up one key costs about as much CPU as reading this many stored channel rows in the full read (measured
     * on the 1,000,000-order shop, ADR 0050: 27 µs per key looked up, 6 µs per channel row read, process CPU).
     */
    static final long LOOKUP_COST = 5;
    /** Key channels per live customer, on the low side (the 1M shop: 595,000 for 300,000), so the rule errs to reading. */
    static final long CHANNELS_PER_CUSTOMER = 2;
    /** Keys per order, on the high side (an account and a mobile; e-mail on some platforms), for the estimate. */
    static final long KEYS_PER_ORDER = 2;

    private final ImportRepository repo;
    private final IdentityIndex index;
    /** Keys to look up, at most, before reading them all is cheaper. */
    private final long budget;
    private Set<IdentityKey> lookedUp = new HashSet<>();
    private boolean all;

    private StoredKeys(ImportRepository repo, IdentityIndex index, long budget) {
        this.repo = repo;
        this.index = index;
        this.budget = budget;
    }

    /**
     * @param estimatedOrders the files' orders, estimated from their sizes on the high side (BulkPolicy)
     */
    static StoredKeys of(ImportRepository repo, IdentityIndex index, Reading reading, long estimatedOrders) throws SQLException {
        long budget = reading.lookUps() != null ? reading.lookUps() : repo.liveCustomers() * CHANNELS_PER_CUSTOMER / LOOKUP_COST;
        StoredKeys keys = new StoredKeys(repo, index, budget);
        long estimatedKeys = reading.lookUps() != null ? 0 : estimatedOrders * KEYS_PER_ORDER;
        if (budget < 0 || estimatedKeys > budget) {
            keys.readAll();
        }
        return keys;
    }

    /** Whether every stored key was read (rather than the file's own looked up). */
    boolean readWhole() {
        return all;
    }

    /** Makes sure these keys' stored customers are in the index; call before matching any buyer by them. */
    void prepare(Collection<IdentityKey> keys) throws SQLException {
        if (all) {
            return;
        }
        Set<IdentityKey> fresh = new java.util.LinkedHashSet<>();
        for (IdentityKey k : keys) {
            if (!lookedUp.contains(k)) {
                fresh.add(k);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        if (lookedUp.size() + (long) fresh.size() > budget) {
            readAll(); // the file has more keys than its size said (a contact list): reading them all is cheaper now
            return;
        }
        repo.lookUpIdentityKeys(fresh, index);
        lookedUp.addAll(fresh);
    }

    /**
     * Reads every stored key but those already looked up: the run may have matched buyers by those and added its
     * own customers under them, as it does under keys read at the start.
     */
    private void readAll() throws SQLException {
        repo.loadIdentityKeys(index, lookedUp);
        all = true;
        lookedUp = Set.of();
    }
}
