package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.insight.StatsService;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden test: the SkyVerge legacy WooCommerce export of sample-data/ (items in order_item_N, no currency column). */
class WooCommerceImportTest {

    static final Path ORDERS = Path.of("sample-data/woocommerce/orders-export-2024-03-15.csv");

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
    void importsOrdersItemsAndBuyers() {
        ImportSummary s = g.importNow(ORDERS);

        assertThat(s.files()).extracting(FileSummary::format).containsExactly("woocommerce_orders");
        assertThat(s.newOrders()).isEqualTo(5);
        assertThat(s.newCustomers()).isEqualTo(5);
        assertThat(s.files().get(0).lines()).isEqualTo(7); // 7 non-empty order_item_1/order_item_2 cells
        // the only problem: the file does not say its currency, so the owner is told it was taken as USD
        assertThat(s.problems()).isEqualTo(1);
        assertThat(s.firstProblems().get(0).code()).isEqualTo("currency_assumed");
        assertThat(s.firstProblems().get(0).warning()).isTrue();

        var o1201 = g.order("woocommerce", "1201");
        assertThat(o1201.getCurrency()).isEqualTo("USD");
        assertThat(o1201.getOrderedAt().atZoneSameInstant(GoldenDb.SHANGHAI).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2024, 3, 2, 9, 37)); // 3/2/2024 9:37 is March 2nd
        assertThat(o1201.getBuyerMessage()).isEqualTo("请写中文地址标签也可以");
        assertThat(o1201.getSellerNote()).contains("\n").doesNotContain("|");
        var lines = g.db.dsl().selectFrom(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(o1201.getId())).orderBy(ORDER_LINE.LINE_NO).fetch();
        assertThat(lines).hasSize(2);
        // product_id:4242|2|28|color: White → 2 pieces, 28 in all
        assertThat(lines.get(0).getSku()).isEqualTo("4242");
        assertThat(lines.get(0).getQuantity()).isEqualTo(2);
        assertThat(lines.get(0).getLineTotal()).isEqualByComparingTo("28.00");
        assertThat(lines.get(0).getUnitPrice()).isEqualByComparingTo("14.00");
        assertThat(lines.get(0).getVariant()).isEqualTo("color: White");
        // a Chinese name typed into first/last name is written family name first
        assertThat(g.db.dsl().fetchCount(CUSTOMER, CUSTOMER.NAME.eq("陈美玲"))).isEqualTo(1);
    }

    @Test
    void revenueFollowsTheStatuses() {
        g.importNow(ORDERS);
        // computed independently with python3 csv.DictReader: sum of order_total where status is processing or
        // completed (1201: 52, 1202: 42, 1204: 48); refunded 1203 and on-hold 1205 (awaiting a bank transfer) are not
        assertThat(new StatsService(g.db).stats().revenueByCurrency()).containsOnlyKeys("USD");
        assertThat(g.revenue("USD")).isEqualByComparingTo("142.00");
        assertThat(g.order("woocommerce", "1203").getStatus()).isEqualTo("refunded");
        assertThat(g.order("woocommerce", "1203").getRefundedAmount()).isEqualByComparingTo("58.00");
        assertThat(g.order("woocommerce", "1204").getStatus()).isEqualTo("paid");
        assertThat(g.order("woocommerce", "1205").getStatus()).isEqualTo("unpaid");
        assertThat(g.order("woocommerce", "1202").getStatus()).isEqualTo("completed");
    }

    @Test
    void localPhonesAreReadInTheBillingCountry() {
        g.importNow(ORDERS);
        Long emily = g.customerWith("email", "emily.carter@example.com");
        assertThat(g.channels(emily, "phone")).containsExactly("+14155550134"); // 415.555.0134, US
        Long meiling = g.customerWith("email", "meiling.chen@example.com.au");
        assertThat(g.channels(meiling, "phone")).containsExactly("+61491570156"); // 0491 570 156, AU
        Long daniel = g.customerWith("email", "daniel.kim@example.com");
        assertThat(g.channels(daniel, "phone")).containsExactly("+12125550147"); // 2125550147, US
        // registered buyers (customer_user ≠ 0) are known by their shop account
        assertThat(g.customerWith("nickname", "12")).isEqualTo(meiling);
    }

    @Test
    void emilyCarterIsOneCustomerAcrossShopifyAndWooCommerce() {
        g.importNow(ShopifyImportTest.ORDERS);
        ImportSummary s = g.importNow(ORDERS);

        // every WooCommerce buyer also bought on Shopify: matched by e-mail or phone, nobody new
        assertThat(s.newCustomers()).isZero();
        assertThat(s.matchedCustomers()).isEqualTo(5);
        Long emily = g.customerWith("phone", "+14155550134");
        assertThat(g.customerWith("email", "emily.carter@example.com")).isEqualTo(emily);
        assertThat(g.orders(emily, "shopify")).isEqualTo(3);
        assertThat(g.orders(emily, "woocommerce")).isEqualTo(1);
        Long meiling = g.customerWith("email", "meiling.chen@example.com.au");
        assertThat(g.orders(meiling, "shopify")).isEqualTo(2);
        assertThat(g.orders(meiling, "woocommerce")).isEqualTo(1);
        assertThat(g.db.dsl().fetchCount(CUSTOMER)).isEqualTo(8);
        // 574.40 (ShopifyImportTest) + 142.00
        assertThat(g.revenue("USD")).isEqualByComparingTo("716.40");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        g.importNow(ORDERS);
        String before = g.fingerprint();

        ImportSummary again = g.importNow(ORDERS);

        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchangedOrders()).isEqualTo(5);
        assertThat(g.fingerprint()).isEqualTo(before);
    }

    @Test
    void undoingTheWooCommerceBatchRestoresTheShopifyState() {
        g.importNow(ShopifyImportTest.ORDERS);
        String before = g.fingerprint();
        ImportSummary woo = g.importNow(ORDERS);
        assertThat(g.fingerprint()).isNotEqualTo(before);

        g.service.undo(woo.files().get(0).batchId());

        assertThat(g.fingerprint()).isEqualTo(before);
    }

    static final Path EMPTY_ORDER_NUMBER = Path.of("src/test/resources/layouts/woocommerce/orders-export-empty-order-number.csv");

    @Test
    void anEmptyOrderNumberColumnFallsBackToTheFormattedNumberThenTheOrderId() {
        // order_number present but empty on every row; order_number_formatted empty on 1301, "WC-1302"/"WC-1303" after
        ImportSummary s = g.importNow(EMPTY_ORDER_NUMBER);

        assertThat(s.firstProblems()).extracting(p -> p.code()).containsExactly("currency_assumed");
        assertThat(s.newOrders()).isEqualTo(3);
        assertThat(g.order("woocommerce", "1301").getTotalAmount()).isEqualByComparingTo("52");
        assertThat(g.order("woocommerce", "WC-1302").getTotalAmount()).isEqualByComparingTo("42");
        assertThat(g.order("woocommerce", "WC-1303").getStatus()).isEqualTo("refunded");
    }
}
