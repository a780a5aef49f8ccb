package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER_SPEND;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An order refunded after it was imported: the next export, imported again, updates the order, the revenue and the
 * customer's spend and order count (their tier's inputs) and creates nothing new.
 */
class ReimportChangedOrderTest extends ImportTestBase {

    private static final String ORDER = "6001133399374617490"; // 谢欣, paid 106.00, waiting to be sent
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void aRefundedOrderIsUpdatedWithTheRevenueAndTheCustomersSpend() throws Exception {
        service.importNow(ImportRequest.of(TaobaoImportTest.ORDERS, TaobaoImportTest.DETAILS), Progress.NONE, Cancellation.none());
        long customer = db.dsl().select(SHOP_ORDER.CUSTOMER_ID).from(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq(ORDER))
                .fetchOne(SHOP_ORDER.CUSTOMER_ID);
        BigDecimal spendBefore = spend(customer);
        int countBefore = orderCount(customer);
        BigDecimal revenueBefore = revenue();
        long ordersBefore = db.dsl().fetchCount(SHOP_ORDER);
        assertThat(countBefore).isPositive();

        // the same export a week later: the order was refunded and closed
        String text = Files.readString(TaobaoImportTest.ORDERS, GBK);
        String row = text.lines().filter(l -> l.contains(ORDER)).findFirst().orElseThrow();
        String refunded = row.replace("买家已付款，等待卖家发货", "交易关闭").replace("订单未关闭", "买家申请退款");
        assertThat(refunded).isNotEqualTo(row);
        Path later = temp.resolve("ExportOrderList202403221030.csv");
        Files.writeString(later, text.replace(row, refunded), GBK);

        ImportSummary s = service.importNow(ImportRequest.of(later, TaobaoImportTest.DETAILS), Progress.NONE, Cancellation.none());

        assertThat(s.newOrders()).isZero();
        assertThat(s.newCustomers()).isZero();
        assertThat(s.updatedOrders()).as("the refunded order").isEqualTo(1);
        assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(ordersBefore);
        assertThat(db.dsl().select(SHOP_ORDER.STATUS).from(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq(ORDER)).fetchOne(SHOP_ORDER.STATUS))
                .isEqualTo("refunded");
        assertThat(revenue()).as("revenue").isEqualByComparingTo(revenueBefore.subtract(new BigDecimal("106.00")));
        assertThat(spend(customer)).as("the customer's net spend").isEqualByComparingTo(spendBefore.subtract(new BigDecimal("106.00")));
        assertThat(orderCount(customer)).as("the customer's orders").isEqualTo(countBefore - 1);
        assertThat(db.dsl().fetchOne("select sort_spend from customer where id = ?", customer).get(0, BigDecimal.class))
                .as("the list's spend").isEqualByComparingTo(spend(customer));
        assertThat(new IntegrityService(db).check().problems()).isEmpty();
    }

    private BigDecimal spend(long customer) {
        BigDecimal v = db.dsl().select(CUSTOMER_SPEND.NET_SPEND).from(CUSTOMER_SPEND)
                .where(CUSTOMER_SPEND.CUSTOMER_ID.eq(customer).and(CUSTOMER_SPEND.CURRENCY.eq("CNY"))).fetchOne(CUSTOMER_SPEND.NET_SPEND);
        return v == null ? BigDecimal.ZERO : v;
    }

    private int orderCount(long customer) {
        Integer v = db.dsl().select(CUSTOMER_SPEND.ORDER_COUNT).from(CUSTOMER_SPEND)
                .where(CUSTOMER_SPEND.CUSTOMER_ID.eq(customer).and(CUSTOMER_SPEND.CURRENCY.eq("CNY"))).fetchOne(CUSTOMER_SPEND.ORDER_COUNT);
        return v == null ? 0 : v;
    }

    private BigDecimal revenue() {
        return db.dsl().fetchOne("select coalesce(sum(net_spend), 0) from customer_spend where currency = 'CNY'").get(0, BigDecimal.class);
    }
}
