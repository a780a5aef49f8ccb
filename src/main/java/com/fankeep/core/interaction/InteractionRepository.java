package com.fankeep.core.interaction;

import static com.fankeep.core.db.jooq.Tables.AUDIT_LOG;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.INTERACTION;

import com.fankeep.core.db.jooq.tables.records.InteractionRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;


final class InteractionRepository {

    private final DSLContext dsl;

    InteractionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean customerExists(long customerId) {
        return dsl.fetchExists(CUSTOMER, CUSTOMER.ID.eq(customerId).and(CUSTOMER.ERASED_AT.isNull()));
    }

    long insert(NewInteraction n, OffsetDateTime at, OffsetDateTime now) {
        return dsl.insertInto(INTERACTION)
                .set(INTERACTION.CUSTOMER_ID, n.customerId())
                .set(INTERACTION.KIND, n.kind().code())
                .set(INTERACTION.CHANNEL, n.channel().code())
                .set(INTERACTION.OCCURRED_AT, at)
                .set(INTERACTION.SUMMARY, n.summary())
                .set(INTERACTION.BODY, n.body())
                .set(INTERACTION.SHAREABLE, n.shareable())
                .set(INTERACTION.CONSENT_AT, n.shareable() && n.consentGiven() ? now : null)
                .set(INTERACTION.CREATED_AT, now)
                .set(INTERACTION.UPDATED_AT, now)
                .returning(INTERACTION.ID).fetchOne().getId();
    }

    /** Puts a whole row back as it was (undo of an edit or delete), keeping its id. */
    void restore(Interaction i, OffsetDateTime now) {
        dsl.deleteFrom(INTERACTION).where(INTERACTION.ID.eq(i.id())).execute();
        dsl.insertInto(INTERACTION)
                .set(INTERACTION.ID, i.id())
                .set(INTERACTION.CUSTOMER_ID, i.customerId())
                .set(INTERACTION.KIND, i.kind().code())
                .set(INTERACTION.CHANNEL, i.channel().code())
                .set(INTERACTION.OCCURRED_AT, i.occurredAt())
                .set(INTERACTION.SUMMARY, i.summary())
                .set(INTERACTION.BODY, i.body())
                .set(INTERACTION.SHAREABLE, i.shareable())
                .set(INTERACTION.CONSENT_AT, i.consentAt())
                .set(INTERACTION.UPDATED_AT, now)
                .execute();
    }

    void update(long id, NewInteraction n, OffsetDateTime at, OffsetDateTime consentAt, OffsetDateTime now) {
        dsl.update(INTERACTION)
                .set(INTERACTION.KIND, n.kind().code())
                .set(INTERACTION.CHANNEL, n.channel().code())
                .set(INTERACTION.OCCURRED_AT, at)
                .set(INTERACTION.SUMMARY, n.summary())
                .set(INTERACTION.BODY, n.body())
                .set(INTERACTION.SHAREABLE, n.shareable())
                .set(INTERACTION.CONSENT_AT, consentAt)
                .set(INTERACTION.UPDATED_AT, now)
                .where(INTERACTION.ID.eq(id)).execute();
    }

    void delete(long id) {
        dsl.deleteFrom(INTERACTION).where(INTERACTION.ID.eq(id)).execute();
    }

    Optional<Interaction> find(long id) {
        return dsl.selectFrom(INTERACTION).where(INTERACTION.ID.eq(id)).fetchOptional().map(InteractionRepository::map);
    }

    List<Interaction> forCustomer(long customerId, InteractionKind kind) {
        Condition c = INTERACTION.CUSTOMER_ID.eq(customerId);
        if (kind != null) {
            c = c.and(INTERACTION.KIND.eq(kind.code()));
        }
        return dsl.selectFrom(INTERACTION).where(c).orderBy(INTERACTION.OCCURRED_AT.desc(), INTERACTION.ID.desc())
                .fetch(InteractionRepository::map);
    }

    long audit(String action, long entityId, String summary, String undoData) {
        return dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY, "interaction")
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.SUMMARY, summary)
                .set(AUDIT_LOG.UNDO_DATA, undoData)
                .returning(AUDIT_LOG.ID).fetchOne().getId();
    }

    /** The before-image of a not yet undone interaction change. */
    Optional<String> undoData(long auditId) {
        return dsl.select(AUDIT_LOG.UNDO_DATA).from(AUDIT_LOG)
                .where(AUDIT_LOG.ID.eq(auditId).and(AUDIT_LOG.ENTITY.eq("interaction")).and(AUDIT_LOG.UNDONE_AT.isNull()))
                .fetchOptional(AUDIT_LOG.UNDO_DATA);
    }

    void markUndone(long auditId, OffsetDateTime now) {
        dsl.update(AUDIT_LOG).set(AUDIT_LOG.UNDONE_AT, now).where(AUDIT_LOG.ID.eq(auditId)).execute();
    }

    int count() {
        return dsl.fetchCount(INTERACTION);
    }

    static Interaction map(InteractionRecord r) {
        return new Interaction(r.getId(), r.getCustomerId(), InteractionKind.fromCode(r.getKind()),
                ContactMedium.fromCode(r.getChannel()), r.getOccurredAt(), r.getSummary(), r.getBody(),
                Boolean.TRUE.equals(r.getShareable()), r.getConsentAt());
    }

}
