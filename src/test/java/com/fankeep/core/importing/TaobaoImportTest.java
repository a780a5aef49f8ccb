package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_MATCH;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.insight.Stats;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.shared.CancelledException;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden test: the Taobao classic order + item files of sample-data/ (GBK, ="…" numbers, trailing-space headers). */
class TaobaoImportTest extends ImportTestBase {

    static final Path ORDERS = Path.of("sample-data/taobao/ExportOrderList202403151030.csv");
    static final Path DETAILS = Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ImportSummary importPair() {
        // the item file first on purpose: the engine reads order files before the items that belong to them
        return service.importNow(new ImportRequest(List.of(DETAILS, ORDERS), null, null, SHANGHAI), Progress.NONE, Cancellation.none());
    }

    @Test
    void importsOrdersItemsAndOneCustomerPerBuyer() {
        ImportSummary s = importPair();

        assertThat(s.newOrders()).isEqualTo(31);
        assertThat(s.newCustomers()).isEqualTo(25);
        assertThat(s.problems()).isZero();
        assertThat(s.files()).extracting(FileSummary::format).containsExactly("taobao_orders", "taobao_details");
        Stats stats = new StatsService(db).stats();
        assertThat(stats.customers()).isEqualTo(25);
        assertThat(stats.orders()).isEqualTo(31);
        assertThat(stats.orderLines()).isEqualTo(38); // the item file's lines replace the order file's title lines
        assertThat(db.dsl().fetchCount(IMPORT_BATCH, IMPORT_BATCH.STATUS.eq("committed"))).isEqualTo(2);
    }

    @Test
    void revenueFollowsTheStatusesAndItemRefunds() {
        importPair();
        // computed independently from the CSVs: paid orders' 买家实际支付金额, minus the one 交易关闭 item (159.00)
        // inside a 交易成功 order; the unpaid and the two closed orders are not revenue
        assertThat(new StatsService(db).stats().revenueByCurrency()).containsOnlyKeys("CNY");
        assertThat(new StatsService(db).stats().revenueByCurrency().get("CNY")).isEqualByComparingTo("4331.00");
        var partial = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("2012319200679886998")).fetchOne();
        assertThat(partial.getStatus()).isEqualTo("partially_refunded");
        assertThat(partial.getRefundedAmount()).isEqualByComparingTo("159.00");
        assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.STATUS.eq("unpaid"))).isEqualTo(1);
    }

    @Test
    void quirksAreUndone() {
        importPair();
        // ="…" order numbers, 'phones, the 省 市 区 地址(邮编) address, a GBK-only character
        assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.EXTERNAL_ORDER_ID.like("=%").or(SHOP_ORDER.EXTERNAL_ORDER_ID.like("%\"%")))).isZero();
        var zhangwei = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq("张伟")).fetchOne();
        assertThat(zhangwei.getOrderCount()).isEqualTo(3);
        assertThat(zhangwei.getCity()).isEqualTo("上海市");
        assertThat(db.dsl().select(CONTACT_CHANNEL.NORMALIZED_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(zhangwei.getId()).and(CONTACT_CHANNEL.KIND.eq("phone"))).fetch(0, String.class))
                .containsExactly("+8613800138000");
        assertThat(db.dsl().fetchCount(CUSTOMER, CUSTOMER.NAME.eq("王喆"))).isEqualTo(1);
        assertThat(db.dsl().fetchCount(CUSTOMER, CUSTOMER.NAME.eq("陶堃"))).isEqualTo(1);
        var order = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.RECEIVER_NAME.eq("张伟")).limit(1).fetchOne();
        assertThat(order.getReceiverProvince()).isEqualTo("上海");
        assertThat(order.getReceiverZip()).matches("\\d{6}");
        assertThat(order.getReceiverAddress()).doesNotContain("(");
    }

    @Test
    void maskedPhonesAreKeptButNeverMergeKeys() {
        importPair();
        var masked = db.dsl().selectFrom(CONTACT_CHANNEL).where(CONTACT_CHANNEL.RAW_VALUE.like("%****%")).fetch();
        assertThat(masked).isNotEmpty();
        assertThat(masked).allSatisfy(c -> {
            assertThat(c.getIsMasked()).isTrue();
            assertThat(c.getMergeKey()).isFalse();
        });
    }

    @Test
    void everyCustomerSaysWhereItCameFrom() {
        ImportSummary s = importPair();
        long ordersBatch = s.files().get(0).batchId();
        assertThat(db.dsl().fetchCount(CUSTOMER, CUSTOMER.CREATED_BATCH_ID.eq(ordersBatch))).isEqualTo(25);
        // nobody was matched to an existing customer, so no match evidence is recorded
        assertThat(db.dsl().fetchCount(CUSTOMER_MATCH)).isZero();
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() {
        importPair();
        String before = fingerprint();
        ImportSummary again = importPair();
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchangedOrders()).isEqualTo(31);
        assertThat(again.newCustomers()).isZero();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aStatusThatCannotBeReadNeverReplacesOneWeKnow() throws Exception {
        importPair();
        String text = java.nio.file.Files.readString(ORDERS, java.nio.charset.Charset.forName("GBK"))
                .replace(",交易成功,", ",交易成功??,"); // a damaged status cell
        Path damaged = temp.resolve("ExportOrderList202403151030.csv");
        java.nio.file.Files.writeString(damaged, text, java.nio.charset.Charset.forName("GBK"));
        String before = fingerprint();

        ImportSummary s = service.importNow(ImportRequest.of(damaged), Progress.NONE, Cancellation.none());

        assertThat(s.problems()).isPositive();
        assertThat(s.firstProblems()).extracting(com.fankeep.core.importing.model.ImportProblem::code).contains("unknown_status");
        assertThat(s.updatedOrders()).isZero();
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.STATUS.eq("unknown"))).isZero();
    }

    @Test
    void aDryRunStoresNothing() {
        ImportSummary s = service.dryRun(new ImportRequest(List.of(ORDERS, DETAILS), null, null, SHANGHAI), Progress.NONE, Cancellation.none());
        assertThat(s.newOrders()).isEqualTo(31);
        assertThat(s.newCustomers()).isEqualTo(25);
        assertThat(db.dsl().fetchCount(SHOP_ORDER)).isZero();
        assertThat(db.dsl().fetchCount(CUSTOMER)).isZero();
        assertThat(db.dsl().fetchCount(IMPORT_BATCH)).isZero();
    }

    @Test
    void aCancelledImportLeavesNothing() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> service.importNow(ImportRequest.of(ORDERS), Progress.NONE, cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(db.dsl().fetchCount(SHOP_ORDER)).isZero();
        assertThat(db.dsl().fetchCount(IMPORT_BATCH)).isZero();
    }

    @Test
    void theItemFileAloneNamesTheMissingOrdersAndStoresNothing() {
        ImportSummary s = service.importNow(ImportRequest.of(DETAILS), Progress.NONE, Cancellation.none());
        assertThat(s.nothingNew()).isTrue();
        assertThat(s.problems()).isEqualTo(31);
        assertThat(s.firstProblems().get(0).code()).isEqualTo("order_not_found");
        assertThat(s.firstProblems().get(0).file()).isEqualTo(DETAILS.getFileName().toString());
        assertThat(s.firstProblems().get(0).row()).isEqualTo(2);
        assertThat(db.dsl().fetchCount(IMPORT_BATCH)).isZero();
    }

    private String fingerprint() {
        return db.dsl().fetchCount(CUSTOMER) + "/" + db.dsl().fetchCount(CONTACT_CHANNEL) + "/" + db.dsl().fetchCount(SHOP_ORDER)
                + "/" + db.dsl().fetchCount(ORDER_LINE) + "/" + db.dsl().fetchCount(IMPORT_BATCH) + "/"
                + db.dsl().fetchCount(CUSTOMER_MATCH) + "/" + new StatsService(db).stats()
                + "/" + db.dsl().select(org.jooq.impl.DSL.sum(SHOP_ORDER.REFUNDED_AMOUNT)).from(SHOP_ORDER).fetchOne(0, BigDecimal.class);
    }
}
