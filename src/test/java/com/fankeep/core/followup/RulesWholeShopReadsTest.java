package com.fankeep.core.followup;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-shop reads of the rules (a day's first run) without the reachability conditions in the SQL (ADR 0060: with
 * them H2 walked every live customer through customer_live_idx) give what the joined queries they replace gave, in
 * the same order: on generated shops with merged, erased and do-not-contact customers, customers without orders,
 * orders without a customer, tracking numbers empty or blank, and times missing or at the window's edges.
 */
class RulesWholeShopReadsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final List<String> STATUSES = List.of("paid", "shipped", "completed", "partially_refunded", "cancelled",
            "refunded", "unpaid");

    @TempDir
    Path temp;

    @Test
    void theReadsGiveWhatTheJoinedQueriesGave() {
        int[] found = new int[3];
        PropertyRunner.check("rules' whole-shop reads = the joined queries", 5, RandomGenerator::nextLong, seed -> {
            Path dir = Files.createTempDirectory(temp, "shop");
            try (Database db = TestDatabases.fresh(dir)) {
                RandomGenerator r = new java.util.SplittableRandom(seed);
                try (Connection c = db.dataSource().getConnection()) {
                    shop(c, r, 150 + r.nextInt(100));
                }
                DSLContext dsl = db.dsl();
                RulesRepository rules = new RulesRepository(dsl);
                OffsetDateTime since = NOW.minusDays(19);
                OffsetDateTime from = NOW.minusDays(194);
                OffsetDateTime to = NOW.minusDays(180);

                List<RulesRepository.ShippedOrder> shipped = rules.shippedSince(since);
                assertThat(shipped).isEqualTo(shippedBefore(dsl, since, DSL.noCondition()));
                // an import's customers: their orders by id in key order (FollowUpRules sorts what it gets by order id)
                List<Long> some = dsl.select(CUSTOMER.ID).from(CUSTOMER).fetch(CUSTOMER.ID).stream().filter(id -> r.nextInt(3) == 0).toList();
                List<RulesRepository.ShippedOrder> scoped = new java.util.ArrayList<>(rules.shippedSince(since, some));
                scoped.sort(java.util.Comparator.comparingLong(RulesRepository.ShippedOrder::orderId));
                assertThat(scoped).isEqualTo(shippedBefore(dsl, since, SHOP_ORDER.CUSTOMER_ID.in(some)));
                List<RulesRepository.BirthdayPerson> birthdays = rules.birthdays();
                assertThat(birthdays).isEqualTo(birthdaysBefore(dsl));
                List<RulesRepository.LastOrder> lapsed = rules.lastOrderBetween(from, to);
                assertThat(lapsed).isEqualTo(lastOrderBefore(dsl, from, to));
                found[0] += shipped.size();
                found[1] += birthdays.size();
                found[2] += lapsed.size();
            }
        });
        // every read had something to find
        assertThat(found[0]).isPositive();
        assertThat(found[1]).isPositive();
        assertThat(found[2]).isPositive();
    }

    private static Condition reachable() {
        return CUSTOMER.ERASED_AT.isNull().and(CUSTOMER.MERGED_INTO_ID.isNull()).and(CUSTOMER.DO_NOT_CONTACT.isFalse());
    }

    /** RulesRepository.shippedSince(since) and shippedSince(since, customers) as they were before ADR 0060. */
    private static List<RulesRepository.ShippedOrder> shippedBefore(DSLContext dsl, OffsetDateTime since, Condition scope) {
        var shipped = DSL.coalesce(SHOP_ORDER.SHIPPED_AT, SHOP_ORDER.PAID_AT, SHOP_ORDER.ORDERED_AT);
        return dsl.select(SHOP_ORDER.ID, SHOP_ORDER.CUSTOMER_ID, SHOP_ORDER.EXTERNAL_ORDER_ID, SHOP_ORDER.TRACKING_NO,
                        SHOP_ORDER.CARRIER, SHOP_ORDER.STATUS, shipped)
                .from(SHOP_ORDER).join(CUSTOMER).on(CUSTOMER.ID.eq(SHOP_ORDER.CUSTOMER_ID))
                .where(SHOP_ORDER.TRACKING_NO.isNotNull().and(DSL.trim(SHOP_ORDER.TRACKING_NO).ne(""))
                        .and(SHOP_ORDER.STATUS.in("paid", "shipped", "completed", "partially_refunded"))
                        .and(shipped.ge(since)).and(scope).and(reachable()))
                .orderBy(SHOP_ORDER.ID)
                .fetch(r -> new RulesRepository.ShippedOrder(r.value1(), r.value2(), r.value3(), r.value4().strip(), r.value5(),
                        r.value6(), r.value7()));
    }

    /** RulesRepository.birthdays() as it was before ADR 0060. */
    private static List<RulesRepository.BirthdayPerson> birthdaysBefore(DSLContext dsl) {
        return dsl.select(CUSTOMER.ID, CUSTOMER.BIRTHDAY_MONTH, CUSTOMER.BIRTHDAY_DAY).from(CUSTOMER)
                .where(CUSTOMER.BIRTHDAY_MONTH.isNotNull().and(CUSTOMER.BIRTHDAY_DAY.isNotNull()).and(reachable()))
                .orderBy(CUSTOMER.ID)
                .fetch(r -> new RulesRepository.BirthdayPerson(r.value1(), r.value2(), r.value3()));
    }

    /** RulesRepository.lastOrderBetween(from, to) as it was before ADR 0060. */
    private static List<RulesRepository.LastOrder> lastOrderBefore(DSLContext dsl, OffsetDateTime from, OffsetDateTime to) {
        return dsl.select(CUSTOMER.ID, CUSTOMER.LAST_ORDER_AT).from(CUSTOMER)
                .where(CUSTOMER.LAST_ORDER_AT.ge(from).and(CUSTOMER.LAST_ORDER_AT.le(to)).and(reachable()))
                .orderBy(CUSTOMER.ID)
                .fetch(r -> new RulesRepository.LastOrder(r.value1(), r.value2()));
    }

    /** A time around {@code at}: now and then exactly on it, else up to 3 days either side; null now and then. */
    private static OffsetDateTime near(RandomGenerator r, OffsetDateTime at) {
        if (r.nextInt(6) == 0) {
            return null;
        }
        return r.nextInt(5) == 0 ? at : at.plusMinutes(r.nextLong(-3 * 1440, 3 * 1440));
    }

    private static void shop(Connection c, RandomGenerator r, int customers) throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        try (PreparedStatement cu = c.prepareStatement("insert into customer (name, merged_into_id, erased_at, do_not_contact, "
                + "birthday_month, birthday_day, last_order_at) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
             PreparedStatement or = c.prepareStatement("insert into shop_order (platform, external_order_id, customer_id, status, "
                     + "tracking_no, carrier, shipped_at, paid_at, ordered_at) values ('taobao', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < customers; i++) {
                cu.setString(1, "买家" + i);
                cu.setObject(2, !ids.isEmpty() && r.nextInt(8) == 0 ? ids.get(0) : null);
                cu.setObject(3, r.nextInt(10) == 0 ? NOW.minusDays(3) : null);
                cu.setBoolean(4, r.nextInt(8) == 0);
                boolean birthday = r.nextInt(3) == 0;
                cu.setObject(5, birthday || r.nextInt(10) == 0 ? 1 + r.nextInt(12) : null);
                cu.setObject(6, birthday || r.nextInt(10) == 0 ? 1 + r.nextInt(28) : null);
                // the lapse window's edges (194 and 180 days back), and the 1900 the sort key gives the orderless
                OffsetDateTime edge = r.nextBoolean() ? NOW.minusDays(194) : NOW.minusDays(180);
                cu.setObject(7, r.nextInt(10) == 0 ? OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC) : near(r, edge));
                cu.executeUpdate();
                try (var keys = cu.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
                for (int k = r.nextInt(4); k > 0; k--) {
                    or.setString(1, "o" + ids.getLast() + "-" + k);
                    or.setObject(2, r.nextInt(12) == 0 ? null : ids.getLast());
                    or.setString(3, STATUSES.get(r.nextInt(STATUSES.size())));
                    int t = r.nextInt(5);
                    or.setString(4, t == 0 ? null : t == 1 ? "" : t == 2 ? "  " : " YT" + r.nextInt(100000) + " ");
                    or.setString(5, r.nextBoolean() ? "中通" : null);
                    OffsetDateTime since = NOW.minusDays(19);
                    or.setObject(6, near(r, since));
                    or.setObject(7, near(r, since));
                    OffsetDateTime ordered = near(r, since);
                    or.setObject(8, ordered == null ? since.minusDays(30) : ordered);
                    or.executeUpdate();
                }
            }
        }
    }
}
