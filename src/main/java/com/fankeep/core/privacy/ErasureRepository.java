package com.fankeep.core.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/** The SQL of an erasure: clears personal columns, deletes personal rows. Plain SQL over every table that holds them. */
final class ErasureRepository {

    private final DSLContext dsl;

    ErasureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    DSLContext dsl() {
        return dsl;
    }

    /** null when there is no such customer; otherwise whether it is already erased. */
    Boolean erased(long id) {
        var r = dsl.fetchOptional("select erased_at from customer where id = ?", id);
        return r.map(rec -> rec.get(0) != null).orElse(null);
    }

    /** The customer and every record merged into it (directly or through another merged record). */
    List<Long> withMergedRecords(long id) {
        Set<Long> all = new LinkedHashSet<>(List.of(id));
        List<Long> frontier = List.of(id);
        while (!frontier.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (long f : frontier) {
                for (Long m : dsl.fetch("select id from customer where merged_into_id = ?", f).getValues(0, Long.class)) {
                    if (all.add(m)) {
                        next.add(m);
                    }
                }
            }
            frontier = next;
        }
        return List.copyOf(all);
    }

    /** The values that identify the person (channels, names, order addresses), to find them in import problems. */
    Set<String> identifyingValues(long id) {
        Set<String> values = new LinkedHashSet<>();
        values.addAll(dsl.fetch("select raw_value from contact_channel where customer_id = ?", id).getValues(0, String.class));
        values.addAll(dsl.fetch("select normalized_value from contact_channel where customer_id = ? and normalized_value is not null",
                id).getValues(0, String.class));
        values.addAll(dsl.fetch("select name from customer where id = ? and name is not null", id).getValues(0, String.class));
        for (String column : List.of("buyer_account", "buyer_email", "receiver_name", "receiver_phone", "receiver_address")) {
            values.addAll(dsl.fetch("select distinct " + column + " from shop_order where customer_id = ? and " + column
                    + " is not null", id).getValues(0, String.class));
        }
        values.removeIf(v -> v == null || v.isBlank());
        return values;
    }

    int anonymizeOrders(long id, OffsetDateTime now) {
        return dsl.execute("update shop_order set buyer_account = null, buyer_email = null, receiver_name = null, "
                + "receiver_phone = null, receiver_address = null, receiver_district = null, receiver_zip = null, "
                + "tracking_no = null, buyer_message = null, seller_note = null, updated_at = ? where customer_id = ?", now, id);
    }

    int removePersonalRows(long id) {
        int n = 0;
        n += dsl.execute("delete from contact_channel where customer_id = ?", id);
        // the duplicates scan's keys are hashes of names, phones and places (ADR 0044): they go now, not at the next scan
        n += dsl.execute("delete from duplicate_key where customer_id = ?", id);
        n += dsl.execute("delete from customer_match where customer_id = ?", id);
        n += dsl.execute("delete from merge_suggestion where customer_a_id = ? or customer_b_id = ?", id, id);
        n += dsl.execute("delete from interaction where customer_id = ?", id);
        n += dsl.execute("delete from follow_up where customer_id = ?", id);
        n += dsl.execute("delete from export_log_member where customer_id = ?", id);
        n += dsl.execute("delete from referral_claim where customer_id = ?", id);
        n += dsl.execute("delete from referral_import_link where customer_id = ? or referrer_id = ?", id, id);
        // Undo records hold before-images (names, phones): an erased customer must not come back by "undo".
        n += dsl.execute("delete from audit_log where entity = 'customer' and entity_id = ?", id);
        // a campaign entry keeps a copy of the address and the message written for the fan (V0065)
        n += dsl.execute("update campaign_entry set tracking_no = null, note = null, receiver_name = null, receiver_phone = null, "
                + "receiver_province = null, receiver_city = null, receiver_district = null, receiver_address = null, "
                + "message = null where customer_id = ?", id);
        n += dsl.execute("update launch_vote set comment_text = null where customer_id = ?", id);
        return n;
    }

    int removeProblemsHolding(Set<String> values) {
        int n = 0;
        for (String v : values) {
            n += dsl.execute("delete from import_problem where raw_value = ?", v);
        }
        return n;
    }

    void clearCustomer(long id, OffsetDateTime now) {
        dsl.execute("update customer set name = null, name_pinyin = null, name_initials = null, gender = null, "
                + "birthday_year = null, birthday_month = null, birthday_day = null, province = null, city = null, "
                + "note = null, referred_by_id = null, do_not_contact = true, do_not_contact_reason = null, "
                + "erased_at = ?, updated_at = ?, row_version = row_version + 1 where id = ?", now, now, id);
    }

    void log(OffsetDateTime now, long id, String reasonCode) {
        dsl.execute("insert into erasure_log (erased_at, customer_ref, reason) values (?, ?, ?)", now, "customer #" + id,
                reasonCode);
    }

    /** The erasure log: which customer (by number; the log holds nothing personal), when and why, oldest first. */
    List<ErasedInBackups.Erasure> erasures() {
        List<ErasedInBackups.Erasure> out = new ArrayList<>();
        for (var r : dsl.fetch("select customer_ref, erased_at, reason from erasure_log order by id")) {
            String ref = r.get(0, String.class);
            if (ref != null && ref.startsWith("customer #")) {
                out.add(new ErasedInBackups.Erasure(Long.parseLong(ref.substring("customer #".length())),
                        r.get(1, OffsetDateTime.class), r.get(2, String.class)));
            }
        }
        return out;
    }

    /** When each customer record was created: with the number, it tells the same customer in an older copy. */
    java.util.Map<Long, OffsetDateTime> createdAt(List<Long> ids) {
        java.util.Map<Long, OffsetDateTime> out = new java.util.HashMap<>();
        for (long id : ids) {
            dsl.fetchOptional("select created_at from customer where id = ?", id)
                    .ifPresent(r -> out.put(id, r.get(0, OffsetDateTime.class)));
        }
        return out;
    }

    /** The list's sort keys kept on the customer row (nickname, spend, channels, tags) after the records were cleared. */
    void refreshSortKeys(List<Long> ids) {
        com.fankeep.core.db.CustomerSortKeys.refresh(dsl, ids);
    }
}
