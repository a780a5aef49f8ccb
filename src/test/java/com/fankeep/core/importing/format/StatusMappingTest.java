package com.fankeep.core.importing.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.model.OrderStatus;
import org.junit.jupiter.api.Test;

/** The overseas platforms' status words → FanKeep's status, which decides what is revenue. */
class StatusMappingTest {

    @Test
    void shopifyFinancialStatus() {
        assertThat(ShopifyStatus.of("paid", "fulfilled", false)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(ShopifyStatus.of("paid", "partial", false)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(ShopifyStatus.of("paid", "unfulfilled", false)).isEqualTo(OrderStatus.PAID);
        assertThat(ShopifyStatus.of("Paid", null, false)).isEqualTo(OrderStatus.PAID);
        assertThat(ShopifyStatus.of("pending", "unfulfilled", false)).isEqualTo(OrderStatus.UNPAID);
        assertThat(ShopifyStatus.of("authorized", null, false)).isEqualTo(OrderStatus.UNPAID);
        assertThat(ShopifyStatus.of("authorized", null, true)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ShopifyStatus.of("voided", null, true)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ShopifyStatus.of("refunded", "fulfilled", true)).isEqualTo(OrderStatus.REFUNDED);
        assertThat(ShopifyStatus.of("partially_refunded", "fulfilled", false)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(ShopifyStatus.of("partially paid", null, false)).isEqualTo(OrderStatus.PAID);
        assertThat(ShopifyStatus.of("paid", "fulfilled", true)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ShopifyStatus.of("chargeback", null, false)).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(ShopifyStatus.of(null, null, false)).isEqualTo(OrderStatus.UNKNOWN);
    }

    @Test
    void wooCommerceStatus() {
        assertThat(WooStatus.of("processing")).isEqualTo(OrderStatus.PAID);
        assertThat(WooStatus.of("wc-completed")).isEqualTo(OrderStatus.COMPLETED);
        assertThat(WooStatus.of("on-hold")).isEqualTo(OrderStatus.UNPAID);
        assertThat(WooStatus.of("Pending payment")).isEqualTo(OrderStatus.UNPAID);
        assertThat(WooStatus.of("refunded")).isEqualTo(OrderStatus.REFUNDED);
        assertThat(WooStatus.of("cancelled")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(WooStatus.of("failed")).isEqualTo(OrderStatus.CLOSED);
        assertThat(WooStatus.of("awaiting-pickup")).isEqualTo(OrderStatus.UNKNOWN);
    }

    @Test
    void etsyStatus() {
        assertThat(EtsyStatus.of("Completed", true)).isEqualTo(OrderStatus.COMPLETED);
        assertThat(EtsyStatus.of(null, false)).isEqualTo(OrderStatus.PAID);
        assertThat(EtsyStatus.of("", true)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(EtsyStatus.of("Canceled", false)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(EtsyStatus.of("Fully Refunded", true)).isEqualTo(OrderStatus.REFUNDED);
        assertThat(EtsyStatus.of("Partially refunded", true)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void ebayStatusFromTheDates() {
        assertThat(EbayStatus.of(null, false, false)).isEqualTo(OrderStatus.UNPAID);
        assertThat(EbayStatus.of(null, true, false)).isEqualTo(OrderStatus.PAID);
        assertThat(EbayStatus.of(null, true, true)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(EbayStatus.of("Cancelled", true, false)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(EbayStatus.of("Refunded", true, true)).isEqualTo(OrderStatus.REFUNDED);
    }
}
