package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.MERGE_SUGGESTION;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.importing.GoldenImport.TAOBAO_DETAILS;
import static com.fankeep.core.importing.GoldenImport.TAOBAO_ORDERS;
import static com.fankeep.core.importing.GoldenImport.YOUZAN_CUSTOMERS;
import static com.fankeep.core.importing.GoldenImport.YOUZAN_ORDERS;
import static com.fankeep.core.importing.GoldenImport.batchOf;
import static com.fankeep.core.importing.GoldenImport.fingerprint;
import static com.fankeep.core.importing.GoldenImport.importNow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.insight.StatsService;
import org.junit.jupiter.api.Test;

/**
 * Golden test: the Youzan order export (60 columns, 分销员 twice, partial and full refunds) and customer export
 * (trailing comma, masked phones) of sample-data/.
 */
class YouzanImportTest extends ImportTestBase {

    @Test
    void importsOrdersWithOneLinePerProductName() {
        ImportSummary s = importNow(service, YOUZAN_ORDERS);

        assertThat(s.files()).extracting(FileSummary::format).containsExactly("youzan_orders");
        assertThat(s.newOrders()).isEqualTo(8);
        assertThat(s.problems()).isZero();
        var stats = new StatsService(db).stats();
        assertThat(stats.orders()).isEqualTo(8);
        assertThat(stats.orderLines()).isEqualTo(10); // two orders name two products
        assertThat(stats.customers()).isEqualTo(7); // 李娜 (娜娜🌸) ordered twice
        var lina = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq("李娜")).fetchSingle();
        assertThat(lina.getOrderCount()).isEqualTo(2);
        assertThat(db.dsl().select(CONTACT_CHANNEL.RAW_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(lina.getId()).and(CONTACT_CHANNEL.KIND.eq("nickname"))).fetch(0, String.class))
                .containsExactly("娜娜🌸");
    }

    @Test
    void revenueIsNetOfRefunds() {
        importNow(service, YOUZAN_ORDERS);
        // computed independently from the CSV (python3 csv): 订单实付金额 − 订单已退款金额 of the 交易完成 / 交易成功 /
        // 已发货 / 待发货 orders not 全额退款: 185 + 128 + 158 + (137 − 49) + 159 + 188 + 136 = 1042.00;
        // the 交易关闭 + 全额退款 order (188.00) is not revenue
        assertThat(new StatsService(db).stats().revenueByCurrency()).containsOnlyKeys("CNY");
        assertThat(new StatsService(db).stats().revenueByCurrency().get("CNY")).isEqualByComparingTo("1042.00");
        var partial = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("E2023102421000991020965")).fetchOne();
        assertThat(partial.getStatus()).isEqualTo("partially_refunded");
        assertThat(partial.getRefundedAmount()).isEqualByComparingTo("49.00");
        var full = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("E2023122423450020864860")).fetchOne();
        assertThat(full.getStatus()).isEqualTo("refunded");
        assertThat(full.getRefundedAmount()).isEqualByComparingTo("188.00");
        assertThat(db.dsl().selectDistinct(SHOP_ORDER.PLATFORM_STATUS, SHOP_ORDER.STATUS).from(SHOP_ORDER)
                .where(SHOP_ORDER.REFUNDED_AMOUNT.eq(java.math.BigDecimal.ZERO)).fetchMap(SHOP_ORDER.PLATFORM_STATUS, SHOP_ORDER.STATUS))
                .containsEntry("交易完成", "completed").containsEntry("交易成功", "completed").containsEntry("已发货", "shipped")
                .containsEntry("待发货", "paid");
    }

    @Test
    void quirksAreUndone() {
        importNow(service, YOUZAN_ORDERS);
        var order = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("E2023050512300039809421")).fetchOne();
        assertThat(order.getBuyerAccount()).isEqualTo("晴天");
        assertThat(order.getReceiverName()).isEqualTo("许晴");
        assertThat(order.getReceiverProvince()).isEqualTo("上海");
        assertThat(order.getReceiverDistrict()).isEqualTo("徐汇区");
        assertThat(order.getReceiverAddress()).isEqualTo("漕溪北路88号梧桐里9号楼1201");
        assertThat(order.getPaidAmount()).isEqualByComparingTo("128.00");
        assertThat(db.dsl().select(ORDER_LINE.TITLE).from(ORDER_LINE).where(ORDER_LINE.TITLE.contains(";")).fetch()).isEmpty();
        // 订单星级 " " and 订单风险标签 "——" are no notes
        assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.SELLER_NOTE.isNotNull().or(SHOP_ORDER.BUYER_MESSAGE.isNotNull()))).isZero();
        // the referrer (分销员, twice in the header) is not the buyer
        var xuqing = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq("许晴")).fetchSingle();
        assertThat(db.dsl().select(CONTACT_CHANNEL.NORMALIZED_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(xuqing.getId()).and(CONTACT_CHANNEL.KIND.eq("phone"))).fetch(0, String.class))
                .containsExactly("+8613800138030");
    }

    @Test
    void theCustomerListKeepsMaskedPhonesAndMeetsTheBuyersByNickname() {
        ImportSummary list = importNow(service, YOUZAN_CUSTOMERS);
        assertThat(list.files()).extracting(FileSummary::format).containsExactly("youzan_customers");
        assertThat(list.files().get(0).contacts()).isEqualTo(7);
        assertThat(list.newCustomers()).isEqualTo(7);
        var masked = db.dsl().selectFrom(CONTACT_CHANNEL).where(CONTACT_CHANNEL.KIND.eq("phone")).fetch();
        assertThat(masked).hasSize(7).allSatisfy(c -> {
            assertThat(c.getRawValue()).matches("138\\*{6}\\d\\d");
            assertThat(c.getIsMasked()).isTrue();
            assertThat(c.getMergeKey()).isFalse();
        });

        ImportSummary orders = importNow(service, YOUZAN_ORDERS);

        assertThat(orders.newCustomers()).isZero();
        assertThat(orders.matchedCustomers()).isEqualTo(7);
        assertThat(new StatsService(db).stats().customers()).isEqualTo(7);
        var lina = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq("李娜")).fetchSingle();
        assertThat(db.dsl().select(CONTACT_CHANNEL.RAW_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(lina.getId()).and(CONTACT_CHANNEL.KIND.eq("phone"))).fetch(0, String.class))
                .containsExactlyInAnyOrder("138******02", "13800138002");
    }

    @Test
    void maskedPhonesDoNotMergeTwoPeople() {
        // 李娜 is Taobao's 娜娜小铺 (13800138002) too: the customer list (masked phone, Youzan nickname) does not join her
        importNow(service, TAOBAO_ORDERS, TAOBAO_DETAILS, YOUZAN_CUSTOMERS);
        assertThat(db.dsl().fetchCount(CUSTOMER, CUSTOMER.NAME.eq("李娜"))).isEqualTo(2);
        // the Youzan orders bring her nickname (→ the list's 李娜) and her full mobile (→ Taobao's 李娜): FanKeep does not
        // merge on its own, it suggests merging the two
        importNow(service, YOUZAN_ORDERS);
        assertThat(db.dsl().fetchCount(CUSTOMER, CUSTOMER.NAME.eq("李娜"))).isEqualTo(2);
        var both = db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.NAME.eq("李娜")).fetch(CUSTOMER.ID);
        assertThat(db.dsl().fetchCount(MERGE_SUGGESTION, MERGE_SUGGESTION.REASON.eq("same_phone")
                .and(MERGE_SUGGESTION.CUSTOMER_A_ID.in(both)).and(MERGE_SUGGESTION.CUSTOMER_B_ID.in(both)))).isEqualTo(1);
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() {
        importNow(service, YOUZAN_ORDERS, YOUZAN_CUSTOMERS);
        String before = fingerprint(db);
        ImportSummary again = importNow(service, YOUZAN_ORDERS, YOUZAN_CUSTOMERS);
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchangedOrders()).isEqualTo(8);
        assertThat(fingerprint(db)).isEqualTo(before);
        ImportSummary listAgain = importNow(service, YOUZAN_CUSTOMERS);
        assertThat(listAgain.nothingNew()).isTrue();
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void undoingTheBatchRestoresThePreviousState() {
        importNow(service, YOUZAN_CUSTOMERS);
        String before = fingerprint(db);
        ImportSummary orders = importNow(service, YOUZAN_ORDERS);
        assertThat(fingerprint(db)).isNotEqualTo(before);

        assertThat(service.undo(batchOf(orders, YOUZAN_ORDERS))).isZero(); // the customers came with the list
        assertThat(fingerprint(db)).isEqualTo(before);
    }
}
