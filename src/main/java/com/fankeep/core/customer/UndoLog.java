package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The undo record of one customer edit: before-images of the rows it touched, stored as JSON in {@code audit_log}.
 * Undo puts each row back as it was: rows that did not exist are deleted, rows that existed get their columns back
 * (and are re-inserted, same id, when the edit deleted them).
 */
final class UndoLog {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UndoLog.class);

    static final String ACTION = "customer_edit";
    static final String ENTITY = "customer";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A row before the edit: {@code before} null means it did not exist. Values are kept as text. */
    record RowImage(String table, Map<String, Object> key, Map<String, String> before) {
    }

    /** What was stored: the customers it concerns and the images. */
    record Entry(long auditId, String summary, List<Long> customerIds, List<RowImage> images) {
    }

    private final DSLContext dsl;
    private final List<RowImage> images = new ArrayList<>();

    UndoLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Remembers {@code table}'s row with {@code key} as it is now (call before changing it). */
    UndoLog capture(Table<?> table, Map<String, Object> key, String... columns) {
        Record r = dsl.select(columns.length == 0 ? List.of(table.fields()) : fields(table, columns))
                .from(table).where(condition(table, key)).fetchOne();
        Map<String, String> before = null;
        if (r != null) {
            before = new LinkedHashMap<>();
            for (Field<?> f : r.fields()) {
                Object v = r.get(f);
                before.put(f.getName(), v == null ? null : v.toString());
            }
        }
        images.add(new RowImage(table.getName(), key, before));
        return this;
    }

    /** Records a row the edit is about to create (undo deletes it). */
    UndoLog created(Table<?> table, Map<String, Object> key) {
        images.add(new RowImage(table.getName(), key, null));
        return this;
    }

    boolean isEmpty() {
        return images.isEmpty();
    }

    /** Writes the undo record; {@code summary} must hold no personal data (it names the kind of change). */
    long write(String summary, List<Long> customerIds) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customers", customerIds);
        data.put("rows", images);
        String json;
        try {
            json = MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTION, ACTION)
                .set(AUDIT_LOG.ENTITY, ENTITY)
                .set(AUDIT_LOG.ENTITY_ID, customerIds.size() == 1 ? customerIds.getFirst() : null)
                .set(AUDIT_LOG.SUMMARY, summary)
                .set(AUDIT_LOG.UNDO_DATA, json)
                .returningResult(AUDIT_LOG.ID).fetchOne().value1();
    }

    /** The newest customer edit not yet undone, or null. */
    static Entry latest(DSLContext dsl) {
        var r = dsl.select(AUDIT_LOG.ID, AUDIT_LOG.SUMMARY, AUDIT_LOG.UNDO_DATA).from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq(ACTION)).and(AUDIT_LOG.UNDONE_AT.isNull())
                .orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchOne();
        return r == null ? null : parse(r.value1(), r.value2(), r.value3());
    }

    static Entry find(DSLContext dsl, long auditId) {
        var r = dsl.select(AUDIT_LOG.ID, AUDIT_LOG.SUMMARY, AUDIT_LOG.UNDO_DATA).from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq(ACTION)).and(AUDIT_LOG.UNDONE_AT.isNull()).and(AUDIT_LOG.ID.eq(auditId))
                .fetchOne();
        return r == null ? null : parse(r.value1(), r.value2(), r.value3());
    }

    private static Entry parse(long id, String summary, String json) {
        try {
            Map<String, Object> data = MAPPER.readValue(json, new TypeReference<>() { });
            List<Long> customers = MAPPER.convertValue(data.get("customers"), new TypeReference<List<Long>>() { });
            List<RowImage> rows = MAPPER.convertValue(data.get("rows"), new TypeReference<List<RowImage>>() { });
            return new Entry(id, summary, customers, rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("undo record " + id + " cannot be read", e);
        }
    }

    /** Puts every row of {@code entry} back, newest image first, and marks the record undone. */
    static void apply(DSLContext dsl, Entry entry, Table<?>... tables) {
        List<RowImage> rows = new ArrayList<>(entry.images());
        java.util.Collections.reverse(rows);
        for (RowImage img : rows) {
            Table<?> table = java.util.Arrays.stream(tables).filter(t -> t.getName().equalsIgnoreCase(img.table()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("unknown table " + img.table()));
            Condition where = condition(table, img.key());
            if (img.before() == null) {
                dsl.deleteFrom(table).where(where).execute();
                continue;
            }
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            img.before().forEach((col, text) -> {
                Field<?> f = field(table, col);
                values.put(f, text == null ? null : f.getDataType().convert(text));
            });
            if (dsl.fetchExists(table, where)) {
                dsl.update(table).set(values).where(where).execute();
            } else if (values.size() < table.fields().length) {
                // only some columns were kept: the edit changed the row, and something later (a merge, an erasure)
                // removed it; a part of a row cannot be put back, and the rest of the edit still can
                LOG.info("undo of edit {}: a row of {} is gone since; its part is skipped", entry.auditId(), table.getName());
            } else {
                Map<Field<?>, Object> all = new LinkedHashMap<>();
                img.key().forEach((col, v) -> {
                    Field<?> f = field(table, col);
                    all.put(f, f.getDataType().convert(v));
                });
                all.putAll(values);
                dsl.insertInto(table).set(all).execute();
            }
        }
        dsl.update(AUDIT_LOG).set(AUDIT_LOG.UNDONE_AT, OffsetDateTime.now()).where(AUDIT_LOG.ID.eq(entry.auditId())).execute();
    }

    /** A column by name in any case (the generated fields keep the database's case). */
    private static Field<?> field(Table<?> table, String name) {
        for (Field<?> f : table.fields()) {
            if (f.getName().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalStateException("no column " + name + " in " + table.getName());
    }

    private static List<Field<?>> fields(Table<?> table, String[] columns) {
        List<Field<?>> out = new ArrayList<>();
        for (String c : columns) {
            out.add(field(table, c));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition condition(Table<?> table, Map<String, Object> key) {
        Condition c = DSL.noCondition();
        for (var e : key.entrySet()) {
            Field f = field(table, e.getKey());
            c = c.and(f.eq(f.getDataType().convert(e.getValue())));
        }
        return c;
    }
}
