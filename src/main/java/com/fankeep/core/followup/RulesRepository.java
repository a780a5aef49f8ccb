package com.fankeep.core.followup;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.FOLLOW_UP;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.SETTING;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The reads the automatic rules need: recent shipped orders, birthdays, lapses. */
final class RulesRepository {

    /** An order the tracking and delivery rules look at; {@code shippedAt} falls back to paid/ordered time. */
    record ShippedOrder(long orderId, long customerId, String externalId, String trackingNo, String carrier,
                        String status, OffsetDateTime shippedAt) {
    }

    record BirthdayPerson(long customerId, int month, int day) {
    }

    record LastOrder(long customerId, OffsetDateTime lastOrderAt) {
    }

    private final DSLContext dsl;

    RulesRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static Condition reachable() {
        return CUSTOMER.ERASED_AT.isNull().and(CUSTOMER.MERGED_INTO_ID.isNull()).and(CUSTOMER.DO_NOT_CONTACT.isFalse());
    }

    /** Orders with a tracking number, shipped (or paid, or ordered, when the export has no ship time) since {@code since}. */
    List<ShippedOrder> shippedSince(OffsetDateTime since) {
        // the orders alone, in one pass by id, then the customers of those that qualify: with the join H2 2.4 walked
        // every live customer through customer_live_idx and each one's orders through the customer index (all orders
        // looked up one by one: 1 s of the 200,000-order import's rules)
        var shipped = DSL.coalesce(SHOP_ORDER.SHIPPED_AT, SHOP_ORDER.PAID_AT, SHOP_ORDER.ORDERED_AT);
        List<ShippedOrder> orders = dsl.select(SHOP_ORDER.ID, SHOP_ORDER.CUSTOMER_ID, SHOP_ORDER.EXTERNAL_ORDER_ID,
                        SHOP_ORDER.TRACKING_NO, SHOP_ORDER.CARRIER, SHOP_ORDER.STATUS, shipped)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.TRACKING_NO.isNotNull().and(DSL.trim(SHOP_ORDER.TRACKING_NO).ne(""))
                        .and(SHOP_ORDER.STATUS.in("paid", "shipped", "completed", "partially_refunded"))
                        .and(shipped.ge(since)).and(SHOP_ORDER.CUSTOMER_ID.isNotNull()))
                .orderBy(SHOP_ORDER.ID)
                .fetch(r -> new ShippedOrder(r.value1(), r.value2(), r.value3(), r.value4().strip(), r.value5(),
                        r.value6(), r.value7()));
        java.util.Set<Long> reachable = reachableOf(orders.stream().map(ShippedOrder::customerId).collect(
                java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        return orders.stream().filter(o -> reachable.contains(o.customerId())).toList();
    }

    /** Which of these customers are reachable, by id (as constants: H2 2.4 tests a bound list value by value). */
    private java.util.Set<Long> reachableOf(java.util.SortedSet<Long> ids) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        List<Long> list = List.copyOf(ids);
        for (int from = 0; from < list.size(); from += 1000) {
            List<org.jooq.Param<Long>> part = list.subList(from, Math.min(list.size(), from + 1000)).stream().map(DSL::inline).toList();
            dsl.select(CUSTOMER.ID, CUSTOMER.ERASED_AT, CUSTOMER.MERGED_INTO_ID, CUSTOMER.DO_NOT_CONTACT).from(CUSTOMER)
                    .where(CUSTOMER.ID.in(part))
                    .fetch().forEach(r -> {
                        if (reachable(r.value2(), r.value3(), r.value4())) {
                            out.add(r.value1());
                        }
                    });
        }
        return out;
    }

    /** As {@link #shippedSince(OffsetDateTime)}, for the orders of these customers only. */
    List<ShippedOrder> shippedSince(OffsetDateTime since, java.util.Collection<Long> customerIds) {
        // the orders' ids from the customer index alone, then their rows by id in key order (ADR 0060): row by row
        // through the customer index H2 read and decoded a table page for almost every order (a customer's orders lie
        // all over the table); the customers' reachability after, for the orders that qualify
        List<Long> ids = new java.util.ArrayList<>(dsl.select(SHOP_ORDER.ID).from(SHOP_ORDER)
                .where(SHOP_ORDER.CUSTOMER_ID.in(customerIds.stream().map(DSL::inline).toList()))
                .fetch(SHOP_ORDER.ID));
        ids.sort(null);
        var shipped = DSL.coalesce(SHOP_ORDER.SHIPPED_AT, SHOP_ORDER.PAID_AT, SHOP_ORDER.ORDERED_AT);
        List<ShippedOrder> orders = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            orders.addAll(dsl.select(SHOP_ORDER.ID, SHOP_ORDER.CUSTOMER_ID, SHOP_ORDER.EXTERNAL_ORDER_ID,
                            SHOP_ORDER.TRACKING_NO, SHOP_ORDER.CARRIER, SHOP_ORDER.STATUS, shipped)
                    .from(SHOP_ORDER)
                    .where(SHOP_ORDER.ID.in(ids.subList(from, Math.min(ids.size(), from + 1000)).stream().map(DSL::inline).toList())
                            .and(SHOP_ORDER.TRACKING_NO.isNotNull()).and(DSL.trim(SHOP_ORDER.TRACKING_NO).ne(""))
                            .and(SHOP_ORDER.STATUS.in("paid", "shipped", "completed", "partially_refunded"))
                            .and(shipped.ge(since)))
                    .fetch(r -> new ShippedOrder(r.value1(), r.value2(), r.value3(), r.value4().strip(), r.value5(),
                            r.value6(), r.value7())));
        }
        java.util.Set<Long> reachable = reachableOf(orders.stream().map(ShippedOrder::customerId).collect(
                java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        return orders.stream().filter(o -> reachable.contains(o.customerId())).toList();
    }

    /**
     * Every reachable customer with a birthday, by id, through customer_birthday_idx (V0240): the month between 1 and
     * 12 is the same as a month at all (customer_bday_month_ck). No reachability condition in the SQL: with one, H2 2.4
     * walked every live customer through customer_live_idx and looked each row up (300,000 look-ups on the 1M shop).
     */
    List<BirthdayPerson> birthdays() {
        List<BirthdayPerson> out = new java.util.ArrayList<>();
        dsl.select(CUSTOMER.ID, CUSTOMER.BIRTHDAY_MONTH, CUSTOMER.BIRTHDAY_DAY, CUSTOMER.ERASED_AT, CUSTOMER.MERGED_INTO_ID,
                        CUSTOMER.DO_NOT_CONTACT).from(CUSTOMER)
                .where(CUSTOMER.BIRTHDAY_MONTH.between((short) 1, (short) 12).and(CUSTOMER.BIRTHDAY_DAY.isNotNull()))
                .fetch().forEach(r -> {
                    if (reachable(r.value4(), r.value5(), r.value6())) {
                        out.add(new BirthdayPerson(r.value1(), r.value2(), r.value3()));
                    }
                });
        out.sort(java.util.Comparator.comparingLong(BirthdayPerson::customerId));
        return out;
    }

    /** {@link #reachable()} on values read. */
    private static boolean reachable(OffsetDateTime erasedAt, Long mergedInto, Boolean doNotContact) {
        return erasedAt == null && mergedInto == null && Boolean.FALSE.equals(doNotContact);
    }

    /** coalesce(last_order_at, 1900-01-01), indexed with the id (V0009): the customer list's sort key. */
    private static final org.jooq.Field<OffsetDateTime> SORT_LAST_ORDER = DSL.field(DSL.name("sort_last_order"), OffsetDateTime.class);

    /** As {@link #birthdays()}, among these customers only. */
    List<BirthdayPerson> birthdays(java.util.Collection<Long> customerIds) {
        return birthdays(CUSTOMER.ID.in(customerIds));
    }

    private List<BirthdayPerson> birthdays(Condition scope) {
        return dsl.select(CUSTOMER.ID, CUSTOMER.BIRTHDAY_MONTH, CUSTOMER.BIRTHDAY_DAY).from(CUSTOMER)
                .where(CUSTOMER.BIRTHDAY_MONTH.isNotNull().and(CUSTOMER.BIRTHDAY_DAY.isNotNull()).and(reachable()).and(scope))
                .orderBy(CUSTOMER.ID)
                .fetch(r -> new BirthdayPerson(r.value1(), r.value2(), r.value3()));
    }

    /** Customers whose last order was between the two times. */
    List<LastOrder> lastOrderBetween(OffsetDateTime from, OffsetDateTime to) {
        // through the last-order sort key's index: with the reachability conditions in the SQL H2 2.4 walked every
        // live customer through customer_live_idx instead (as TierRepository.lastOrderBetween found); the sort key is
        // last_order_at where there is one, so the range gives the same customers once last_order_at is checked too
        List<LastOrder> out = new java.util.ArrayList<>();
        dsl.select(CUSTOMER.ID, CUSTOMER.LAST_ORDER_AT, CUSTOMER.ERASED_AT, CUSTOMER.MERGED_INTO_ID, CUSTOMER.DO_NOT_CONTACT)
                .from(CUSTOMER).where(SORT_LAST_ORDER.ge(from).and(SORT_LAST_ORDER.le(to)))
                .fetch().forEach(r -> {
                    OffsetDateTime last = r.value2();
                    if (last != null && !last.isBefore(from) && !last.isAfter(to) && reachable(r.value3(), r.value4(), r.value5())) {
                        out.add(new LastOrder(r.value1(), last));
                    }
                });
        out.sort(java.util.Comparator.comparingLong(LastOrder::customerId));
        return out;
    }

    /** As {@link #lastOrderBetween(OffsetDateTime, OffsetDateTime)}, among these customers only. */
    List<LastOrder> lastOrderBetween(OffsetDateTime from, OffsetDateTime to, java.util.Collection<Long> customerIds) {
        return lastOrderBetween(from, to, CUSTOMER.ID.in(customerIds));
    }

    private List<LastOrder> lastOrderBetween(OffsetDateTime from, OffsetDateTime to, Condition scope) {
        return dsl.select(CUSTOMER.ID, CUSTOMER.LAST_ORDER_AT).from(CUSTOMER)
                .where(CUSTOMER.LAST_ORDER_AT.ge(from).and(CUSTOMER.LAST_ORDER_AT.le(to)).and(reachable()).and(scope))
                .orderBy(CUSTOMER.ID)
                .fetch(r -> new LastOrder(r.value1(), r.value2()));
    }

    /** Open win-back follow-ups of customers who ordered after {@code since}: they are back. */
    List<Long> openWinBacksOfCustomersOrderingSince(OffsetDateTime since) {
        return openWinBacksOfCustomersOrderingSince(since, DSL.noCondition());
    }

    /** As {@link #openWinBacksOfCustomersOrderingSince(OffsetDateTime)}, among these customers only. */
    List<Long> openWinBacksOfCustomersOrderingSince(OffsetDateTime since, java.util.Collection<Long> customerIds) {
        return openWinBacksOfCustomersOrderingSince(since, CUSTOMER.ID.in(customerIds));
    }

    private List<Long> openWinBacksOfCustomersOrderingSince(OffsetDateTime since, Condition scope) {
        return dsl.select(FOLLOW_UP.ID).from(FOLLOW_UP).join(CUSTOMER).on(CUSTOMER.ID.eq(FOLLOW_UP.CUSTOMER_ID))
                .where(FOLLOW_UP.REASON.eq(FollowUpReason.WIN_BACK.code()).and(FOLLOW_UP.STATUS.eq("open"))
                        .and(CUSTOMER.LAST_ORDER_AT.gt(since)).and(scope))
                .fetch(FOLLOW_UP.ID);
    }

    /** The setting holding the day's full run (ADR 0049): {@code day;highest import batch covered;rule settings}. */
    static final String FULL_RUN = "followup.fullRun";

    /** The last full run of the date-driven rules and what it covered (kept across processes: the CLI, the bench). */
    record FullRun(java.time.LocalDate day, long coveredBatch, String settings) {
        String text() {
            return day + ";" + coveredBatch + ";" + settings;
        }

        static FullRun parse(String text) {
            String[] f = text.split(";", 3);
            try {
                return f.length == 3 ? new FullRun(java.time.LocalDate.parse(f[0]), Long.parseLong(f[1]), f[2]) : null;
            } catch (RuntimeException e) {
                return null; // written by something else: no full run known
            }
        }
    }

    java.util.Optional<FullRun> fullRun() {
        return dsl.select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.SETTING_KEY.eq(FULL_RUN))
                .fetchOptional(SETTING.SETTING_VALUE).map(FullRun::parse);
    }

    void fullRun(FullRun run) {
        OffsetDateTime now = OffsetDateTime.now();
        if (dsl.update(SETTING).set(SETTING.SETTING_VALUE, run.text()).set(SETTING.UPDATED_AT, now)
                .where(SETTING.SETTING_KEY.eq(FULL_RUN)).execute() == 0) {
            dsl.insertInto(SETTING, SETTING.SETTING_KEY, SETTING.SETTING_VALUE, SETTING.UPDATED_AT).values(FULL_RUN, run.text(), now).execute();
        }
    }

    /** The highest import batch id (0: none). */
    long lastBatch() {
        return dsl.select(DSL.coalesce(DSL.max(IMPORT_BATCH.ID), 0L)).from(IMPORT_BATCH).fetchOne(0, Long.class);
    }

    /** True when an import batch other than {@code except} came after {@code covered}: its import's rules may not have run. */
    boolean batchesAfter(long covered, java.util.Collection<Long> except) {
        return dsl.fetchExists(dsl.selectOne().from(IMPORT_BATCH).where(IMPORT_BATCH.ID.gt(covered).and(IMPORT_BATCH.ID.notIn(except))));
    }

    /** Orders that were cancelled, closed or refunded and still have open automatic follow-ups. */
    List<Long> deadOrdersWithOpenFollowUps() {
        return deadOrdersWithOpenFollowUps(DSL.noCondition());
    }

    /** As {@link #deadOrdersWithOpenFollowUps()}, among the orders of these customers only. */
    List<Long> deadOrdersWithOpenFollowUps(java.util.Collection<Long> customerIds) {
        return deadOrdersWithOpenFollowUps(SHOP_ORDER.CUSTOMER_ID.in(customerIds));
    }

    private List<Long> deadOrdersWithOpenFollowUps(Condition scope) {
        return dsl.selectDistinct(SHOP_ORDER.ID).from(FOLLOW_UP).join(SHOP_ORDER).on(SHOP_ORDER.ID.eq(FOLLOW_UP.ORDER_ID))
                .where(FOLLOW_UP.STATUS.eq("open").and(SHOP_ORDER.STATUS.in("cancelled", "closed", "refunded")).and(scope))
                .fetch(SHOP_ORDER.ID);
    }
}
