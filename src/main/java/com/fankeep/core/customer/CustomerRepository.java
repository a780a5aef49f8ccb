package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_SPEND;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TIER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TAG;
import static com.fankeep.core.db.jooq.Tables.TAG;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;

/** One customer's profile and the SQL of its edits; every change records its before-image in the given {@link UndoLog}. */
final class CustomerRepository {

    private final DSLContext dsl;

    CustomerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean isLive(long id) {
        return dsl.fetchExists(CUSTOMER, CUSTOMER.ID.eq(id).and(CustomerListRepository.live()));
    }

    CustomerProfile profile(long id, List<TimelineEntry> timeline) {
        var c = dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).and(CustomerListRepository.live()).fetchOne();
        if (c == null) {
            return null;
        }
        String referredName = c.getReferredById() == null ? null
                : dsl.select(CUSTOMER.NAME).from(CUSTOMER).where(CUSTOMER.ID.eq(c.getReferredById())).fetchOne(CUSTOMER.NAME);
        Map<String, BigDecimal> spend = new TreeMap<>();
        dsl.select(CUSTOMER_SPEND.CURRENCY, CUSTOMER_SPEND.NET_SPEND).from(CUSTOMER_SPEND)
                .where(CUSTOMER_SPEND.CUSTOMER_ID.eq(id)).fetch().forEach(r -> spend.put(r.value1(), r.value2()));
        Birthday birthday = c.getBirthdayMonth() == null || c.getBirthdayDay() == null ? null
                : new Birthday(c.getBirthdayYear() == null ? null : c.getBirthdayYear().intValue(),
                        c.getBirthdayMonth(), c.getBirthdayDay());
        String tier = dsl.select(CUSTOMER_TIER.TIER).from(CUSTOMER_TIER).where(CUSTOMER_TIER.CUSTOMER_ID.eq(id)).fetchOne(CUSTOMER_TIER.TIER);
        return new CustomerProfile(id, c.getName(), tier, c.getRecoveryState(), c.getCity(), c.getProvince(),
                birthday, c.getNote(), c.getReferredById(), referredName, c.getDoNotContact(), c.getDoNotContactReason(),
                c.getFirstOrderAt(), c.getLastOrderAt(), c.getOrderCount(), spend, channels(id),
                CustomerListRepository.tagsOf(dsl, List.of(id)).getOrDefault(id, List.of()), timeline);
    }

    List<ContactChannel> channels(long customerId) {
        List<ContactChannel> out = new ArrayList<>();
        for (var r : dsl.selectFrom(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.eq(customerId))
                .orderBy(CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.IS_PRIMARY.desc(), CONTACT_CHANNEL.ID).fetch()) {
            out.add(new ContactChannel(r.getId(), r.getKind(), r.getPlatform(), r.getRawValue(), r.getIsPrimary(),
                    r.getIsMasked(), r.getFunnelState(), r.getFunnelStateAt(), r.getCreatedAt()));
        }
        return out;
    }

    /** Sets customer columns, keeping their old values in {@code undo}. */
    void updateCustomer(UndoLog undo, long id, Map<Field<?>, Object> values) {
        undo.capture(CUSTOMER, Map.of("id", id), values.keySet().stream().map(Field::getName).toArray(String[]::new));
        dsl.update(CUSTOMER).set(values).set(CUSTOMER.UPDATED_AT, OffsetDateTime.now())
                .set(CUSTOMER.ROW_VERSION, CUSTOMER.ROW_VERSION.plus(1)).where(CUSTOMER.ID.eq(id)).execute();
    }

    /** The customer a channel belongs to, or null. */
    Long customerOfChannel(long channelId) {
        return dsl.select(CONTACT_CHANNEL.CUSTOMER_ID).from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.ID.eq(channelId))
                .fetchOne(CONTACT_CHANNEL.CUSTOMER_ID);
    }

    String kindOfChannel(long channelId) {
        return dsl.select(CONTACT_CHANNEL.KIND).from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.ID.eq(channelId))
                .fetchOne(CONTACT_CHANNEL.KIND);
    }

    long insertChannel(UndoLog undo, long customerId, String kind, String platform, String raw, String normalized, boolean masked) {
        boolean first = !dsl.fetchExists(CONTACT_CHANNEL, CONTACT_CHANNEL.CUSTOMER_ID.eq(customerId).and(CONTACT_CHANNEL.KIND.eq(kind)));
        long id = dsl.insertInto(CONTACT_CHANNEL)
                .set(CONTACT_CHANNEL.CUSTOMER_ID, customerId)
                .set(CONTACT_CHANNEL.KIND, kind)
                .set(CONTACT_CHANNEL.PLATFORM, platform)
                .set(CONTACT_CHANNEL.RAW_VALUE, raw)
                .set(CONTACT_CHANNEL.NORMALIZED_VALUE, normalized)
                .set(CONTACT_CHANNEL.IS_MASKED, masked)
                .set(CONTACT_CHANNEL.IS_PRIMARY, first)
                .returningResult(CONTACT_CHANNEL.ID).fetchOne().value1();
        undo.created(CONTACT_CHANNEL, Map.of("id", id));
        return id;
    }

    void updateChannel(UndoLog undo, long channelId, Map<Field<?>, Object> values) {
        undo.capture(CONTACT_CHANNEL, Map.of("id", channelId), values.keySet().stream().map(Field::getName).toArray(String[]::new));
        dsl.update(CONTACT_CHANNEL).set(values).where(CONTACT_CHANNEL.ID.eq(channelId)).execute();
    }

    void deleteChannel(UndoLog undo, long channelId) {
        undo.capture(CONTACT_CHANNEL, Map.of("id", channelId));
        dsl.deleteFrom(CONTACT_CHANNEL).where(CONTACT_CHANNEL.ID.eq(channelId)).execute();
    }

    /** Makes {@code channelId} the only primary one of its kind for its customer. */
    void makePrimary(UndoLog undo, long customerId, String kind, long channelId) {
        for (long other : dsl.select(CONTACT_CHANNEL.ID).from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.eq(customerId))
                .and(CONTACT_CHANNEL.KIND.eq(kind)).fetch(CONTACT_CHANNEL.ID)) {
            updateChannel(undo, other, Map.of(CONTACT_CHANNEL.IS_PRIMARY, other == channelId));
        }
    }

    long tagId(String name) {
        Long id = dsl.select(TAG.ID).from(TAG).where(TAG.NAME.eq(name)).fetchOne(TAG.ID);
        if (id != null) {
            return id;
        }
        return dsl.insertInto(TAG).set(TAG.NAME, name).returningResult(TAG.ID).fetchOne().value1();
    }

    Long existingTagId(String name) {
        return dsl.select(TAG.ID).from(TAG).where(TAG.NAME.eq(name)).fetchOne(TAG.ID);
    }

    /** Tags the customers that lack it; returns those that got it. */
    List<Long> addTag(UndoLog undo, List<Long> ids, long tagId) {
        List<Long> have = dsl.select(CUSTOMER_TAG.CUSTOMER_ID).from(CUSTOMER_TAG)
                .where(CUSTOMER_TAG.TAG_ID.eq(tagId)).and(CUSTOMER_TAG.CUSTOMER_ID.in(ids)).fetch(CUSTOMER_TAG.CUSTOMER_ID);
        List<Long> changed = new ArrayList<>();
        for (long id : ids) {
            if (!have.contains(id)) {
                dsl.insertInto(CUSTOMER_TAG).set(CUSTOMER_TAG.CUSTOMER_ID, id).set(CUSTOMER_TAG.TAG_ID, tagId).execute();
                undo.created(CUSTOMER_TAG, Map.of("customer_id", id, "tag_id", tagId));
                changed.add(id);
            }
        }
        return changed;
    }

    List<Long> removeTag(UndoLog undo, List<Long> ids, long tagId) {
        List<Long> have = dsl.select(CUSTOMER_TAG.CUSTOMER_ID).from(CUSTOMER_TAG)
                .where(CUSTOMER_TAG.TAG_ID.eq(tagId)).and(CUSTOMER_TAG.CUSTOMER_ID.in(ids)).fetch(CUSTOMER_TAG.CUSTOMER_ID);
        for (long id : have) {
            undo.capture(CUSTOMER_TAG, Map.of("customer_id", id, "tag_id", tagId));
        }
        dsl.deleteFrom(CUSTOMER_TAG).where(CUSTOMER_TAG.TAG_ID.eq(tagId)).and(CUSTOMER_TAG.CUSTOMER_ID.in(have)).execute();
        return have;
    }

    /** Row locks on the customers until the transaction ends, in id order (no deadlock between two such locks). */
    void lock(java.util.Collection<Long> ids) {
        dsl.select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.ID.in(ids)).orderBy(CUSTOMER.ID).forUpdate().fetch();
    }

    /** Walking up from {@code start} by who referred whom (start included): the first of {@code targets} met, or null. */
    Long firstInChain(long start, java.util.Collection<Long> targets) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        java.util.Set<Long> wanted = new java.util.HashSet<>(targets);
        Long at = start;
        while (at != null && seen.add(at)) {
            if (wanted.contains(at)) {
                return at;
            }
            at = dsl.select(CUSTOMER.REFERRED_BY_ID).from(CUSTOMER).where(CUSTOMER.ID.eq(at)).fetchOne(CUSTOMER.REFERRED_BY_ID);
        }
        return null;
    }

    /** "小林 (#3)", or "#3" for a customer without a name: how a refusal names someone. */
    String label(long id) {
        String name = dsl.select(CUSTOMER.NAME).from(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOne(CUSTOMER.NAME);
        return name == null || name.isBlank() ? "#" + id : name + " (#" + id + ")";
    }

    List<Long> liveAmong(List<Long> ids) {
        return dsl.select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.ID.in(ids)).and(CustomerListRepository.live())
                .orderBy(CUSTOMER.ID).fetch(CUSTOMER.ID);
    }

    List<String> allTags() {
        return dsl.select(TAG.NAME).from(TAG).orderBy(TAG.NAME).fetch(TAG.NAME);
    }

    List<String> cities() {
        return dsl.selectDistinct(CUSTOMER.CITY).from(CUSTOMER).where(CUSTOMER.CITY.isNotNull())
                .orderBy(CUSTOMER.CITY).limit(500).fetch(CUSTOMER.CITY);
    }
}
