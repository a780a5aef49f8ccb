package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.importing.GoldenImport.JD;
import static com.fankeep.core.importing.GoldenImport.TAOBAO_DETAILS;
import static com.fankeep.core.importing.GoldenImport.TAOBAO_ORDERS;
import static com.fankeep.core.importing.GoldenImport.batchOf;
import static com.fankeep.core.importing.GoldenImport.fingerprint;
import static com.fankeep.core.importing.GoldenImport.importNow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.insight.StatsService;
import org.junit.jupiter.api.Test;

/** Golden test: the JD POP export of sample-data/ (GBK, one row per SKU with the order totals repeated on every row). */
class JdImportTest extends ImportTestBase {

    @Test
    void groupsTheSkuRowsOfAnOrderIntoOneOrderWithLines() {
        ImportSummary s = importNow(service, JD);

        assertThat(s.files()).extracting(FileSummary::format).containsExactly("jd_orders");
        assertThat(s.files().get(0).rows()).isEqualTo(13);
        assertThat(s.newOrders()).isEqualTo(9);
        assertThat(s.problems()).isZero();
        var stats = new StatsService(db).stats();
        assertThat(stats.orders()).isEqualTo(9);
        assertThat(stats.orderLines()).isEqualTo(13);
        // 张伟 orders from two JD accounts with one mobile; 宋雨桐 and 冯雪 have masked phones but their own account
        assertThat(stats.customers()).isEqualTo(8);
        var threeSkus = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("275502215174")).fetchOne();
        assertThat(threeSkus.getPaidAmount()).isEqualByComparingTo("274.00"); // once, not once per SKU row
        assertThat(threeSkus.getGoodsAmount()).isEqualByComparingTo("294.00");
        assertThat(threeSkus.getDiscountAmount()).isEqualByComparingTo("20.00");
        assertThat(db.dsl().select(ORDER_LINE.TITLE, ORDER_LINE.QUANTITY, ORDER_LINE.SKU).from(ORDER_LINE)
                .where(ORDER_LINE.ORDER_ID.eq(threeSkus.getId())).orderBy(ORDER_LINE.LINE_NO).fetch()
                .map(r -> r.value1() + " x" + r.value2() + " " + r.value3()))
                .containsExactly("小满手作 大豆香薰蜡烛礼盒 伴手礼 x2 XM-CDL-OSM", "小满手作 手工粗陶马克杯350ml 复古简约咖啡杯 x1 XM-MUG-GR",
                        "小满手作 手织羊毛围巾 冬季保暖加厚 x1 XM-SCF-OAT");
    }

    @Test
    void revenueCountsEachOrderOnceAndFollowsTheStatuses() {
        importNow(service, JD);
        // computed independently from the CSV (python3 csv, GB18030): the first row of each 订单号, 应付金额 + 余额支付,
        // of the orders in 完成 / 等待确认收货 / 等待出库: 286 + 272 + 159 + 128 + 274 + 136 + 159 = 1414.00;
        // 已取消 (157.00) and (删除)等待出库 (85.00) are not revenue
        assertThat(new StatsService(db).stats().revenueByCurrency()).containsOnlyKeys("CNY");
        assertThat(new StatsService(db).stats().revenueByCurrency().get("CNY")).isEqualByComparingTo("1414.00");
        assertThat(status("240885265868")).isEqualTo("cancelled");
        assertThat(status("269006677741")).isEqualTo("closed");
        assertThat(status("250020097429")).isEqualTo("shipped");
        assertThat(status("252932381771")).isEqualTo("paid");
        assertThat(status("287744798005")).isEqualTo("completed");
    }

    @Test
    void quirksAreUndone() {
        importNow(service, JD);
        assertThat(db.dsl().fetchCount(ORDER_LINE, ORDER_LINE.TITLE.like("%\"%"))).isZero();
        assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.RECEIVER_NAME.like("%\"%"))).isZero();
        var order = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("287744798005")).fetchOne();
        assertThat(order.getBuyerAccount()).isEqualTo("jd_weizhang10");
        assertThat(order.getReceiverName()).isEqualTo("张伟");
        assertThat(order.getReceiverPhone()).isEqualTo("13800138000");
        assertThat(order.getReceiverAddress()).isEqualTo("上海浦东新区张杨路588弄梧桐苑12号302室");
        assertThat(order.getOrderedAt()).isEqualTo(java.time.OffsetDateTime.parse("2023-06-18T00:05:11+08:00"));
        assertThat(order.getCompletedAt()).isEqualTo(java.time.OffsetDateTime.parse("2023-06-22T02:05:11+08:00"));
        var zhangwei = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq("张伟")).fetchOne();
        assertThat(zhangwei.getOrderCount()).isEqualTo(2);
        assertThat(db.dsl().select(CONTACT_CHANNEL.NORMALIZED_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(zhangwei.getId()).and(CONTACT_CHANNEL.KIND.eq("nickname")))
                .fetch(0, String.class)).containsExactlyInAnyOrder("jd_weizhang10", "jd_weizhang58");
    }

    @Test
    void maskedPhonesAreKeptButNeverMergeKeys() {
        importNow(service, JD);
        var masked = db.dsl().selectFrom(CONTACT_CHANNEL).where(CONTACT_CHANNEL.RAW_VALUE.like("1******%")).fetch();
        assertThat(masked).extracting(r -> r.getRawValue()).containsExactlyInAnyOrder("1******8021", "1******8025");
        assertThat(masked).allSatisfy(c -> {
            assertThat(c.getIsMasked()).isTrue();
            assertThat(c.getMergeKey()).isFalse();
        });
    }

    @Test
    void joinsTheTaobaoBuyersByMobile() {
        importNow(service, TAOBAO_ORDERS, TAOBAO_DETAILS);
        ImportSummary jd = importNow(service, JD);
        // 张伟 (13800138000), 刘洋, 杨帆, 吴昊 and 马超 bought on Taobao with the same mobile; 宋雨桐 did too, but JD
        // masks her phone (1******8021), so she stays apart, like 唐嘉 and 冯雪 who are new
        assertThat(jd.matchedCustomers()).isEqualTo(5);
        assertThat(jd.newCustomers()).isEqualTo(3);
        var zhangwei = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq("张伟")).fetchSingle();
        assertThat(zhangwei.getOrderCount()).isEqualTo(5); // 3 Taobao + 2 JD
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        importNow(service, JD);
        String before = fingerprint(db);
        ImportSummary again = importNow(service, JD);
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchangedOrders()).isEqualTo(9);
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void undoingTheBatchRestoresThePreviousState() {
        importNow(service, TAOBAO_ORDERS, TAOBAO_DETAILS);
        String before = fingerprint(db);
        ImportSummary jd = importNow(service, JD);
        assertThat(fingerprint(db)).isNotEqualTo(before);

        int removed = service.undo(batchOf(jd, JD));

        assertThat(removed).isEqualTo(3);
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    private String status(String orderNo) {
        return db.dsl().select(SHOP_ORDER.STATUS).from(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq(orderNo)).fetchOne(0, String.class);
    }
}
