package com.fankeep.core.tier;

import static com.fankeep.core.db.jooq.Tables.AUDIT_LOG;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_SPEND;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TIER;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.db.jooq.Tables.TIER_HISTORY;
import static com.fankeep.core.db.jooq.Tables.TIER_PIN;

import com.fankeep.core.db.jooq.tables.Customer;
import com.fankeep.core.db.jooq.tables.CustomerSpend;
import com.fankeep.core.db.jooq.tables.TierPin;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The tier SQL. One expression decides a customer's tier from the figures kept on the customer row (paid orders, last
 * paid order) and their spend per currency, converted with the owner's rates; the preview, the full recompute and the
 * incremental one all use it, so they cannot disagree. The current tier lives in customer_tier (V0090, ADR 0025): a
 * row per customer with a tier, none for the others.
 */
final class TierRepository {

    private static final Field<String> NEW_TIER = DSL.field(DSL.name("t", "new_tier"), String.class);
    private static final Field<String> OLD_TIER = DSL.field(DSL.name("t", "old_tier"), String.class);
    private static final Field<Long> T_ID = DSL.field(DSL.name("t", "id"), Long.class);
    private static final Field<Boolean> T_LIVE = DSL.field(DSL.name("t", "live"), Boolean.class);
    /** V0009: coalesce(last_order_at, 1900-01-01), indexed; the daily pass reads ranges of it. */
    private static final Field<OffsetDateTime> SORT_LAST_ORDER = DSL.field(DSL.name("sort_last_order"), OffsetDateTime.class);

    private final DSLContext dsl;

    TierRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Each customer in scope: id, current tier, the tier the settings give ("t"), and whether they are live. */
    private Table<?> computed(TierSettings s, TierCutoffs cut, java.util.function.Function<Customer, Condition> scope) {
        Customer c = CUSTOMER.as("c");
        CustomerSpend sp = CUSTOMER_SPEND.as("sp");
        TierPin p = TIER_PIN.as("p");
        CaseValueStep<String> byCurrency = DSL.choose(sp.CURRENCY);
        CaseWhenStep<String, BigDecimal> rate = null;
        for (Map.Entry<String, BigDecimal> e : s.rates().entrySet()) {
            rate = rate == null ? byCurrency.when(DSL.inline(e.getKey()), DSL.inline(e.getValue()))
                    : rate.when(DSL.inline(e.getKey()), DSL.inline(e.getValue()));
        }
        Field<BigDecimal> money = DSL.coalesce(DSL.field(DSL.select(DSL.sum(sp.NET_SPEND.mul(rate.otherwise(DSL.inline(BigDecimal.ZERO)))))
                .from(sp).where(sp.CUSTOMER_ID.eq(c.ID))), DSL.inline(BigDecimal.ZERO));
        Field<Integer> orders = c.ORDER_COUNT;
        Field<Integer> frequency = orders;
        if (s.countReferrals()) {
            Customer r = CUSTOMER.as("r");
            Field<Integer> referred = DSL.field(DSL.select(DSL.count()).from(r).where(r.REFERRED_BY_ID.eq(c.ID))
                    .and(r.ORDER_COUNT.gt(0)).and(r.MERGED_INTO_ID.isNull()).and(r.ERASED_AT.isNull()));
            frequency = orders.plus(referred);
        }
        Field<String> pinned = DSL.field(DSL.select(p.TIER).from(p).where(p.CUSTOMER_ID.eq(c.ID)));
        Condition live = c.MERGED_INTO_ID.isNull().and(c.ERASED_AT.isNull());
        Field<OffsetDateTime> last = c.LAST_ORDER_AT;
        Field<String> tier = DSL.when(live.not(), DSL.inline((String) null))
                .when(pinned.isNotNull(), pinned)
                .when(orders.le(0), DSL.inline((String) null))
                .when(last.lt(cut.lapsed()), DSL.inline(Tier.LAPSED.code()))
                .when(frequency.ge(s.ironMinOrders()).and(money.ge(s.ironMinSpend())).and(last.ge(cut.iron())),
                        DSL.inline(Tier.IRON_FAN.code()))
                .when(frequency.ge(s.vipMinOrders()).and(money.ge(s.vipMinSpend())).and(last.ge(cut.vip())),
                        DSL.inline(Tier.VIP.code()))
                .when(orders.le(s.newMaxOrders()).and(last.ge(cut.newcomer())), DSL.inline(Tier.NEW.code()))
                .otherwise(DSL.inline(Tier.REGULAR.code()));
        Field<String> current = DSL.field(DSL.select(CUSTOMER_TIER.TIER).from(CUSTOMER_TIER).where(CUSTOMER_TIER.CUSTOMER_ID.eq(c.ID)));
        return DSL.select(c.ID.as("id"), current.as("old_tier"), tier.as("new_tier"),
                        DSL.when(live, DSL.inline(true)).otherwise(DSL.inline(false)).as("live"))
                .from(c).where(scope.apply(c))
                .asTable("t");
    }

    /** How many live customers each tier would hold under {@code s} (null tier: no orders). */
    List<TierCount> preview(TierSettings s, TierCutoffs cut) {
        Table<?> t = computed(s, cut, c -> DSL.noCondition());
        return dsl.select(NEW_TIER, DSL.count()).from(t).where(T_LIVE.isTrue()).groupBy(NEW_TIER).fetch()
                .map(r -> new TierCount(r.value1(), r.value2()));
    }

    /**
     * Records the customers in scope whose tier differs from what the settings give (history rows), then moves
     * their customer_tier row to it. Returns how many changed.
     */
    int recompute(TierSettings s, TierCutoffs cut, Collection<Long> ids, TierReason reason, OffsetDateTime now) {
        return recompute(s, cut, c -> c.ID.in(ids), reason, now);
    }

    int recompute(TierSettings s, TierCutoffs cut, long fromId, long toId, TierReason reason, OffsetDateTime now) {
        return recompute(s, cut, c -> c.ID.between(fromId, toId), reason, now);
    }

    private int recompute(TierSettings s, TierCutoffs cut, java.util.function.Function<Customer, Condition> scope, TierReason reason,
                          OffsetDateTime now) {
        Long watermark = dsl.select(DSL.max(TIER_HISTORY.ID)).from(TIER_HISTORY).fetchOne(0, Long.class);
        long after = watermark == null ? 0 : watermark;
        Table<?> t = computed(s, cut, scope);
        int changed = dsl.insertInto(TIER_HISTORY, TIER_HISTORY.CUSTOMER_ID, TIER_HISTORY.FROM_TIER, TIER_HISTORY.TO_TIER,
                        TIER_HISTORY.CHANGED_AT, TIER_HISTORY.REASON)
                .select(DSL.select(T_ID, OLD_TIER, NEW_TIER, DSL.val(now), DSL.inline(reason.code())).from(t)
                        .where(NEW_TIER.isDistinctFrom(OLD_TIER)))
                .execute();
        if (changed > 0) {
            // one delete and at most one insert per changed customer, batched: an "id in (select … from tier_history)"
            // statement made H2 test every row against the subquery
            var delete = dsl.batch(dsl.deleteFrom(CUSTOMER_TIER).where(CUSTOMER_TIER.CUSTOMER_ID.eq((Long) null)));
            var insert = dsl.batch(dsl.insertInto(CUSTOMER_TIER, CUSTOMER_TIER.CUSTOMER_ID, CUSTOMER_TIER.TIER).values((Long) null, (String) null));
            boolean[] inserts = {false};
            dsl.select(TIER_HISTORY.CUSTOMER_ID, TIER_HISTORY.FROM_TIER, TIER_HISTORY.TO_TIER).from(TIER_HISTORY)
                    .where(TIER_HISTORY.ID.gt(after)).forEach(r -> {
                        if (r.value2() != null) {
                            delete.bind(r.value1());
                        }
                        if (r.value3() != null) {
                            insert.bind(r.value1(), r.value3());
                            inserts[0] = true;
                        }
                    });
            if (delete.size() > 0) {
                delete.execute();
            }
            if (inserts[0]) {
                insert.execute();
            }
        }
        return changed;
    }

    /** Erased customers keep no tier history or pin (erasure leaves nothing about the person). */
    void forgetErased(Collection<Long> ids) {
        // the erased ones first (by primary key), so the deletes look up a short list, not a sub-query per history row
        List<Long> erased = dsl.select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.ID.in(ids)).and(CUSTOMER.ERASED_AT.isNotNull())
                .fetch(CUSTOMER.ID);
        forgetErasedIn(erased);
    }

    private void forgetErasedIn(List<Long> erased) {
        if (!erased.isEmpty()) {
            dsl.deleteFrom(TIER_HISTORY).where(TIER_HISTORY.CUSTOMER_ID.in(erased)).execute();
            dsl.deleteFrom(TIER_PIN).where(TIER_PIN.CUSTOMER_ID.in(erased)).execute();
        }
    }

    /** As {@link #forgetErased} for the customers with ids in [from, to]. */
    void forgetErasedBetween(long from, long to) {
        forgetErasedIn(dsl.select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.ID.between(from, to)).and(CUSTOMER.ERASED_AT.isNotNull())
                .fetch(CUSTOMER.ID));
    }

    /** The referrers of these customers (their referral counts may have changed). */
    Set<Long> referrers(Collection<Long> ids) {
        return new LinkedHashSet<>(dsl.selectDistinct(CUSTOMER.REFERRED_BY_ID).from(CUSTOMER)
                .where(CUSTOMER.ID.in(ids)).and(CUSTOMER.REFERRED_BY_ID.isNotNull()).fetch(CUSTOMER.REFERRED_BY_ID));
    }

    long[] idRange() {
        Record1<Long> min = dsl.select(DSL.min(CUSTOMER.ID)).from(CUSTOMER).fetchOne();
        Record1<Long> max = dsl.select(DSL.max(CUSTOMER.ID)).from(CUSTOMER).fetchOne();
        return min == null || min.value1() == null ? new long[] {1, 0} : new long[] {min.value1(), max.value1()};
    }

    /**
     * Customers whose orders an import wrote or changed. No "customer_id is not null" in the SQL: with it H2 walked the
     * customer index of every order instead of the batch index (nulls are dropped here).
     */
    Set<Long> customersOfBatches(Collection<Long> batchIds) {
        Set<Long> ids = new LinkedHashSet<>(dsl.selectDistinct(SHOP_ORDER.CUSTOMER_ID).from(SHOP_ORDER)
                .where(SHOP_ORDER.IMPORT_BATCH_ID.in(batchIds)).fetch(SHOP_ORDER.CUSTOMER_ID));
        ids.addAll(dsl.selectDistinct(SHOP_ORDER.CUSTOMER_ID).from(AUDIT_LOG).join(SHOP_ORDER).on(SHOP_ORDER.ID.eq(AUDIT_LOG.ENTITY_ID))
                .where(AUDIT_LOG.IMPORT_BATCH_ID.in(batchIds)).and(AUDIT_LOG.ENTITY.eq("shop_order")).fetch(SHOP_ORDER.CUSTOMER_ID));
        ids.remove(null);
        return ids;
    }

    /**
     * Customers whose last order lies in [from, to): their recency crossed a threshold between two days. Merged and
     * erased ones included (the recompute gives them no tier): a "merged_into_id is null" here made H2 read every
     * customer through the merge index instead of the date range.
     */
    List<Long> lastOrderBetween(OffsetDateTime from, OffsetDateTime to) {
        return dsl.select(CUSTOMER.ID).from(CUSTOMER).where(SORT_LAST_ORDER.ge(from)).and(SORT_LAST_ORDER.lt(to)).fetch(CUSTOMER.ID);
    }

    /** Live customers per current tier (null: no tier). */
    List<TierCount> counts() {
        return dsl.select(CUSTOMER_TIER.TIER, DSL.count()).from(CUSTOMER).leftJoin(CUSTOMER_TIER).on(CUSTOMER_TIER.CUSTOMER_ID.eq(CUSTOMER.ID))
                .where(CUSTOMER.MERGED_INTO_ID.isNull()).and(CUSTOMER.ERASED_AT.isNull()).groupBy(CUSTOMER_TIER.TIER).fetch()
                .map(r -> new TierCount(r.value1(), r.value2()));
    }

    /** Customers who moved into each tier since {@code since} ("12 became VIP this month"), counted once per tier. */
    List<TierCount> movedInto(OffsetDateTime since) {
        return dsl.select(TIER_HISTORY.TO_TIER, DSL.countDistinct(TIER_HISTORY.CUSTOMER_ID)).from(TIER_HISTORY)
                .where(TIER_HISTORY.CHANGED_AT.ge(since)).and(TIER_HISTORY.TO_TIER.isNotNull())
                .groupBy(TIER_HISTORY.TO_TIER).fetch().map(r -> new TierCount(r.value1(), r.value2()));
    }

    List<TierChange> history(long customerId) {
        return dsl.selectFrom(TIER_HISTORY).where(TIER_HISTORY.CUSTOMER_ID.eq(customerId)).orderBy(TIER_HISTORY.ID.desc()).fetch()
                .map(r -> new TierChange(r.getCustomerId(), r.getFromTier(), r.getToTier(), r.getChangedAt(), r.getReason(), r.getNote()));
    }

    boolean exists(long customerId) {
        return dsl.fetchExists(dsl.selectOne().from(CUSTOMER).where(CUSTOMER.ID.eq(customerId))
                .and(CUSTOMER.MERGED_INTO_ID.isNull()).and(CUSTOMER.ERASED_AT.isNull()));
    }

    String tier(long customerId) {
        return dsl.select(CUSTOMER_TIER.TIER).from(CUSTOMER_TIER).where(CUSTOMER_TIER.CUSTOMER_ID.eq(customerId)).fetchOne(CUSTOMER_TIER.TIER);
    }

    java.util.Optional<com.fankeep.core.tier.TierPin> pin(long customerId) {
        return dsl.selectFrom(TIER_PIN).where(TIER_PIN.CUSTOMER_ID.eq(customerId)).fetchOptional()
                .map(r -> new com.fankeep.core.tier.TierPin(r.getCustomerId(), r.getTier(), r.getReason(), r.getPinnedAt()));
    }

    void putPin(long customerId, String tier, String reason, OffsetDateTime at) {
        dsl.deleteFrom(TIER_PIN).where(TIER_PIN.CUSTOMER_ID.eq(customerId)).execute();
        dsl.insertInto(TIER_PIN, TIER_PIN.CUSTOMER_ID, TIER_PIN.TIER, TIER_PIN.REASON, TIER_PIN.PINNED_AT)
                .values(customerId, tier, reason, at).execute();
    }

    boolean removePin(long customerId) {
        return dsl.deleteFrom(TIER_PIN).where(TIER_PIN.CUSTOMER_ID.eq(customerId)).execute() > 0;
    }

    /** Sets a tier by hand with a history row (pinning), whatever the figures say. */
    void setTier(long customerId, String from, String to, TierReason reason, String note, OffsetDateTime at) {
        dsl.deleteFrom(CUSTOMER_TIER).where(CUSTOMER_TIER.CUSTOMER_ID.eq(customerId)).execute();
        if (to != null) {
            dsl.insertInto(CUSTOMER_TIER, CUSTOMER_TIER.CUSTOMER_ID, CUSTOMER_TIER.TIER).values(customerId, to).execute();
        }
        dsl.insertInto(TIER_HISTORY, TIER_HISTORY.CUSTOMER_ID, TIER_HISTORY.FROM_TIER, TIER_HISTORY.TO_TIER, TIER_HISTORY.CHANGED_AT,
                TIER_HISTORY.REASON, TIER_HISTORY.NOTE).values(customerId, from, to, at, reason.code(), note).execute();
    }

    /** Currencies customers have spent in, for the rates table in Settings. */
    List<String> currencies() {
        return dsl.selectDistinct(CUSTOMER_SPEND.CURRENCY).from(CUSTOMER_SPEND).orderBy(CUSTOMER_SPEND.CURRENCY).fetch(CUSTOMER_SPEND.CURRENCY);
    }

    /**
     * The ids sorted, in parts: each run of at least {@code size} consecutive ids (up to {@code maxRun}) a part of its own,
     * the others in lists of {@code size}. {@code maxRun} 0: lists only.
     */
    static List<List<Long>> chunks(Collection<Long> all, int size, int maxRun) {
        List<Long> sorted = new ArrayList<>(new java.util.TreeSet<>(all));
        List<List<Long>> out = new ArrayList<>();
        List<Long> rest = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (maxRun > 0 && j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1 && j + 1 - i < maxRun) {
                j++;
            }
            if (maxRun > 0 && j - i + 1 >= size) {
                out.add(sorted.subList(i, j + 1));
            } else {
                rest.addAll(sorted.subList(i, j + 1));
            }
            i = j + 1;
        }
        out.addAll(chunks(rest, size));
        return out;
    }

    /** True when the ids are more than one, ascending and consecutive: a range holds exactly them. */
    static boolean isRun(List<Long> ids) {
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i) != ids.get(i - 1) + 1) {
                return false;
            }
        }
        return ids.size() > 1;
    }

    static <T> List<List<T>> chunks(Collection<T> all, int size) {
        List<T> list = new ArrayList<>(all);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}
