package com.fankeep.core.tier;

import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.Database;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiers from purchase history (RFM, ADR 0015): the preview while the owner edits thresholds, recomputing the customers a
 * change touched (imports, undo, merges, erasures, edits hear about it through listeners), the full recompute, the
 * daily pass, pins and the history of every change.
 */
public final class TierService {

    private static final Logger LOG = LoggerFactory.getLogger(TierService.class);
    static final String PREFIX = "tier.";
    static final String DAILY_KEY = "daily.lastRun";
    private static final int CHUNK_IDS = 1_000;
    private static final int CHUNK_RANGE = 20_000;

    private final Database database;
    private final SettingsService settings;
    private final Clock clock;

    public TierService(Database database, SettingsService settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    public TierSettings settings() {
        return TierSettings.fromValues(settings.values(PREFIX));
    }

    /** Stores new thresholds and rates; the caller then runs {@link #recomputeAll} (a long job) to apply them. */
    public void saveSettings(TierSettings s) {
        settings.putValues(PREFIX, s.toValues());
    }

    /** Currencies customers have spent in (Settings lists a rate for each). */
    public List<String> currencies() {
        return database.transactionResult(dsl -> new TierRepository(dsl).currencies());
    }

    /** How many customers each tier would hold under {@code s}; one query, for the live preview in Settings. */
    public List<TierCount> preview(TierSettings s) {
        TierCutoffs cut = TierCutoffs.on(today(), clock.getZone(), s);
        return sorted(database.transactionResult(dsl -> new TierRepository(dsl).preview(s, cut)));
    }

    /** Live customers per tier as stored, best tier first, then those with no tier (tier null). */
    public List<TierCount> counts() {
        return sorted(database.transactionResult(dsl -> new TierRepository(dsl).counts()));
    }

    /** Customers who moved into each tier since {@code since} ("12 became VIP this month"). */
    public List<TierCount> movedInto(OffsetDateTime since) {
        return sorted(database.transactionResult(dsl -> new TierRepository(dsl).movedInto(since)));
    }

    /** A customer's tier changes, newest first. */
    public List<TierChange> history(long customerId) {
        return database.transactionResult(dsl -> new TierRepository(dsl).history(customerId));
    }

    public Optional<TierPin> pin(long customerId) {
        return database.transactionResult(dsl -> new TierRepository(dsl).pin(customerId));
    }

    /** Recomputes these customers (and, when referrals count, their referrers) after a change; returns how many changed. */
    public int recompute(Collection<Long> customerIds, TierReason reason) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        TierSettings s = settings();
        TierCutoffs cut = TierCutoffs.on(today(), clock.getZone(), s);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = database.transactionResult(dsl -> recompute(new TierRepository(dsl), s, cut, customerIds, reason, now));
        if (changed > 0) {
            LOG.info("tiers: {} of {} customers changed ({})", changed, customerIds.size(), reason.code());
        }
        return changed;
    }

    /**
     * As {@link #recompute(Collection, TierReason)} on {@code copy} (the bulk path's private copy, before its indexes are
     * built: ADR 0055), from one read of each table it needs ({@link TiersOnCopy}), in the caller's transaction, with the
     * settings the copy holds. Returns false and does nothing when referrals count: their look-up by referrer needs the
     * customer index the copy has dropped.
     */
    public boolean recomputeOnCopy(java.sql.Connection copy, Collection<Long> customerIds, TierReason reason) throws java.sql.SQLException {
        TierSettings s = TierSettings.fromValues(com.fankeep.core.settings.SettingsService.valuesIn(
                org.jooq.impl.DSL.using(copy, org.jooq.SQLDialect.H2, Database.jooqSettings()), PREFIX));
        if (s.countReferrals()) {
            return false;
        }
        TierCutoffs cut = TierCutoffs.on(today(), clock.getZone(), s);
        int changed = customerIds.isEmpty() ? 0 : com.fankeep.core.db.LazyReads.run(copy, () -> TiersOnCopy.recompute(copy, s, cut,
                customerIds, reason, OffsetDateTime.now(clock), CHUNK_IDS, CHUNK_RANGE));
        if (changed > 0) {
            LOG.info("tiers: {} of {} customers changed ({}, on the bulk copy)", changed, customerIds.size(), reason.code());
        }
        return true;
    }

    private static int recompute(TierRepository repo, TierSettings s, TierCutoffs cut, Collection<Long> customerIds, TierReason reason,
                                 OffsetDateTime now) {
        int n = 0;
        for (List<Long> part : TierRepository.chunks(customerIds, CHUNK_IDS, s.countReferrals() ? 0 : CHUNK_RANGE)) {
            if (TierRepository.isRun(part)) {
                // consecutive ids (a bulk import's new customers): a range, not a list of 1,000 bound ids (ADR 0053)
                n += repo.recompute(s, cut, part.getFirst(), part.getLast(), reason, now);
                repo.forgetErasedBetween(part.getFirst(), part.getLast());
                continue;
            }
            Set<Long> ids = new LinkedHashSet<>(part);
            if (s.countReferrals()) {
                ids.addAll(repo.referrers(part));
            }
            n += repo.recompute(s, cut, ids, reason, now);
            repo.forgetErased(part);
        }
        return n;
    }

    /**
     * Every customer, one transaction per chunk of ids (ADR 0015): a recompute is idempotent, so a chunk once committed
     * is simply right. Cancelling (or a kill) stops between chunks and keeps the chunks done; the rest keep their old
     * tier until the next recompute, which finishes the job. One transaction for 300,000 customers cost more in its
     * commit than in its updates.
     */
    public RecomputeResult recomputeAll(Progress progress, Cancellation cancellation) {
        return recomputeAll(TierReason.RECOMPUTE, progress, cancellation);
    }

    private RecomputeResult recomputeAll(TierReason reason, Progress progress, Cancellation cancellation) {
        long start = System.nanoTime();
        TierSettings s = settings();
        TierCutoffs cut = TierCutoffs.on(today(), clock.getZone(), s);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long[] range = database.transactionResult(dsl -> new TierRepository(dsl).idRange());
        long total = Math.max(0, range[1] - range[0] + 1);
        long changed = 0;
        for (long from = range[0]; from <= range[1]; from += CHUNK_RANGE) {
            cancellation.check();
            long lo = from;
            long to = Math.min(range[1], from + CHUNK_RANGE - 1);
            changed += database.transactionResult(dsl -> new TierRepository(dsl).recompute(s, cut, lo, to, reason, now));
            progress.update(to - range[0] + 1, total, "tiers");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("tiers recomputed ({}): {} changed in {} ms", reason.code(), changed, millis);
        return new RecomputeResult(total, changed, millis);
    }

    /**
     * Once a day: moves the customers whose last order crossed a recency threshold since the last pass (a full
     * recompute the first time). Returns null when it already ran today.
     */
    public RecomputeResult dailyPass(Progress progress, Cancellation cancellation) {
        LocalDate today = today();
        Map<String, String> values = settings.values(PREFIX);
        LocalDate last = parseDate(values.get(DAILY_KEY));
        if (today.equals(last)) {
            return null;
        }
        RecomputeResult result;
        if (last == null || last.isAfter(today)) {
            result = recomputeAll(TierReason.DAILY, progress, cancellation);
        } else {
            long start = System.nanoTime();
            TierSettings s = settings();
            Set<Long> ids = new LinkedHashSet<>();
            database.transaction(dsl -> {
                TierRepository repo = new TierRepository(dsl);
                for (int days : s.recencyDays()) {
                    ids.addAll(repo.lastOrderBetween(TierCutoffs.daysBefore(last, clock.getZone(), days),
                            TierCutoffs.daysBefore(today, clock.getZone(), days)));
                }
            });
            int changed = recompute(ids, TierReason.DAILY);
            result = new RecomputeResult(ids.size(), changed, (System.nanoTime() - start) / 1_000_000);
        }
        settings.putValues(PREFIX, Map.of(DAILY_KEY, today.toString()));
        return result;
    }

    /** Sets a customer's tier by hand; recomputing leaves it until {@link #unpin}. */
    public void pin(long customerId, Tier tier, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why the tier is pinned (e.g. \"runs the Shanghai circle\")");
        }
        String note = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.transaction(dsl -> {
            TierRepository repo = new TierRepository(dsl);
            requireLive(repo, customerId);
            repo.putPin(customerId, tier.code(), note, now);
            String from = repo.tier(customerId);
            repo.setTier(customerId, from, tier.code(), TierReason.PIN, note, now);
        });
    }

    /** Removes a pin and recomputes the customer at once; false when there was none. */
    public boolean unpin(long customerId) {
        boolean removed = database.transactionResult(dsl -> {
            TierRepository repo = new TierRepository(dsl);
            requireLive(repo, customerId);
            return repo.removePin(customerId);
        });
        if (removed) {
            recompute(List.of(customerId), TierReason.UNPIN);
        }
        return removed;
    }

    /** A listener for a service that changes customers: recomputes them with {@code reason} after its commit. */
    public CustomerChangeListener changes(TierReason reason) {
        return ids -> {
            try {
                recompute(ids, reason);
            } catch (RuntimeException e) {
                // the change itself is committed; the next daily pass or a full recompute catches the tiers up
                LOG.error("tiers not updated after {} of {} customers", reason.code(), ids.size(), e);
            }
        };
    }

    /** After an import: recomputes the customers whose orders these batches wrote or changed; returns how many changed. */
    public int importCommitted(Collection<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return 0;
        }
        Set<Long> ids = database.transactionResult(dsl -> new TierRepository(dsl).customersOfBatches(batchIds));
        return recompute(ids, TierReason.IMPORT);
    }

    private static void requireLive(TierRepository repo, long customerId) {
        if (!repo.exists(customerId)) {
            throw new IllegalArgumentException("no customer #" + customerId);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static LocalDate parseDate(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Best tier first, no tier last; every tier listed (0 when empty) so lists and JSON have a fixed shape. */
    private static List<TierCount> sorted(List<TierCount> counts) {
        List<TierCount> out = new ArrayList<>();
        for (Tier t : Tier.values()) {
            out.add(new TierCount(t.code(), counts.stream().filter(c -> t.code().equals(c.tier())).mapToLong(TierCount::count).sum()));
        }
        long none = counts.stream().filter(c -> c.tier() == null).mapToLong(TierCount::count).sum();
        out.add(new TierCount(null, none));
        return out;
    }
}
