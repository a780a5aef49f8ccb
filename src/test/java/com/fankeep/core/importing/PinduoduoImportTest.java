package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.importing.GoldenImport.JD;
import static com.fankeep.core.importing.GoldenImport.PINDUODUO;
import static com.fankeep.core.importing.GoldenImport.TAOBAO_DETAILS;
import static com.fankeep.core.importing.GoldenImport.TAOBAO_ORDERS;
import static com.fankeep.core.importing.GoldenImport.batchOf;
import static com.fankeep.core.importing.GoldenImport.fingerprint;
import static com.fankeep.core.importing.GoldenImport.importNow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.insight.StatsService;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Golden test: the Pinduoduo export of sample-data/ (UTF-8 with BOM, a TAB after ids, counts, phones and times). */
class PinduoduoImportTest extends ImportTestBase {

    @Test
    void importsOneOrderPerRowAndOneCustomerPerBuyer() {
        ImportSummary s = importNow(service, PINDUODUO);

        assertThat(s.files()).extracting(FileSummary::format).containsExactly("pinduoduo_orders");
        assertThat(s.newOrders()).isEqualTo(9);
        assertThat(s.problems()).isZero();
        var stats = new StatsService(db).stats();
        assertThat(stats.orders()).isEqualTo(9);
        assertThat(stats.orderLines()).isEqualTo(9);
        assertThat(stats.customers()).isEqualTo(8); // 曹阳 ordered twice
        assertThat(db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq("曹阳")).fetchSingle().getOrderCount()).isEqualTo(1);
    }

    @Test
    void revenueFollowsTheStatuses() {
        importNow(service, PINDUODUO);
        // computed independently from the CSV (python3 csv): 用户实付金额(元) of the 已签收 / 已发货，待签收 / 待发货 rows,
        // 95 + 65 + 76 + 125 + 156 + 46 = 563.00; 已签收，退款成功 (75.00), 已取消 (159.00), 待支付 (68.00) are not revenue
        assertThat(new StatsService(db).stats().revenueByCurrency()).containsOnlyKeys("CNY");
        assertThat(new StatsService(db).stats().revenueByCurrency().get("CNY")).isEqualByComparingTo("563.00");
        var refunded = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("230715-288084020130815")).fetchOne();
        assertThat(refunded.getStatus()).isEqualTo("refunded");
        assertThat(refunded.getRefundedAmount()).isEqualByComparingTo("75.00");
        assertThat(db.dsl().selectDistinct(SHOP_ORDER.PLATFORM_STATUS, SHOP_ORDER.STATUS).from(SHOP_ORDER).fetchMap(SHOP_ORDER.PLATFORM_STATUS, SHOP_ORDER.STATUS))
                .containsEntry("待支付", "unpaid").containsEntry("待发货", "paid").containsEntry("已发货，待签收", "shipped")
                .containsEntry("已签收", "completed").containsEntry("已取消", "cancelled").containsEntry("已签收，退款成功", "refunded");
    }

    @Test
    void quirksAreUndone() {
        importNow(service, PINDUODUO);
        var d = db.dsl();
        assertThat(d.fetchCount(SHOP_ORDER, SHOP_ORDER.EXTERNAL_ORDER_ID.contains("\t").or(SHOP_ORDER.TRACKING_NO.contains("\t"))
                .or(SHOP_ORDER.RECEIVER_PHONE.contains("\t")))).isZero();
        assertThat(d.fetchCount(ORDER_LINE, ORDER_LINE.SKU.contains("\t").or(ORDER_LINE.EXTERNAL_LINE_ID.contains("\t")))).isZero();
        assertThat(d.fetchCount(CONTACT_CHANNEL, CONTACT_CHANNEL.RAW_VALUE.contains("\t"))).isZero();
        var shipped = d.selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq("240312-134612110081635")).fetchOne();
        assertThat(shipped.getPaidAt()).isEqualTo(OffsetDateTime.parse("2024-03-12T14:16:04+08:00"));
        assertThat(shipped.getShippedAt()).isEqualTo(OffsetDateTime.parse("2024-03-13T10:16:04+08:00"));
        assertThat(shipped.getCompletedAt()).isNull(); // a lone TAB
        assertThat(shipped.getTrackingNo()).isEqualTo("YT6545734273143");
        assertThat(shipped.getReceiverProvince()).isEqualTo("云南省");
        assertThat(shipped.getReceiverCity()).isEqualTo("昆明市");
        var line = d.selectFrom(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(shipped.getId())).fetchSingle();
        assertThat(line.getVariant()).isEqualTo("白色,M");
        assertThat(line.getSku()).isEqualTo("XM-SHT-WH-M");
        assertThat(line.getQuantity()).isEqualTo(1);
    }

    @Test
    void taobaoJdAndPinduoduoBuyersMergeByMobile() {
        ImportSummary s = importNow(service, TAOBAO_ORDERS, TAOBAO_DETAILS, JD, PINDUODUO);

        assertThat(s.problems()).isZero();
        // 25 Taobao buyers + 3 new on JD (宋雨桐 masked, 唐嘉, 冯雪) + 3 new on Pinduoduo (曹阳, 孙杰, 邓佳) — worked out
        // with python3 from the three files by joining full mobiles and platform accounts
        assertThat(new StatsService(db).stats().customers()).isEqualTo(31);
        var zhangwei = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq("张伟")).fetchSingle();
        assertThat(zhangwei.getOrderCount()).isEqualTo(6); // 3 Taobao + 2 JD + 1 Pinduoduo
        assertThat(db.dsl().selectDistinct(SHOP_ORDER.PLATFORM).from(SHOP_ORDER).where(SHOP_ORDER.CUSTOMER_ID.eq(zhangwei.getId()))
                .fetch(0, String.class)).containsExactlyInAnyOrder("taobao", "jd", "pinduoduo");
        assertThat(db.dsl().select(CONTACT_CHANNEL.NORMALIZED_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(zhangwei.getId()).and(CONTACT_CHANNEL.KIND.eq("phone"))).fetch(0, String.class))
                .containsExactly("+8613800138000");
        // 孙杰's Taobao phone is masked (138****8012): it cannot join his Pinduoduo orders with 13800138012
        assertThat(db.dsl().fetchCount(CUSTOMER, CUSTOMER.NAME.eq("孙杰"))).isEqualTo(2);
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        importNow(service, PINDUODUO);
        String before = fingerprint(db);
        ImportSummary again = importNow(service, PINDUODUO);
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchangedOrders()).isEqualTo(9);
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void undoingTheBatchRestoresThePreviousState() {
        importNow(service, TAOBAO_ORDERS, TAOBAO_DETAILS, JD);
        String before = fingerprint(db);
        ImportSummary pdd = importNow(service, PINDUODUO);
        assertThat(pdd.matchedCustomers()).isEqualTo(5); // 赵敏, 张伟, 胡斌, 周婷, 陈静
        assertThat(fingerprint(db)).isNotEqualTo(before);

        assertThat(service.undo(batchOf(pdd, PINDUODUO))).isEqualTo(3);
        assertThat(fingerprint(db)).isEqualTo(before);
    }
}
