package com.fankeep.core.privacy;

import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.Database;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a customer on request (PIPL Art. 47, GDPR Art. 17), in one transaction: name, birthday, region, notes and
 * every contact channel removed; interactions, follow-ups, match evidence, duplicate suggestions, their undo records
 * and pending export lists removed, their part taken out of other changes' undo records ({@link UndoRecords}); orders kept for the shop's accounts but without receiver, address, phone, buyer
 * account or e-mail. The customer row stays as an anonymous "erased" record so order totals still add up. The
 * erasure log gets the customer number, the time and a reason code, nothing personal.
 * Backups made before the erasure still hold the data until they are rotated away or {@link ErasedInBackups} is run.
 */
public final class ErasureService {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureService.class);

    private final Database database;
    private final CustomerChangeListener listener;
    private final Clock clock;

    public ErasureService(Database database, CustomerChangeListener listener, Clock clock) {
        this.database = database;
        this.listener = listener;
        this.clock = clock;
    }

    public ErasureService(Database database, CustomerChangeListener listener) {
        this(database, listener, Clock.systemDefaultZone());
    }

    Database database() {
        return database;
    }

    /** Erases customer {@code id}; throws {@link IllegalArgumentException} for an unknown id. */
    public ErasureResult erase(long id, ErasureReason reason) {
        ErasureResult result = database.transactionResult(dsl -> {
            ErasureRepository repo = new ErasureRepository(dsl);
            Boolean erased = repo.erased(id);
            if (erased == null) {
                throw new IllegalArgumentException("no customer #" + id);
            }
            if (erased) {
                return new ErasureResult(id, List.of(id), 0, 0, true);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            ErasureResult done = eraseRecords(repo, id, repo.withMergedRecords(id), now);
            repo.log(now, id, reason.code());
            return done;
        });
        if (!result.alreadyErased()) {
            LOG.info("erased customer #{} ({} records, {} orders anonymized)", id, result.customerIds().size(),
                    result.ordersAnonymized());
            listener.customersChanged(result.customerIds());
        }
        return result;
    }

    /** The erasure itself, inside the caller's transaction: customer {@code id}'s records {@code ids}. */
    static ErasureResult eraseRecords(ErasureRepository repo, long id, List<Long> ids, OffsetDateTime now) {
        int orders = 0;
        int removed = 0;
        var counted = com.fankeep.core.db.ShopCounters.ofCustomers(repo.dsl(), ids);
        // before the channels and orders are cleared: the scrub finds the records by them
        removed += UndoRecords.scrub(repo.dsl(), ids);
        for (long c : ids) {
            Set<String> values = repo.identifyingValues(c);
            orders += repo.anonymizeOrders(c, now);
            removed += repo.removePersonalRows(c);
            removed += repo.removeProblemsHolding(values);
            repo.clearCustomer(c, now);
        }
        repo.refreshSortKeys(ids);
        com.fankeep.core.db.ShopCounters.changed(repo.dsl(), counted);
        return new ErasureResult(id, ids, orders, removed, false);
    }
}
