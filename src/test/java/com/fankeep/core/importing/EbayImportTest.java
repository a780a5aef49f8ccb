package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.insight.Stats;
import com.fankeep.core.insight.StatsService;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden test: eBay's Orders report of sample-data/ (blank first line, $ amounts, Mar-04-24 dates, trailer lines). */
class EbayImportTest {

    static final Path REPORT = Path.of("sample-data/ebay/eBay-OrdersReport-Mar-15-2024.csv");

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
    void importsTheOrdersAndSkipsTheTrailerLinesWithoutProblems() {
        ImportSummary s = g.importNow(REPORT);

        // "4 record(s) downloaded,,," and "Seller ID : xiaoman-studio,,," are not orders and not problems
        assertThat(s.problems()).isZero();
        assertThat(s.firstProblems()).isEmpty();
        assertThat(s.files()).extracting(FileSummary::format).containsExactly("ebay_orders");
        assertThat(s.newOrders()).isEqualTo(4);
        assertThat(s.newCustomers()).isEqualTo(4);
        Stats stats = new StatsService(g.db).stats();
        assertThat(stats.orders()).isEqualTo(4);
        assertThat(stats.orderLines()).isEqualTo(4);
        var o = g.order("ebay", "16-85806-18368");
        assertThat(o.getCurrency()).isEqualTo("USD");
        assertThat(o.getTotalAmount()).isEqualByComparingTo("43.00");
        assertThat(o.getShippingAmount()).isEqualByComparingTo("15.00");
        assertThat(o.getBuyerMessage()).isEqualTo("Cadeau, merci !");
        assertThat(o.getTrackingNo()).isEqualTo("LX304281041CN");
        assertThat(o.getOrderedAt().atZoneSameInstant(GoldenDb.SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 4));
        var line = g.db.dsl().selectFrom(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(o.getId())).fetchOne();
        assertThat(line.getTitle()).isEqualTo("Soy Candle Gift Box");
        assertThat(line.getSku()).isEqualTo("XM-CDL-OSM");
        assertThat(line.getQuantity()).isEqualTo(2);
        assertThat(line.getUnitPrice()).isEqualByComparingTo("14.00");
        assertThat(line.getVariant()).isEqualTo("Variation:Osmanthus");
    }

    @Test
    void revenueAndStatusesFollowThePaymentAndShippingDates() {
        g.importNow(REPORT);
        // computed independently with python3 csv over the report (header on line 2, trailer lines dropped): sum of
        // Total Price without "$" of the orders with a Paid On Date (47.00 + 43.00 + 36.24 + 53.00)
        assertThat(new StatsService(g.db).stats().revenueByCurrency()).containsOnlyKeys("USD");
        assertThat(g.revenue("USD")).isEqualByComparingTo("179.24");
        assertThat(g.order("ebay", "10-90614-20934").getStatus()).isEqualTo("shipped");
        assertThat(g.order("ebay", "19-40492-29282").getStatus()).isEqualTo("paid"); // no Shipped On Date yet
        assertThat(g.db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.STATUS.eq("shipped"))).isEqualTo(3);
    }

    @Test
    void buyersAreKnownByUsernameAndPhonesByTheirCountry() {
        g.importNow(REPORT);
        Long daniel = g.customerWith("nickname", "dkim_nyc");
        assertThat(daniel).isNotNull();
        assertThat(g.channels(daniel, "phone")).containsExactly("+12125550147"); // 212-555-0147, United States
        Long olivia = g.customerWith("nickname", "oliviab_to");
        assertThat(g.channels(olivia, "phone")).containsExactly("+14165550199"); // (416) 555-0199, Canada
        // eBay's masked relay addresses are not the buyers' e-mails
        assertThat(g.db.dsl().fetchCount(CONTACT_CHANNEL, CONTACT_CHANNEL.KIND.eq("email"))).isZero();
        assertThat(g.db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.BUYER_EMAIL.isNotNull())).isZero();
    }

    @Test
    void ebayBuyersMeetTheirShopifyOrdersByPhone() {
        g.importNow(ShopifyImportTest.ORDERS);
        ImportSummary s = g.importNow(REPORT);

        // James Wilson's +44 20 7946 0958 is a London landline: never a merge key, so he stays apart;
        // Sophie Martin's +33 1 99 00 12 34 is a French landline too; Daniel and Olivia have mobiles (US/CA)
        assertThat(s.matchedCustomers()).isEqualTo(2);
        Long daniel = g.customerWith("nickname", "dkim_nyc");
        assertThat(g.orders(daniel, "shopify")).isEqualTo(2);
        assertThat(g.orders(daniel, "ebay")).isEqualTo(1);
    }

    @Test
    void importingTheSameReportAgainChangesNothing() {
        g.importNow(REPORT);
        String before = g.fingerprint();

        ImportSummary again = g.importNow(REPORT);

        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchangedOrders()).isEqualTo(4);
        assertThat(again.problems()).isZero();
        assertThat(g.fingerprint()).isEqualTo(before);
    }

    @Test
    void undoingTheReportRestoresThePreviousState() {
        g.importNow(ShopifyImportTest.ORDERS);
        String before = g.fingerprint();
        ImportSummary s = g.importNow(REPORT);

        g.service.undo(s.files().get(0).batchId());

        assertThat(g.fingerprint()).isEqualTo(before);
    }

    static final Path REPORT_80 = Path.of("src/test/resources/layouts/ebay/eBay-OrdersReport-80col-Sep-30-2026.csv");
    static final Path REPORT_UK = Path.of("src/test/resources/layouts/ebay/eBay-OrdersReport-UK-two-reports.csv");

    @Test
    void theEightyColumnReportWithItsCountSplitOverCellsHasNoTrailerOrder() {
        // line 1 bare commas, padding row after the header, then "2,record(s) downloaded,from … to …" + "Seller ID : …"
        ImportSummary s = g.importNow(REPORT_80);

        assertThat(s.firstProblems()).isEmpty();
        assertThat(s.files()).extracting(FileSummary::format).containsExactly("ebay_orders");
        assertThat(s.newOrders()).isEqualTo(2);
        assertThat(g.db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.BUYER_ACCOUNT.isNull())).isZero();
        var tessa = g.order("ebay", "14-11302-50016");
        assertThat(tessa.getTotalAmount()).isEqualByComparingTo("58.80"); // the summary row's total, not the items'
        assertThat(tessa.getShippingAmount()).isEqualByComparingTo("9.00");
        // "Sep-30-26 23:45:00": the newer report's time of day is kept (local time of the import's zone)
        assertThat(tessa.getOrderedAt().atZoneSameInstant(GoldenDb.SHANGHAI).toLocalDateTime())
                .isEqualTo(LocalDate.of(2026, 9, 30).atTime(23, 45));
        assertThat(g.db.dsl().fetchCount(ORDER_LINE, ORDER_LINE.ORDER_ID.eq(tessa.getId()))).isEqualTo(2);
        assertThat(g.revenue("USD")).isEqualByComparingTo("84.96"); // 26.16 + 58.80
    }

    @Test
    void everyTrailerFormOfTheUkReportIsSkippedEvenBetweenTwoReports() {
        // "sep=," first; "record(s) downloaded,,," without a count, "Seller ID: …" without a space, then a second report
        ImportSummary s = g.importNow(REPORT_UK);

        assertThat(s.firstProblems()).isEmpty();
        assertThat(s.newOrders()).isEqualTo(2);
        assertThat(g.order("ebay", "24-15229-61546").getCurrency()).isEqualTo("GBP");
        assertThat(g.order("ebay", "24-15229-61546").getTotalAmount()).isEqualByComparingTo("51.20");
        assertThat(g.db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.BUYER_ACCOUNT.isNull())).isZero();
    }
}
