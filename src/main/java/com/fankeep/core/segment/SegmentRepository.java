package com.fankeep.core.segment;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.SAVED_SEGMENT;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The SQL of segments: counting and listing the customers of a compiled rule, and the saved_segment table. */
final class SegmentRepository {

    /** Ids per IN list when checking given customers (portable: PostgreSQL and H2 both take far more, this stays small). */
    private static final int CHUNK = 1_000;

    private final DSLContext dsl;

    SegmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long count(Condition where) {
        return dsl.fetchCount(CUSTOMER, where);
    }

    SegmentSize size(Condition where) {
        Record r = dsl.select(DSL.count(), DSL.count().filterWhere(CUSTOMER.DO_NOT_CONTACT.isTrue())).from(CUSTOMER).where(where).fetchOne();
        return new SegmentSize(r.get(0, Long.class), r.get(1, Long.class));
    }

    List<Long> ids(Condition where) {
        return dsl.select(CUSTOMER.ID).from(CUSTOMER).where(where).orderBy(CUSTOMER.ID).fetch(CUSTOMER.ID);
    }

    /** Of the given customers, those matching. */
    List<Long> idsAmong(Condition where, Collection<Long> customerIds) {
        List<Long> all = new ArrayList<>(new java.util.TreeSet<>(customerIds));
        List<Long> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            out.addAll(dsl.select(CUSTOMER.ID).from(CUSTOMER).where(where).and(CUSTOMER.ID.in(part)).fetch(CUSTOMER.ID));
        }
        return out;
    }

    /** Ids matching, split by do-not-contact: [0] may be contacted, [1] asked not to be. */
    List<List<Long>> idsByContact(Condition where) {
        List<Long> ok = new ArrayList<>();
        List<Long> dnc = new ArrayList<>();
        for (Record r : dsl.select(CUSTOMER.ID, CUSTOMER.DO_NOT_CONTACT).from(CUSTOMER).where(where).orderBy(CUSTOMER.ID).fetch()) {
            (Boolean.TRUE.equals(r.get(CUSTOMER.DO_NOT_CONTACT)) ? dnc : ok).add(r.get(CUSTOMER.ID));
        }
        return List.of(ok, dnc);
    }

    List<SavedSegment> list() {
        return dsl.selectFrom(SAVED_SEGMENT).orderBy(SAVED_SEGMENT.NAME).fetch(r -> saved(r));
    }

    Optional<SavedSegment> find(String name) {
        return dsl.selectFrom(SAVED_SEGMENT).where(SAVED_SEGMENT.NAME.eq(name)).fetchOptional(r -> saved(r));
    }

    Optional<SavedSegment> find(long id) {
        return dsl.selectFrom(SAVED_SEGMENT).where(SAVED_SEGMENT.ID.eq(id)).fetchOptional(r -> saved(r));
    }

    /** Inserts or replaces the rule of {@code name}. */
    SavedSegment save(String name, String rule) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = dsl.update(SAVED_SEGMENT).set(SAVED_SEGMENT.RULE_TEXT, rule).set(SAVED_SEGMENT.UPDATED_AT, now)
                .where(SAVED_SEGMENT.NAME.eq(name)).execute();
        if (updated == 0) {
            dsl.insertInto(SAVED_SEGMENT).set(SAVED_SEGMENT.NAME, name).set(SAVED_SEGMENT.RULE_TEXT, rule)
                    .set(SAVED_SEGMENT.CREATED_AT, now).set(SAVED_SEGMENT.UPDATED_AT, now).execute();
        }
        return find(name).orElseThrow();
    }

    boolean rename(String from, String to) {
        return dsl.update(SAVED_SEGMENT).set(SAVED_SEGMENT.NAME, to)
                .set(SAVED_SEGMENT.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC)).where(SAVED_SEGMENT.NAME.eq(from)).execute() > 0;
    }

    boolean delete(String name) {
        return dsl.deleteFrom(SAVED_SEGMENT).where(SAVED_SEGMENT.NAME.eq(name)).execute() > 0;
    }

    private static SavedSegment saved(com.fankeep.core.db.jooq.tables.records.SavedSegmentRecord r) {
        return new SavedSegment(r.getId(), r.getName(), r.getRuleText(), r.getUpdatedAt().toInstant());
    }
}
