package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.insight.Stats;
import com.fankeep.core.insight.StatsService;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden test: Shopify's orders_export_1.csv (multi-row orders) and customers_export.csv of sample-data/. */
class ShopifyImportTest {

    static final Path ORDERS = Path.of("sample-data/shopify/orders_export_1.csv");
    static final Path CUSTOMERS = Path.of("sample-data/shopify/customers_export.csv");

    @TempDir
    Path temp;
    GoldenDb g;

    @BeforeEach
    void open() {
        g = new GoldenDb(temp);
    }

    @AfterEach
    void close() {
        g.close();
    }

    @Test
    void groupsTheRowsOfAnOrderIntoOneOrderWithSeveralLines() {
        ImportSummary s = g.importNow(ORDERS);

        assertThat(s.problems()).isZero();
        assertThat(s.files()).extracting(FileSummary::format).containsExactly("shopify_orders");
        assertThat(s.newOrders()).isEqualTo(15); // #1001 … #1015
        assertThat(s.newCustomers()).isEqualTo(8); // 8 distinct e-mails
        Stats stats = new StatsService(g.db).stats();
        assertThat(stats.orders()).isEqualTo(15);
        assertThat(stats.orderLines()).isEqualTo(20); // 20 rows with a Lineitem name
        var o1005 = g.order("shopify", "#1005");
        assertThat(g.db.dsl().select(ORDER_LINE.QUANTITY).from(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(o1005.getId()))
                .orderBy(ORDER_LINE.LINE_NO).fetch(ORDER_LINE.QUANTITY)).containsExactly(1, 2, 1);
        assertThat(g.db.dsl().select(ORDER_LINE.TITLE).from(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(o1005.getId()))
                .orderBy(ORDER_LINE.LINE_NO).fetch(ORDER_LINE.TITLE))
                .containsExactly("Canvas Tote Bag - Cream", "Linen Cushion Cover - Grey Blue / 45x45cm", "Handmade Stoneware Mug 350ml - Slate");
        // the order columns come from the first row, not the blank continuation rows
        assertThat(o1005.getTotalAmount()).isEqualByComparingTo("54.80");
        assertThat(o1005.getDiscountAmount()).isEqualByComparingTo("5.20");
        assertThat(o1005.getReceiverName()).isEqualTo("Daniel Kim");
        assertThat(o1005.getReceiverCity()).isEqualTo("New York");
        assertThat(o1005.getOrderedAt().toInstant())
                .isEqualTo(OffsetDateTime.of(2023, 11, 10, 23, 59, 1, 0, ZoneOffset.ofHours(8)).toInstant());
        assertThat(g.order("shopify", "#1004").getSellerNote()).isEqualTo("Size too big, refunded before shipping");
    }

    @Test
    void revenueFollowsTheFinancialStatus() {
        g.importNow(ORDERS);
        // computed independently with python3 csv.DictReader over orders_export_1.csv: Total - Outstanding Balance of
        // the first row of each order whose Financial Status is paid or partially_refunded, minus Refunded Amount
        // for partially_refunded (#1007: 58.00 - 14.00); refunded #1004, pending #1014 and voided #1015 are not revenue
        assertThat(new StatsService(g.db).stats().revenueByCurrency()).containsOnlyKeys("USD");
        assertThat(g.revenue("USD")).isEqualByComparingTo("574.40");
        assertThat(g.order("shopify", "#1007").getStatus()).isEqualTo("partially_refunded");
        assertThat(g.order("shopify", "#1007").getRefundedAmount()).isEqualByComparingTo("14.00");
        assertThat(g.order("shopify", "#1004").getStatus()).isEqualTo("refunded");
        assertThat(g.order("shopify", "#1014").getStatus()).isEqualTo("unpaid");
        assertThat(g.order("shopify", "#1014").getPaidAmount()).isEqualByComparingTo("0.00");
        assertThat(g.order("shopify", "#1015").getStatus()).isEqualTo("cancelled");
        assertThat(g.order("shopify", "#1015").getCancelledAt()).isNotNull();
        assertThat(g.order("shopify", "#1001").getStatus()).isEqualTo("shipped"); // paid + fulfilled
        assertThat(g.order("shopify", "#1013").getStatus()).isEqualTo("paid"); // paid, unfulfilled
        assertThat(g.order("shopify", "#1001").getCurrency()).isEqualTo("USD");
    }

    @Test
    void overseasPhonesAreReadInTheBuyersCountry() {
        g.importNow(ORDERS);
        Long emily = g.customerWith("email", "emily.carter@example.com");
        assertThat(emily).isNotNull();
        assertThat(g.channels(emily, "phone")).containsExactly("+14155550134");
        assertThat(g.orders(emily, "shopify")).isEqualTo(3);
        // the overseas Chinese buyer in Vancouver keeps her Chinese mobile
        Long xiaoyu = g.customerWith("email", "xiaoyu.lin@example.com");
        assertThat(g.channels(xiaoyu, "phone")).containsExactly("+8613800138005");
        assertThat(g.db.dsl().fetchCount(CONTACT_CHANNEL, CONTACT_CHANNEL.KIND.eq("phone")
                .and(CONTACT_CHANNEL.NORMALIZED_VALUE.like("+86%")))).isEqualTo(2); // Xiaoyu Lin and Wei Zhang only
        Long james = g.customerWith("email", "james.wilson@example.co.uk");
        assertThat(g.channels(james, "phone")).containsExactly("+442079460958");
    }

    @Test
    void theCustomerListBecomesContactsWithoutTheApostrophes() {
        ImportSummary s = g.importNow(CUSTOMERS);

        assertThat(s.problems()).isZero();
        assertThat(s.files()).extracting(FileSummary::format).containsExactly("shopify_customers");
        assertThat(s.files().get(0).contacts()).isEqualTo(8);
        assertThat(s.newCustomers()).isEqualTo(8);
        assertThat(s.newOrders()).isZero();
        assertThat(g.db.dsl().fetchCount(CONTACT_CHANNEL, CONTACT_CHANNEL.RAW_VALUE.like("'%"))).isZero();
        Long emily = g.customerWith("nickname", "7788099996670");
        assertThat(emily).isNotNull();
        assertThat(g.db.dsl().select(CUSTOMER.NAME).from(CUSTOMER).where(CUSTOMER.ID.eq(emily)).fetchOne(CUSTOMER.NAME))
                .isEqualTo("Emily Carter");
        assertThat(g.channels(emily, "phone")).containsExactly("+14155550134");
        assertThat(g.channels(emily, "address")).singleElement().asString().contains("2150MissionSt");
        // "WeChat: linxy_van" in the note is her WeChat id
        Long xiaoyu = g.customerWith("email", "xiaoyu.lin@example.com");
        assertThat(g.channels(xiaoyu, "wechat")).containsExactly("linxy_van");
    }

    @Test
    void theCustomerListMergesIntoTheBuyersOfTheOrders() {
        g.importNow(ORDERS);
        ImportSummary s = g.importNow(CUSTOMERS);

        assertThat(s.newCustomers()).isZero();
        assertThat(s.matchedCustomers()).isEqualTo(8);
        assertThat(g.db.dsl().fetchCount(CUSTOMER)).isEqualTo(8);
        Long emily = g.customerWith("email", "emily.carter@example.com");
        assertThat(g.customerWith("nickname", "7788099996670")).isEqualTo(emily);
    }

    @Test
    void linXiaoyuIsOneCustomerAcrossTaobaoAndShopify() {
        ImportSummary s = g.importNow(TaobaoImportTest.ORDERS, TaobaoImportTest.DETAILS, ORDERS);

        assertThat(s.problems()).isZero();
        Long lin = g.customerWith("phone", "+8613800138005");
        assertThat(lin).isNotNull();
        assertThat(g.orders(lin, "taobao")).isEqualTo(2);
        assertThat(g.orders(lin, "shopify")).isEqualTo(2); // #1002, #1011
        Long zhangWei = g.customerWith("phone", "+8613800138000");
        assertThat(g.orders(zhangWei, "taobao")).isEqualTo(3);
        assertThat(g.orders(zhangWei, "shopify")).isEqualTo(1); // #1008
        // 25 Taobao buyers (TaobaoImportTest) + 8 Shopify buyers, two of whom are the same people
        assertThat(g.db.dsl().fetchCount(CUSTOMER)).isEqualTo(31);
        assertThat(new StatsService(g.db).stats().revenueByCurrency()).containsOnlyKeys("CNY", "USD");
        assertThat(g.revenue("CNY")).isEqualByComparingTo("4331.00");
        assertThat(g.revenue("USD")).isEqualByComparingTo("574.40");
        assertThat(g.db.dsl().select(org.jooq.impl.DSL.countDistinct(SHOP_ORDER.CURRENCY)).from(SHOP_ORDER)
                .where(SHOP_ORDER.CUSTOMER_ID.eq(lin)).fetchOne(0, Integer.class)).isEqualTo(2);
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() {
        g.importNow(ORDERS, CUSTOMERS);
        String before = g.fingerprint();

        ImportSummary again = g.importNow(ORDERS, CUSTOMERS);

        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchangedOrders()).isEqualTo(15);
        assertThat(again.newCustomers()).isZero();
        assertThat(g.fingerprint()).isEqualTo(before);
    }

    @Test
    void undoingTheCustomerListRestoresTheOrdersState() {
        g.importNow(ORDERS);
        String before = g.fingerprint();
        ImportSummary customers = g.importNow(CUSTOMERS);
        assertThat(g.fingerprint()).isNotEqualTo(before);

        g.service.undo(customers.files().get(0).batchId());

        assertThat(g.fingerprint()).isEqualTo(before);
    }

    @Test
    void undoingTheOrdersLeavesAnEmptyBase() {
        String empty = g.fingerprint();
        ImportSummary s = g.importNow(ORDERS);

        int removed = g.service.undo(s.files().get(0).batchId());

        assertThat(removed).isEqualTo(8);
        assertThat(g.fingerprint()).isEqualTo(empty);
    }
}
