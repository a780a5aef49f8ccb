package com.fankeep.core.unassigned;

import static com.fankeep.core.db.jooq.Tables.AUDIT_LOG;
import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The SQL of orders without a customer, their candidate customers and attaching them, in the service's transaction. */
final class UnassignedRepository {

    /** Order statuses that count as revenue (the importer's rule for derived figures). */
    private static final String REVENUE_STATUSES = "('paid', 'shipped', 'completed', 'partially_refunded')";
    private static final String LIVE = "c.merged_into_id is null and c.erased_at is null";

    /** An order without a customer with its receiver, as stored (masked where the platform masked it). */
    record Row(UnassignedOrder order, String name, String phone, String province, String city, String district,
               String address) {
    }

    /** A known customer and where their orders went. */
    record Known(long id, String name, String city, Set<String> cities, Set<String> districts, Set<String> titles) {
    }

    private final DSLContext dsl;

    UnassignedRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Row> unassigned() {
        List<Row> out = new ArrayList<>();
        for (Record r : dsl.fetch("select id, platform, external_order_id, ordered_at, total_amount, currency, receiver_name, "
                + "receiver_phone, receiver_province, receiver_city, receiver_district, receiver_address from shop_order "
                + "where customer_id is null order by ordered_at, id")) {
            out.add(new Row(new UnassignedOrder(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                    r.get(3, OffsetDateTime.class), r.get(4, BigDecimal.class), r.get(5, String.class)),
                    r.get(6, String.class), r.get(7, String.class), r.get(8, String.class), r.get(9, String.class),
                    r.get(10, String.class), r.get(11, String.class)));
        }
        return out;
    }

    Map<Long, Set<String>> titles(Collection<Long> orderIds) {
        Map<Long, Set<String>> out = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(orderIds)) {
            for (Record r : dsl.fetch("select order_id, title from order_line where title is not null and order_id in "
                    + marks(chunk.size()), chunk.toArray())) {
                out.computeIfAbsent(r.get(0, Long.class), k -> new LinkedHashSet<>()).add(r.get(1, String.class));
            }
        }
        return out;
    }

    /** Customers with an unmasked phone ending in {@code tail}, with that phone. */
    Map<Long, String> phonesEndingWith(String tail) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Record r : dsl.fetch("select ch.customer_id, ch.normalized_value from contact_channel ch join customer c "
                + "on c.id = ch.customer_id where ch.kind = 'phone' and ch.is_masked = false and ch.normalized_value like ? and "
                + LIVE, "%" + tail)) {
            out.putIfAbsent(r.get(0, Long.class), r.get(1, String.class));
        }
        return out;
    }

    /** Customers whose name starts with {@code surname} and who live in, or had orders sent to, {@code city}. */
    List<Long> surnameInCity(String surname, String city) {
        return dsl.fetch("select c.id from customer c where c.name like ? and " + LIVE + " and (c.city = ? or exists "
                + "(select 1 from shop_order o where o.customer_id = c.id and o.receiver_city = ?))", surname + "%", city, city)
                .getValues(0, Long.class);
    }

    Known known(long id) {
        Record c = dsl.fetchOne("select c.id, c.name, c.city from customer c where c.id = ? and " + LIVE, id);
        if (c == null) {
            return null;
        }
        Set<String> cities = new LinkedHashSet<>();
        Set<String> districts = new LinkedHashSet<>();
        for (Record r : dsl.fetch("select distinct receiver_city, receiver_district from shop_order where customer_id = ?", id)) {
            if (r.get(0) != null) {
                cities.add(r.get(0, String.class));
            }
            if (r.get(1) != null) {
                districts.add(r.get(1, String.class));
            }
        }
        Set<String> titles = new LinkedHashSet<>(dsl.fetch("select distinct l.title from order_line l join shop_order o "
                + "on o.id = l.order_id where o.customer_id = ? and l.title is not null", id).getValues(0, String.class));
        String city = c.get(2, String.class);
        if (city != null) {
            cities.add(city);
        }
        return new Known(id, c.get(1, String.class), city, cities, districts, titles);
    }

    /** Orders with this number (on this platform, when given): id, platform, number, customer. */
    List<Record> ordersNumbered(String platform, String orderNo) {
        return platform == null
                ? dsl.fetch("select id, platform, external_order_id, customer_id from shop_order where external_order_id = ?", orderNo)
                : dsl.fetch("select id, platform, external_order_id, customer_id from shop_order where external_order_id = ? "
                + "and platform = ?", orderNo, platform);
    }

    /** Attaches the orders that are still without a customer; returns how many. */
    int attach(Collection<Long> orderIds, long customerId, OffsetDateTime at) {
        int n = 0;
        for (List<Long> chunk : chunks(orderIds)) {
            List<Object> args = new ArrayList<>(List.of(customerId, at));
            args.addAll(chunk);
            n += dsl.execute("update shop_order set customer_id = ?, updated_at = ? where customer_id is null and id in "
                    + marks(chunk.size()), args.toArray());
        }
        scanKeys(customerId);
        return n;
    }

    /** A new customer for an unidentified buyer (counted in the shop's customers at once). */
    long createCustomer(String name, String province, String city, OffsetDateTime at) {
        long id = dsl.insertInto(CUSTOMER).set(CUSTOMER.NAME, cut(name, 200))
                .set(CUSTOMER.NAME_PINYIN, com.fankeep.core.customer.PinyinKeys.full(name))
                .set(CUSTOMER.NAME_INITIALS, com.fankeep.core.customer.PinyinKeys.initials(name))
                .set(CUSTOMER.PROVINCE, cut(province, 100)).set(CUSTOMER.CITY, cut(city, 100))
                .set(CUSTOMER.CREATED_AT, at).set(CUSTOMER.UPDATED_AT, at)
                .returningResult(CUSTOMER.ID).fetchOne().value1();
        customers(1);
        scanKeys(id);
        return id;
    }

    long addPhone(long customerId, String raw, String normalized, boolean masked) {
        long id = dsl.insertInto(CONTACT_CHANNEL).set(CONTACT_CHANNEL.CUSTOMER_ID, customerId).set(CONTACT_CHANNEL.KIND, "phone")
                .set(CONTACT_CHANNEL.RAW_VALUE, raw).set(CONTACT_CHANNEL.NORMALIZED_VALUE, normalized)
                .set(CONTACT_CHANNEL.IS_MASKED, masked).set(CONTACT_CHANNEL.IS_PRIMARY, true)
                .returningResult(CONTACT_CHANNEL.ID).fetchOne().value1();
        scanKeys(customerId);
        return id;
    }

    /** The customer's receivers, name or phones changed: the duplicates scan stores their keys anew (ADR 0044). */
    private void scanKeys(long customerId) {
        com.fankeep.core.db.DuplicateKeyMarks.mark(dsl, List.of(customerId));
    }

    /**
     * Whether the customer made for an unidentified buyer still has only what it was made with: its orders (some may
     * have gone), its channels, nothing merged, referred, logged, tagged or planned since. Only then can undo remove it.
     */
    boolean onlyWhatItWasMadeWith(long customerId, Collection<Long> orderIds, Collection<Long> channelIds) {
        Record c = dsl.fetchOne("select merged_into_id, erased_at from customer where id = ?", customerId);
        if (c == null || c.get(0) != null || c.get(1) != null) {
            return false;
        }
        Set<Long> orders = new LinkedHashSet<>(dsl.fetch("select id from shop_order where customer_id = ?", customerId)
                .getValues(0, Long.class));
        orders.removeAll(orderIds);
        Set<Long> channels = new LinkedHashSet<>(dsl.fetch("select id from contact_channel where customer_id = ?", customerId)
                .getValues(0, Long.class));
        channels.removeAll(channelIds);
        return orders.isEmpty() && channels.isEmpty() && !dsl.fetchExists(dsl.selectOne().from(CUSTOMER).where(
                "exists (select 1 from interaction i where i.customer_id = ?) "
                + "or exists (select 1 from follow_up f where f.customer_id = ?) "
                + "or exists (select 1 from customer_tag t where t.customer_id = ?) "
                + "or exists (select 1 from fan_group_member g where g.customer_id = ?) "
                + "or exists (select 1 from campaign_entry e where e.customer_id = ?) "
                + "or exists (select 1 from launch_reservation r where r.customer_id = ?) "
                + "or exists (select 1 from launch_vote v where v.customer_id = ?) "
                + "or exists (select 1 from customer c2 where c2.merged_into_id = ? or c2.referred_by_id = ?)",
                customerId, customerId, customerId, customerId, customerId, customerId, customerId, customerId, customerId));
    }

    /** Removes a customer made for an unidentified buyer (undo); its channels, figures, tier and suggestions go with it (cascade). */
    void deleteCustomer(long customerId) {
        if (dsl.execute("delete from customer where id = ?", customerId) == 1) {
            customers(-1);
        }
    }

    private void customers(long n) {
        com.fankeep.core.db.ShopCounters.Delta d = new com.fankeep.core.db.ShopCounters.Delta();
        d.customers(n);
        com.fankeep.core.db.ShopCounters.add(dsl, d);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Takes the orders back from the customer (those still theirs); returns how many. */
    int detach(Collection<Long> orderIds, long customerId, OffsetDateTime at) {
        int n = 0;
        for (List<Long> chunk : chunks(orderIds)) {
            List<Object> args = new ArrayList<>(List.of(at, customerId));
            args.addAll(chunk);
            n += dsl.execute("update shop_order set customer_id = null, updated_at = ? where customer_id = ? and id in "
                    + marks(chunk.size()), args.toArray());
        }
        scanKeys(customerId);
        return n;
    }

    /** First/last order, order count and net spend per currency from the customer's orders (the importer's rule). */
    void recomputeFigures(long customerId) {
        dsl.execute("update customer set (order_count, first_order_at, last_order_at) = "
                + "(select count(*), min(coalesce(o.ordered_at, o.paid_at)), max(coalesce(o.ordered_at, o.paid_at)) "
                + "from shop_order o where o.customer_id = customer.id and o.status in " + REVENUE_STATUSES + ") where id = ?",
                customerId);
        dsl.execute("delete from customer_spend where customer_id = ?", customerId);
        dsl.execute("insert into customer_spend (customer_id, currency, net_spend, order_count) "
                + "select customer_id, currency, sum(coalesce(paid_amount, 0) - refunded_amount), count(*) from shop_order "
                + "where status in " + REVENUE_STATUSES + " and customer_id = ? group by customer_id, currency", customerId);
    }

    long audit(long customerId, String summary, String undoJson) {
        return dsl.insertInto(AUDIT_LOG).set(AUDIT_LOG.ACTION, "order_assign").set(AUDIT_LOG.ENTITY, "customer")
                .set(AUDIT_LOG.ENTITY_ID, customerId).set(AUDIT_LOG.SUMMARY, summary).set(AUDIT_LOG.UNDO_DATA, undoJson)
                .returning(AUDIT_LOG.ID).fetchOne().getId();
    }

    /** The undo data of an assignment not undone yet, or null. */
    String undoData(long auditId) {
        Record r = dsl.fetchOne("select undo_data from audit_log where id = ? and action = 'order_assign' and undone_at is null",
                auditId);
        return r == null ? null : r.get(0, String.class);
    }

    Long newestAssignment() {
        Record r = dsl.fetchOne("select max(id) from audit_log where action = 'order_assign' and undone_at is null");
        return r == null ? null : r.get(0, Long.class);
    }

    void markUndone(long auditId, OffsetDateTime at) {
        dsl.execute("update audit_log set undone_at = ? where id = ?", at, auditId);
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            out.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return out;
    }

    private static String marks(int n) {
        return "(" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
    }
}
