package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.IMPORT_PROBLEM;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.importing.GoldenImport.DOUYIN;
import static com.fankeep.core.importing.GoldenImport.PINDUODUO;
import static com.fankeep.core.importing.GoldenImport.batchOf;
import static com.fankeep.core.importing.GoldenImport.fingerprint;
import static com.fankeep.core.importing.GoldenImport.importNow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.insight.StatsService;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Golden test: the Douyin shop export of sample-data/ (BOM, "\t…" values, "-" for empty, one row per sub-order, every
 * receiver encrypted as ##密文 / $$密文 so that no buyer can be identified).
 */
class DouyinImportTest extends ImportTestBase {

    @Test
    void groupsSubOrdersIntoOrdersAndInventsNoCustomers() {
        ImportSummary s = importNow(service, DOUYIN);

        assertThat(s.files()).extracting(FileSummary::format).containsExactly("douyin_orders");
        assertThat(s.files().get(0).rows()).isEqualTo(9);
        assertThat(s.newOrders()).isEqualTo(6);
        var stats = new StatsService(db).stats();
        assertThat(stats.orders()).isEqualTo(6);
        assertThat(stats.orderLines()).isEqualTo(9); // gift rows (0.00) are lines too
        // nobody is identifiable: the orders are stored without a customer, and the owner is told once per order
        assertThat(stats.customers()).isZero();
        assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.isNotNull())).isZero();
        assertThat(db.dsl().fetchCount(CONTACT_CHANNEL)).isZero();
        assertThat(s.problems()).isEqualTo(6);
        assertThat(s.firstProblems()).allSatisfy(p -> {
            assertThat(p.code()).isEqualTo("buyer_unidentifiable");
            assertThat(p.warning()).isTrue();
            assertThat(p.file()).isEqualTo(DOUYIN.getFileName().toString());
        });
        assertThat(s.firstProblems()).extracting(ImportProblem::row).containsExactly(2L, 4L, 5L, 7L, 9L, 10L);
        assertThat(db.dsl().fetchCount(IMPORT_PROBLEM, IMPORT_PROBLEM.CODE.eq("buyer_unidentifiable"))).isEqualTo(6);
    }

    @Test
    void revenueFollowsTheSubOrders() {
        importNow(service, DOUYIN);
        // computed independently from the CSV (python3 csv): 订单应付金额 of the sub-orders in 已完成 / 已发货 / 待发货 whose
        // 售后状态 is not 退款成功: (68 + 0) + 98 + (79 + 78) + 123 + 183 = 629.00; the order whose shirt was refunded and
        // whose gift was closed with it (154.00 + 0.00) is not revenue
        assertThat(new StatsService(db).stats().revenueByCurrency()).containsOnlyKeys("CNY");
        assertThat(new StatsService(db).stats().revenueByCurrency().get("CNY")).isEqualByComparingTo("629.00");
        var refunded = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("6950163681600501087")).fetchOne();
        assertThat(refunded.getStatus()).isEqualTo("refunded");
        assertThat(refunded.getPaidAmount()).isEqualByComparingTo("154.00");
        assertThat(refunded.getRefundedAmount()).isEqualByComparingTo("154.00");
        var twoItems = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("6958355084950678649")).fetchOne();
        assertThat(twoItems.getStatus()).isEqualTo("completed");
        assertThat(twoItems.getPaidAmount()).isEqualByComparingTo("157.00");
        assertThat(db.dsl().selectDistinct(SHOP_ORDER.PLATFORM_STATUS, SHOP_ORDER.STATUS).from(SHOP_ORDER)
                .fetchMap(SHOP_ORDER.PLATFORM_STATUS, SHOP_ORDER.STATUS)).containsOnly(
                        org.assertj.core.api.Assertions.entry("已完成", "completed"),
                        org.assertj.core.api.Assertions.entry("已发货", "shipped"),
                        org.assertj.core.api.Assertions.entry("待发货", "paid"),
                        org.assertj.core.api.Assertions.entry("已关闭", "refunded"));
    }

    @Test
    void quirksAreUndone() {
        importNow(service, DOUYIN);
        var d = db.dsl();
        assertThat(d.fetchCount(SHOP_ORDER, SHOP_ORDER.EXTERNAL_ORDER_ID.contains("\t"))).isZero();
        assertThat(d.fetchCount(ORDER_LINE, ORDER_LINE.EXTERNAL_LINE_ID.contains("\t").or(ORDER_LINE.SKU.contains("\t")))).isZero();
        // "-" and the encrypted placeholders are stored as nothing
        assertThat(d.fetchCount(SHOP_ORDER, SHOP_ORDER.RECEIVER_NAME.isNotNull().or(SHOP_ORDER.RECEIVER_PHONE.isNotNull())
                .or(SHOP_ORDER.RECEIVER_ADDRESS.isNotNull()).or(SHOP_ORDER.SELLER_NOTE.isNotNull()))).isZero();
        assertThat(d.fetchCount(ORDER_LINE, ORDER_LINE.REFUND_STATUS.eq("-"))).isZero();
        var order = d.selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("6933498290731381184")).fetchOne();
        assertThat(order.getOrderedAt()).isEqualTo(OffsetDateTime.parse("2024-02-01T20:31:07+08:00"));
        assertThat(order.getShippedAt()).isEqualTo(OffsetDateTime.parse("2024-02-03T02:31:07+08:00"));
        assertThat(order.getCompletedAt()).isEqualTo(OffsetDateTime.parse("2024-02-09T20:31:07+08:00"));
        assertThat(d.select(ORDER_LINE.EXTERNAL_LINE_ID, ORDER_LINE.SKU, ORDER_LINE.LINE_TOTAL).from(ORDER_LINE)
                .where(ORDER_LINE.ORDER_ID.eq(order.getId())).orderBy(ORDER_LINE.LINE_NO).fetch()
                .map(r -> r.value1() + " " + r.value2() + " " + r.value3().toPlainString()))
                .containsExactly("6986931944977618288 XM-MUG-WH 68.00", "6925310131053655391 XM-GIFT-CARD 0.00");
        var pending = d.selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("6986357810072795359")).fetchOne();
        assertThat(pending.getShippedAt()).isNull(); // "-"
    }

    @Test
    void maskedReceiversGetNoCustomerButReadableOnesDo() throws java.io.IOException {
        Path file = temp.resolve("1710470000_new.csv");
        java.nio.file.Files.writeString(file, "\uFEFF主订单编号,子订单编号,选购商品,商品数量,订单应付金额,收件人,收件人手机号,详细地址,订单提交时间,订单状态\r\n"
                + "\"\t6900000000000000001\",\"\t6900000000000000002\",\"杯子\",\"1\",\"68.00\",\"张**\",\"138****8000\",\"上海市****\",\"\t2024-03-15 09:00:00\",\"待发货\"\r\n"
                + "\"\t6900000000000000003\",\"\t6900000000000000004\",\"杯子\",\"1\",\"68.00\",\"张伟\",\"13800138000\",\"上海市浦东新区张杨路588弄\",\"\t2024-03-15 10:00:00\",\"待发货\"\r\n",
                java.nio.charset.StandardCharsets.UTF_8);

        ImportSummary s = importNow(service, file);

        assertThat(s.newOrders()).isEqualTo(2);
        assertThat(s.newCustomers()).isEqualTo(1);
        assertThat(s.firstProblems()).extracting(ImportProblem::code, ImportProblem::row).containsExactly(
                org.assertj.core.api.Assertions.tuple("buyer_unidentifiable", 2L));
        var masked = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("6900000000000000001")).fetchOne();
        assertThat(masked.getCustomerId()).isNull();
        assertThat(masked.getReceiverName()).isEqualTo("张**"); // kept on the order, as the export shows it
        assertThat(masked.getReceiverPhone()).isEqualTo("138****8000");
        var readable = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("6900000000000000003")).fetchOne();
        assertThat(db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(readable.getCustomerId())).fetchOne().getName()).isEqualTo("张伟");
    }

    @Test
    void aNamedBuyerWithoutAnyKeyIsNotCreatedAgainOnReimport() throws java.io.IOException {
        // a readable name with a masked phone: a customer (ADR 0007), but nothing to find them by next time except
        // the stored order
        Path file = temp.resolve("1710470000_named.csv");
        java.nio.file.Files.writeString(file, "\uFEFF主订单编号,子订单编号,选购商品,商品数量,订单应付金额,收件人,收件人手机号,详细地址,订单提交时间,订单状态\r\n"
                + "\"\t6900000000000000005\",\"\t6900000000000000006\",\"杯子\",\"1\",\"68.00\",\"张伟\",\"138****8000\",\"上海市****\",\"\t2024-03-15 09:00:00\",\"待发货\"\r\n",
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(importNow(service, file).newCustomers()).isEqualTo(1);
        String before = fingerprint(db);

        ImportSummary again = importNow(service, file);

        assertThat(again.newCustomers()).isZero();
        assertThat(again.nothingNew()).isTrue();
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(db.dsl().fetchCount(CUSTOMER)).isEqualTo(1);
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        importNow(service, DOUYIN);
        String before = fingerprint(db);
        ImportSummary again = importNow(service, DOUYIN);
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchangedOrders()).isEqualTo(6);
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(db.dsl().fetchCount(CUSTOMER)).isZero();
    }

    @Test
    void undoingTheBatchRestoresThePreviousState() {
        importNow(service, PINDUODUO);
        String before = fingerprint(db);
        ImportSummary douyin = importNow(service, DOUYIN);
        assertThat(fingerprint(db)).isNotEqualTo(before);

        assertThat(service.undo(batchOf(douyin, DOUYIN))).isZero();

        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(db.dsl().select(DSL.count()).from(SHOP_ORDER).where(SHOP_ORDER.PLATFORM.eq("douyin")).fetchOne(0, int.class)).isZero();
    }
}
