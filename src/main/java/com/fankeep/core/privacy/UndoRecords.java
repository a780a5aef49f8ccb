package com.fankeep.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Takes erased customers' part out of the undo records other changes keep in {@code audit_log.undo_data}, in the
 * erasure's transaction, so that neither the text nor an undo brings them back:
 * <ul>
 * <li>a customer edit of several customers (bulk tags, "referred by", recovery states; {@code UndoLog}'s JSON): the
 * erased customers' row images that would write values back are dropped, the rest still undoes;</li>
 * <li>a merge the erased customer was merged away in ({@code MergeUndoData}): their row image, spend and the rows of
 * theirs the merge deleted are dropped, values taken from them blanked, and the merge is marked so its undo is refused
 * (it could not put them back);</li>
 * <li>an import's before-image of an order of theirs ({@code OrderJson}): tracking number and seller note blanked,
 * as the erasure blanks them on the order;</li>
 * <li>an interaction edit or delete of theirs: removed (the interaction itself is removed by the erasure).</li>
 * </ul>
 * Records about one erased customer only ({@code entity = 'customer'}) are deleted by {@link ErasureRepository}.
 * Group, campaign and launch changes keep no undo data.
 */
final class UndoRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext dsl;
    private final Set<Long> customers;
    private final Set<Long> channels = new LinkedHashSet<>();
    private int changed;

    private UndoRecords(DSLContext dsl, Collection<Long> customers) {
        this.dsl = dsl;
        this.customers = Set.copyOf(customers);
    }

    /** Scrubs every undo record of {@code customerIds}; call before their channels and orders are cleared. Returns how many records changed. */
    static int scrub(DSLContext dsl, Collection<Long> customerIds) {
        UndoRecords r = new UndoRecords(dsl, customerIds);
        for (long id : customerIds) {
            r.channels.addAll(dsl.fetch("select id from contact_channel where customer_id = ?", id).getValues(0, Long.class));
        }
        for (long id : customerIds) {
            r.orders(id);
            for (Record rec : dsl.fetch("select id, action, entity, undo_data from audit_log where undo_data like ? "
                    + "and (action in ('customer_edit', 'customer_merge') or entity = 'interaction')", "%" + id + "%")) {
                r.one(rec.get(0, Long.class), rec.get(1, String.class), rec.get(2, String.class), rec.get(3, String.class));
            }
        }
        return r.changed;
    }

    private void one(long auditId, String action, String entity, String data) {
        JsonNode root = read(data);
        if (root == null) {
            return;
        }
        if ("interaction".equals(entity)) {
            if (customers.contains(root.path("customerId").asLong(-1))) {
                delete(auditId);
            }
        } else if ("customer_edit".equals(action) && root instanceof ObjectNode o) {
            edit(auditId, o);
        } else if ("customer_merge".equals(action) && root instanceof ObjectNode o) {
            merge(auditId, o);
        }
    }

    /** Drops the images that would write an erased customer's rows back; a record left with none is removed. */
    private void edit(long auditId, ObjectNode root) {
        if (!(root.path("rows") instanceof ArrayNode rows)) {
            return;
        }
        boolean dropped = false;
        for (Iterator<JsonNode> it = rows.elements(); it.hasNext(); ) {
            JsonNode img = it.next();
            if (!img.path("before").isNull() && !img.path("before").isMissingNode() && ownedByErased(img)) {
                it.remove();
                dropped = true;
            }
        }
        if (!dropped) {
            return;
        }
        if (rows.isEmpty()) {
            delete(auditId);
        } else {
            update(auditId, root);
        }
    }

    private boolean ownedByErased(JsonNode img) {
        String table = img.path("table").asText().toLowerCase(java.util.Locale.ROOT);
        JsonNode key = img.path("key");
        JsonNode before = img.path("before");
        return switch (table) {
            case "customer" -> customers.contains(key.path("id").asLong(-1));
            case "contact_channel" -> channels.contains(key.path("id").asLong(-1))
                    || customers.contains(before.path("customer_id").asLong(-1));
            default -> customers.contains(key.path("customer_id").asLong(-1))
                    || customers.contains(before.path("customer_id").asLong(-1));
        };
    }

    /** A merge the erased customer was merged away in: their part goes, and the merge can no longer be undone. */
    private void merge(long auditId, ObjectNode root) {
        List<Long> erased = new ArrayList<>();
        root.path("mergedIds").forEach(n -> {
            if (customers.contains(n.asLong())) {
                erased.add(n.asLong());
            }
        });
        if (erased.isEmpty()) {
            return;
        }
        for (Iterator<JsonNode> it = root.path("customers").elements(); it.hasNext(); ) {
            JsonNode img = it.next();
            if (erased.contains(img.path("id").asLong(-1))) {
                blankTakenValues(root, img);
                it.remove();
            }
        }
        removeWhere(root.path("spend"), n -> erased.contains(n.path("customer_id").asLong(-1)));
        removeWhere(root.path("deleted"), n -> erased.contains(n.path("row").path("customer_id").asLong(-1)));
        ArrayNode marked = root.has("erasedIds") && root.get("erasedIds").isArray()
                ? (ArrayNode) root.get("erasedIds") : root.putArray("erasedIds");
        erased.forEach(marked::add);
        update(auditId, root);
    }

    /** The survivor's columns the merge took from an erased customer hold their values: blanked. */
    private static void blankTakenValues(ObjectNode root, JsonNode image) {
        JsonNode after = root.path("survivorAfter");
        if (!(after instanceof ObjectNode a)) {
            return;
        }
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            String col = it.next();
            if (!List.of("updated_at", "row_version").contains(col) && !a.get(col).isNull()
                    && a.get(col).asText().equals(image.path(col).asText(null))) {
                a.putNull(col);
            }
        }
    }

    /** An import's before-images of the erased customers' orders lose what the erasure clears on the order. */
    private void orders(long customerId) {
        for (Record rec : dsl.fetch("select a.id, a.undo_data from audit_log a join shop_order o on o.id = a.entity_id "
                + "where a.entity = 'shop_order' and o.customer_id = ? and a.undo_data is not null", customerId)) {
            JsonNode root = read(rec.get(1, String.class));
            if (root instanceof ObjectNode o && (!o.path("tracking_no").isNull() || !o.path("seller_note").isNull())) {
                o.putNull("tracking_no");
                o.putNull("seller_note");
                update(rec.get(0, Long.class), o);
            }
        }
    }

    private static void removeWhere(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            if (test.test(it.next())) {
                it.remove();
            }
        }
    }

    private void delete(long auditId) {
        changed += dsl.execute("delete from audit_log where id = ?", auditId);
    }

    private void update(long auditId, JsonNode root) {
        try {
            changed += dsl.execute("update audit_log set undo_data = ? where id = ?", JSON.writeValueAsString(root), auditId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String data) {
        if (data == null) {
            return null;
        }
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException e) {
            // an unreadable record cannot be undone either; it must not keep the data: the caller's scan finds it
            throw new IllegalStateException("an undo record cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
