package com.fankeep.core.insight;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.FOLLOW_UP;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.INTERACTION;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsServiceTest {

    @TempDir
    Path temp;

    @Test
    void emptyDatabaseHasZeroEverything() {
        try (Database db = TestDatabases.fresh(temp)) {
            Stats s = new StatsService(db).stats();
            assertThat(s).isEqualTo(new Stats(0, 0, 0, 0, 0, new java.util.TreeMap<>()));
        }
    }

    @Test
    void revenueCountsOnlyPaidOrdersNetOfRefundsPerCurrency() {
        try (Database db = TestDatabases.fresh(temp)) {
            db.transaction(dsl -> {
                order(dsl, "1", "completed", "CNY", "100.00", "0", null);
                order(dsl, "2", "partially_refunded", "CNY", "50.00", "20.00", null);
                order(dsl, "3", "refunded", "CNY", "80.00", "80.00", null);   // fully refunded: not revenue
                order(dsl, "4", "cancelled", "CNY", "60.00", "0", null);      // paid column filled, still not revenue
                order(dsl, "5", "closed", "CNY", "70.00", "0", null);
                order(dsl, "6", "unpaid", "CNY", "90.00", "0", null);
                order(dsl, "7", "shipped", "USD", "12.50", "0", null);
            });
            Stats s = new StatsService(db).recount();
            assertThat(s.orders()).isEqualTo(7);
            assertThat(s.revenueByCurrency()).containsOnlyKeys("CNY", "USD");
            assertThat(s.revenueByCurrency().get("CNY")).isEqualByComparingTo("130.00");
            assertThat(s.revenueByCurrency().get("USD")).isEqualByComparingTo("12.50");
        }
    }

    @Test
    void rowsOfAnUncommittedImportBatchAreInvisible() {
        try (Database db = TestDatabases.fresh(temp)) {
            db.transaction(dsl -> {
                long running = batch(dsl, "running");
                long committed = batch(dsl, "committed");
                long orderInRunning = order(dsl, "1", "completed", "CNY", "10.00", "0", running);
                long orderInCommitted = order(dsl, "2", "completed", "CNY", "20.00", "0", committed);
                line(dsl, orderInRunning);
                line(dsl, orderInCommitted);
            });
            Stats s = new StatsService(db).recount();
            assertThat(s.orders()).isEqualTo(1);
            assertThat(s.orderLines()).isEqualTo(1);
            assertThat(s.revenueByCurrency().get("CNY")).isEqualByComparingTo("20.00");
        }
    }

    @Test
    void countsCustomersInteractionsAndOpenFollowUpsButNotMergedOrErasedCustomers() {
        try (Database db = TestDatabases.fresh(temp)) {
            db.transaction(dsl -> {
                long a = customer(dsl, "张三");
                long b = customer(dsl, "张三(旧)");
                long c = customer(dsl, null);
                dsl.update(CUSTOMER).set(CUSTOMER.MERGED_INTO_ID, a).where(CUSTOMER.ID.eq(b)).execute();
                dsl.update(CUSTOMER).set(CUSTOMER.ERASED_AT, OffsetDateTime.now()).where(CUSTOMER.ID.eq(c)).execute();
                dsl.insertInto(INTERACTION, INTERACTION.CUSTOMER_ID, INTERACTION.KIND, INTERACTION.CHANNEL,
                        INTERACTION.OCCURRED_AT, INTERACTION.SUMMARY).values(a, "call", "phone", OffsetDateTime.now(), "问候").execute();
                followUp(dsl, a, "open");
                followUp(dsl, a, "open");
                followUp(dsl, a, "done");
            });
            StatsService service = new StatsService(db);
            Stats s = service.recount();
            assertThat(s.customers()).isEqualTo(1);
            assertThat(s.interactions()).isEqualTo(1);
            assertThat(s.openFollowUps()).isEqualTo(2);
            // rows written past the services: the counters know nothing until recountAll (the bulk import's call)
            assertThat(service.stats().customers()).isZero();
            service.recountAll();
            assertThat(service.stats()).isEqualTo(s);
        }
    }

    @Test
    void emptyIsOneCheapQueryOnCustomersAndOrders() {
        try (Database db = TestDatabases.fresh(temp)) {
            StatsService service = new StatsService(db);
            assertThat(service.empty()).isTrue();
            db.transaction(dsl -> order(dsl, "1", "unpaid", "CNY", "0", "0", null));
            assertThat(service.empty()).isFalse();
        }
    }

    private static long customer(DSLContext dsl, String name) {
        return dsl.insertInto(CUSTOMER, CUSTOMER.NAME).values(name).returning(CUSTOMER.ID).fetchOne().getId();
    }

    private static void followUp(DSLContext dsl, long customer, String status) {
        dsl.insertInto(FOLLOW_UP, FOLLOW_UP.CUSTOMER_ID, FOLLOW_UP.TITLE, FOLLOW_UP.DUE_DATE, FOLLOW_UP.STATUS)
                .values(customer, "回访", LocalDate.now(), status).execute();
    }

    private static long batch(DSLContext dsl, String status) {
        return dsl.insertInto(IMPORT_BATCH, IMPORT_BATCH.FILE_NAME, IMPORT_BATCH.FORMAT, IMPORT_BATCH.STATUS)
                .values("x.csv", "taobao", status).returning(IMPORT_BATCH.ID).fetchOne().getId();
    }

    private static long order(DSLContext dsl, String id, String status, String currency, String paid, String refunded, Long batch) {
        return dsl.insertInto(SHOP_ORDER, SHOP_ORDER.PLATFORM, SHOP_ORDER.EXTERNAL_ORDER_ID, SHOP_ORDER.STATUS,
                        SHOP_ORDER.CURRENCY, SHOP_ORDER.PAID_AMOUNT, SHOP_ORDER.REFUNDED_AMOUNT, SHOP_ORDER.IMPORT_BATCH_ID)
                .values("taobao", id, status, currency, new BigDecimal(paid), new BigDecimal(refunded), batch)
                .returning(SHOP_ORDER.ID).fetchOne().getId();
    }

    private static void line(DSLContext dsl, long order) {
        dsl.insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.TITLE).values(order, 1, "手工皂").execute();
    }
}
