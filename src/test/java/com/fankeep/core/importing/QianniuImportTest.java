package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_SPEND;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.importing.GoldenImport.JD;
import static com.fankeep.core.importing.GoldenImport.TAOBAO_DETAILS;
import static com.fankeep.core.importing.GoldenImport.TAOBAO_ORDERS;
import static com.fankeep.core.importing.GoldenImport.batchOf;
import static com.fankeep.core.importing.GoldenImport.fingerprint;
import static com.fankeep.core.importing.GoldenImport.importNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.insight.Stats;
import com.fankeep.core.insight.StatsService;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Golden test: the newer 千牛 XLSX order export of sample-data/ (21 columns, no buyer column, masked addresses, Tmall's
 * receiver packed into 收货地址).
 */
class QianniuImportTest extends ImportTestBase {

    static final Path QIANNIU = Path.of("sample-data/taobao/qianniu_orders_20240315.xlsx");

    @Test
    void ordersLinesAndOnlyTheIdentifiableBuyers() {
        ImportSummary s = importNow(service, QIANNIU);

        assertThat(s.files()).extracting(FileSummary::format).containsExactly("taobao_qianniu_orders");
        assertThat(s.files().get(0).rows()).isEqualTo(8);
        assertThat(s.newOrders()).isEqualTo(8);
        Stats stats = new StatsService(db).stats();
        assertThat(stats.orders()).isEqualTo(8);
        assertThat(stats.orderLines()).isEqualTo(8);
        // 张伟 and 冯雪 give a full mobile in Tmall's packed address; twice each, one customer each
        assertThat(stats.customers()).isEqualTo(2);
        assertThat(s.newCustomers()).isEqualTo(2);
        assertThat(s.matchedCustomers()).isZero();
        assertThat(db.dsl().select(CUSTOMER.NAME).from(CUSTOMER).orderBy(CUSTOMER.NAME).fetch(CUSTOMER.NAME))
                .containsExactlyInAnyOrder("张伟", "冯雪");
        assertThat(db.dsl().select(CONTACT_CHANNEL.NORMALIZED_VALUE).from(CONTACT_CHANNEL).fetch(CONTACT_CHANNEL.NORMALIZED_VALUE))
                .containsExactlyInAnyOrder("+8613800138000", "+8613800138025");
        // the masked and the address-only receivers: orders without a customer, one warning each (ADR 0007)
        assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.isNull())).isEqualTo(4);
        assertThat(s.firstProblems()).extracting(ImportProblem::code, ImportProblem::row).containsExactly(
                tuple("buyer_unidentifiable", 6L), tuple("buyer_unidentifiable", 7L), tuple("buyer_unidentifiable", 8L),
                tuple("buyer_unidentifiable", 9L));
    }

    @Test
    void maskedReceiversNeverMerge() {
        importNow(service, QIANNIU);
        var masked = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.RECEIVER_PHONE.eq("138****8000")).fetch();
        assertThat(masked).hasSize(2).allSatisfy(o -> {
            assertThat(o.getCustomerId()).isNull();
            assertThat(o.getReceiverName()).isEqualTo("张**");
            assertThat(o.getReceiverAddress()).isEqualTo("****");
        });
        // the real 张伟 (same last four digits) keeps only his own two orders
        Long zhangWei = db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.NAME.eq("张伟")).fetchOne(CUSTOMER.ID);
        assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.eq(zhangWei))).isEqualTo(2);
        var packed = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.CUSTOMER_ID.eq(zhangWei)).limit(1).fetchOne();
        assertThat(packed.getReceiverProvince()).isEqualTo("上海");
        assertThat(packed.getReceiverAddress()).isEqualTo("张杨路588弄梧桐苑12号302室");
    }

    @Test
    void revenueFollowsTheStatuses() {
        importNow(service, QIANNIU);
        // by hand from QianniuWriter: 交易成功 136.00 + 128.00 + 128.00 + 68.00, 卖家已发货 57.00 (49 + 8 postage),
        // 买家已付款 78.00 = 595.00; 等待买家付款 (79.00) and 交易关闭 (159.00 in 买家实付金额) are not revenue
        assertThat(new StatsService(db).stats().revenueByCurrency()).containsOnlyKeys("CNY");
        assertThat(new StatsService(db).stats().revenueByCurrency().get("CNY")).isEqualByComparingTo("595.00");
        assertThat(db.dsl().select(SHOP_ORDER.STATUS).from(SHOP_ORDER).fetch(SHOP_ORDER.STATUS)).containsExactlyInAnyOrder(
                "completed", "shipped", "unpaid", "completed", "completed", "completed", "paid", "closed");
        Long zhangWei = db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.NAME.eq("张伟")).fetchOne(CUSTOMER.ID);
        assertThat(db.dsl().select(CUSTOMER_SPEND.NET_SPEND).from(CUSTOMER_SPEND).where(CUSTOMER_SPEND.CUSTOMER_ID.eq(zhangWei))
                .fetchOne(CUSTOMER_SPEND.NET_SPEND)).isEqualByComparingTo("193.00");
        var line = db.dsl().selectFrom(ORDER_LINE).where(ORDER_LINE.VARIANT.eq("颜色分类：灰蓝;尺寸：45x45cm")).fetchOne();
        assertThat(line.getQuantity()).isEqualTo(2);
    }

    @Test
    void intoAShopThatKnowsSomeBuyersMatchedCountsThemOnce() {
        importNow(service, TAOBAO_ORDERS, TAOBAO_DETAILS);
        long customersBefore = db.dsl().fetchCount(CUSTOMER);

        ImportSummary s = importNow(service, QIANNIU);

        // 张伟 was a classic Taobao buyer (same mobile): matched; 冯雪 is new
        assertThat(s.newCustomers()).isEqualTo(1);
        assertThat(s.matchedCustomers()).isEqualTo(1);
        assertThat(db.dsl().fetchCount(CUSTOMER)).isEqualTo(customersBefore + 1);
    }

    @Test
    void aCustomerTwoFilesAddToCountsOnceAndOneCreatedInTheRunIsNotMatched() {
        importNow(service, TAOBAO_ORDERS, TAOBAO_DETAILS);

        // 张伟 is in both files (existing: matched once, not twice); 冯雪 is in both but new to the shop
        ImportSummary s = importNow(service, QIANNIU, JD);

        long perFile = s.files().stream().mapToLong(FileSummary::matchedCustomers).sum();
        assertThat(s.matchedCustomers()).isLessThan(perFile);
        assertThat(s.files().get(0).matchedCustomers()).isEqualTo(1);
        assertThat(s.newCustomers()).isEqualTo(s.files().stream().mapToLong(FileSummary::newCustomers).sum());
        long existingInJd = s.files().get(1).matchedCustomers();
        assertThat(s.matchedCustomers()).isEqualTo(existingInJd); // 张伟 is among JD's matched ones
    }

    @Test
    void reImportingMatchesNobodyAndChangesNothing() {
        importNow(service, QIANNIU);
        String before = fingerprint(db);
        ImportSummary again = importNow(service, QIANNIU);
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchangedOrders()).isEqualTo(8);
        assertThat(again.newCustomers()).isZero();
        assertThat(again.matchedCustomers()).as("nobody got anything new").isZero();
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void undoRestoresTheShopBefore() {
        importNow(service, TAOBAO_ORDERS, TAOBAO_DETAILS);
        String before = fingerprint(db);
        ImportSummary s = importNow(service, QIANNIU);
        assertThat(service.undo(batchOf(s, QIANNIU))).isEqualTo(1); // 冯雪
        assertThat(fingerprint(db)).isEqualTo(before);
    }
}
