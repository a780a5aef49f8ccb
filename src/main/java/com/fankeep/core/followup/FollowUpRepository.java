package com.fankeep.core.followup;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.EXPORT_LOG;
import static com.fankeep.core.db.jooq.Tables.FOLLOW_UP;

import com.fankeep.core.db.ShopCounters;
import com.fankeep.core.interaction.ContactMedium;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;

final class FollowUpRepository {

    private final DSLContext dsl;

    FollowUpRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts unless {@code originKey} is already taken; returns the new id, or empty when it was. */
    Optional<Long> insert(long customerId, NewFollowUp n, Long orderId, String originKey, Long previousId,
                          LocalDate anchor, OffsetDateTime now) {
        if (originKey != null && dsl.fetchExists(FOLLOW_UP, FOLLOW_UP.ORIGIN_KEY.eq(originKey))) {
            return Optional.empty();
        }
        Recurrence r = n.recurrence();
        ShopCounters.openFollowUps(dsl, 1); // a new follow-up is open
        return Optional.of(dsl.insertInto(FOLLOW_UP)
                .set(FOLLOW_UP.CUSTOMER_ID, customerId)
                .set(FOLLOW_UP.TITLE, n.title())
                .set(FOLLOW_UP.REASON, n.reason().code())
                .set(FOLLOW_UP.DUE_DATE, n.dueDate())
                .set(FOLLOW_UP.DUE_TIME, n.dueTime())
                .set(FOLLOW_UP.SCHEDULED_DATE, n.dueDate())
                .set(FOLLOW_UP.ANCHOR_DATE, anchor == null ? n.dueDate() : anchor)
                .set(FOLLOW_UP.CHANNEL, n.channel() == null ? null : n.channel().code())
                .set(FOLLOW_UP.TEMPLATE_ID, n.templateId())
                .set(FOLLOW_UP.RECURRENCE_UNIT, r == null ? null : r.unit().code())
                .set(FOLLOW_UP.RECURRENCE_EVERY, r == null ? null : r.every())
                .set(FOLLOW_UP.ORDER_ID, orderId)
                .set(FOLLOW_UP.ORIGIN_KEY, originKey)
                .set(FOLLOW_UP.PREVIOUS_ID, previousId)
                .set(FOLLOW_UP.CREATED_AT, now)
                .set(FOLLOW_UP.UPDATED_AT, now)
                .returning(FOLLOW_UP.ID).fetchOne().getId());
    }

    Optional<FollowUp> find(long id) {
        return select().where(FOLLOW_UP.ID.eq(id)).fetchOptional(FollowUpRepository::map);
    }

    List<FollowUp> open(LocalDate from, LocalDate toInclusive) {
        Condition c = FOLLOW_UP.STATUS.eq("open").and(FOLLOW_UP.DUE_DATE.le(toInclusive));
        if (from != null) {
            c = c.and(FOLLOW_UP.DUE_DATE.ge(from));
        }
        return select().where(c).orderBy(FOLLOW_UP.DUE_DATE, FOLLOW_UP.DUE_TIME.nullsLast(), FOLLOW_UP.ID)
                .fetch(FollowUpRepository::map);
    }

    List<FollowUp> allOpen() {
        return select().where(FOLLOW_UP.STATUS.eq("open")).orderBy(FOLLOW_UP.DUE_DATE, FOLLOW_UP.ID)
                .fetch(FollowUpRepository::map);
    }

    List<FollowUp> forCustomer(long customerId) {
        return select().where(FOLLOW_UP.CUSTOMER_ID.eq(customerId))
                .orderBy(FOLLOW_UP.DUE_DATE.desc(), FOLLOW_UP.ID.desc()).fetch(FollowUpRepository::map);
    }

    List<FollowUp> openOf(long customerId, FollowUpReason reason) {
        return select().where(FOLLOW_UP.CUSTOMER_ID.eq(customerId).and(FOLLOW_UP.REASON.eq(reason.code()))
                .and(FOLLOW_UP.STATUS.eq("open"))).fetch(FollowUpRepository::map);
    }

    void markDone(long id, Long interactionId, OffsetDateTime now) {
        ShopCounters.openFollowUps(dsl, -dsl.fetchCount(FOLLOW_UP, FOLLOW_UP.ID.eq(id).and(FOLLOW_UP.STATUS.eq("open"))));
        dsl.update(FOLLOW_UP).set(FOLLOW_UP.STATUS, "done").set(FOLLOW_UP.INTERACTION_ID, interactionId)
                .set(FOLLOW_UP.DONE_AT, now).set(FOLLOW_UP.UPDATED_AT, now)
                .where(FOLLOW_UP.ID.eq(id)).execute();
    }

    void cancel(long id, OffsetDateTime now) {
        ShopCounters.openFollowUps(dsl, -dsl.fetchCount(FOLLOW_UP, FOLLOW_UP.ID.eq(id).and(FOLLOW_UP.STATUS.eq("open"))));
        dsl.update(FOLLOW_UP).set(FOLLOW_UP.STATUS, "cancelled").set(FOLLOW_UP.UPDATED_AT, now)
                .where(FOLLOW_UP.ID.eq(id)).execute();
    }

    /** Cancels the open follow-ups of these orders; returns how many. */
    int cancelOpenOfOrders(Collection<Long> orderIds, OffsetDateTime now) {
        if (orderIds.isEmpty()) {
            return 0;
        }
        int cancelled = dsl.update(FOLLOW_UP).set(FOLLOW_UP.STATUS, "cancelled").set(FOLLOW_UP.UPDATED_AT, now)
                .where(FOLLOW_UP.ORDER_ID.in(orderIds).and(FOLLOW_UP.STATUS.eq("open"))).execute();
        ShopCounters.openFollowUps(dsl, -cancelled);
        return cancelled;
    }

    /** Snooze: only the due date moves. */
    void moveDue(long id, LocalDate due, OffsetDateTime now) {
        dsl.update(FOLLOW_UP).set(FOLLOW_UP.DUE_DATE, due).set(FOLLOW_UP.UPDATED_AT, now)
                .where(FOLLOW_UP.ID.eq(id)).execute();
    }

    /** Reschedule: the nominal date moves too. */
    void reschedule(long id, LocalDate due, LocalTime time, OffsetDateTime now) {
        dsl.update(FOLLOW_UP).set(FOLLOW_UP.DUE_DATE, due).set(FOLLOW_UP.SCHEDULED_DATE, due)
                .set(FOLLOW_UP.DUE_TIME, time).set(FOLLOW_UP.UPDATED_AT, now)
                .where(FOLLOW_UP.ID.eq(id)).execute();
    }

    void logIcsExport(String fileName, int rows, OffsetDateTime now) {
        dsl.insertInto(EXPORT_LOG).set(EXPORT_LOG.KIND, "icalendar").set(EXPORT_LOG.FILE_NAME, fileName)
                .set(EXPORT_LOG.ROW_COUNT, rows).set(EXPORT_LOG.EXPORTED_AT, now).execute();
    }

    boolean customerExists(long customerId) {
        return dsl.fetchExists(CUSTOMER, CUSTOMER.ID.eq(customerId).and(CUSTOMER.ERASED_AT.isNull()));
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(FOLLOW_UP.fields()).select(CUSTOMER.NAME).from(FOLLOW_UP)
                .join(CUSTOMER).on(CUSTOMER.ID.eq(FOLLOW_UP.CUSTOMER_ID));
    }

    static FollowUp map(Record r) {
        String unit = r.get(FOLLOW_UP.RECURRENCE_UNIT);
        Recurrence rec = unit == null ? null
                : new Recurrence(RecurrenceUnit.fromCode(unit), r.get(FOLLOW_UP.RECURRENCE_EVERY) == null ? 1 : r.get(FOLLOW_UP.RECURRENCE_EVERY));
        String channel = r.get(FOLLOW_UP.CHANNEL);
        String name = r.get(CUSTOMER.NAME);
        long customerId = r.get(FOLLOW_UP.CUSTOMER_ID);
        return new FollowUp(r.get(FOLLOW_UP.ID), customerId, name == null || name.isBlank() ? "#" + customerId : name,
                r.get(FOLLOW_UP.TITLE), FollowUpReason.fromCode(r.get(FOLLOW_UP.REASON)), r.get(FOLLOW_UP.DUE_DATE),
                r.get(FOLLOW_UP.DUE_TIME), channel == null ? null : ContactMedium.fromCode(channel),
                r.get(FOLLOW_UP.TEMPLATE_ID), rec, FollowUpStatus.fromCode(r.get(FOLLOW_UP.STATUS)),
                r.get(FOLLOW_UP.ORDER_ID), r.get(FOLLOW_UP.ORIGIN_KEY), r.get(FOLLOW_UP.PREVIOUS_ID),
                r.get(FOLLOW_UP.INTERACTION_ID), r.get(FOLLOW_UP.DONE_AT), r.get(FOLLOW_UP.SCHEDULED_DATE),
                r.get(FOLLOW_UP.ANCHOR_DATE));
    }
}
