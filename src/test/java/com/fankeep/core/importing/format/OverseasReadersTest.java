package com.fankeep.core.importing.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.model.ImportItem;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import com.fankeep.core.importing.read.SheetRow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layouts the sample files do not show: eBay multi-item orders in pounds, Shopify rows out of place, WooCommerce items. */
class OverseasReadersTest {

    /** Collects what a reader emits. */
    static final class Sink implements ItemSink {
        final List<ImportItem> items = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();

        @Override
        public void item(ImportItem item) {
            items.add(item);
        }

        @Override
        public void problem(ImportProblem problem) {
            problems.add(problem);
        }
    }

    static Sink read(ExportFormat format, List<String> header, List<List<String>> rows) {
        Header h = new Header(1, header);
        assertThat(format.score(h)).as("the header is " + format.id()).isPositive();
        FormatReader reader = format.reader(h, new FormatContext("test.csv", ZoneId.of("Asia/Shanghai")));
        Sink sink = new Sink();
        long n = 2;
        for (List<String> row : rows) {
            reader.accept(new SheetRow(n++, row), sink);
        }
        reader.finish(sink);
        return sink;
    }

    @Test
    void anEbayOrderOfSeveralItemsTakesItsTotalsFromItsOwnRowAndItsCurrencyFromThePoundSign() {
        List<String> header = List.of("Sales record number", "Order number", "Buyer username", "Buyer name", "Post to name",
                "Post to phone", "Post to country", "Item number", "Item title", "Quantity", "Sold for",
                "Postage and packaging", "Total price", "Sale date", "Paid on date", "Dispatched on date");
        Sink sink = read(new EbayOrdersFormat(), header, List.of(
                List.of("2001", "11-11111-11111", "janed_uk", "Jane Doe", "Jane Doe", "07700 900123", "United Kingdom",
                        "", "", "", "", "£5.00", "£37.00", "Mar-01-24", "Mar-01-24", ""),
                List.of("2002", "11-11111-11111", "", "", "", "", "", "111", "Mug", "1", "£14.00", "", "£14.00", "", "", ""),
                List.of("2003", "11-11111-11111", "", "", "", "", "", "222", "Scarf", "1", "£18.00", "", "£18.00", "", "", ""),
                List.of("2004", "22-22222-22222", "bob_uk", "Bob Roe", "Bob Roe", "", "United Kingdom",
                        "333", "Tote", "2", "£9.00", "£3.00", "£21.00", "Mar-02-24", "", ""),
                List.of("2 record(s) downloaded", "", "", ""),
                List.of("Seller ID : some-shop", "", "", "")));

        assertThat(sink.problems).isEmpty();
        assertThat(sink.items).hasSize(2);
        ImportedOrder jane = (ImportedOrder) sink.items.get(0);
        assertThat(jane.externalOrderId()).isEqualTo("11-11111-11111");
        assertThat(jane.currency()).isEqualTo("GBP");
        assertThat(jane.totalAmount()).isEqualByComparingTo("37.00");
        assertThat(jane.shippingAmount()).isEqualByComparingTo("5.00");
        assertThat(jane.goodsAmount()).isEqualByComparingTo("32.00");
        assertThat(jane.lines()).extracting(ImportedLine::title).containsExactly("Mug", "Scarf");
        assertThat(jane.status()).isEqualTo(OrderStatus.PAID);
        assertThat(jane.buyer().account()).isEqualTo("janed_uk");
        assertThat(jane.buyer().countryCode()).isEqualTo("GB");
        assertThat(jane.buyer().phones()).containsExactly("07700 900123");
        ImportedOrder bob = (ImportedOrder) sink.items.get(1);
        assertThat(bob.status()).isEqualTo(OrderStatus.UNPAID); // no Paid on date
        assertThat(bob.paidAmount()).isNull();
        assertThat(bob.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(2);
            assertThat(l.lineTotal()).isEqualByComparingTo("18.00");
        });
    }

    @Test
    void aShopifyRowAwayFromItsOrderIsReportedNotMerged() {
        List<String> header = List.of("Name", "Email", "Financial Status", "Currency", "Total", "Created at", "Lineitem quantity",
                "Lineitem name", "Lineitem price");
        Sink sink = read(new ShopifyOrdersFormat(), header, List.of(
                List.of("#1", "a@example.com", "paid", "EUR", "10.00", "2024-01-01 10:00:00 +0100", "1", "Mug", "10.00"),
                List.of("#2", "b@example.com", "authorized", "EUR", "5.00", "2024-01-02 10:00:00 +0100", "1", "Card", "5.00"),
                List.of("#1", "", "", "", "", "", "1", "Lid", "2.00"),
                List.of("#3", "", "", "", "", "", "1", "Spoon", "2.00")));

        assertThat(sink.items).hasSize(2);
        ImportedOrder first = (ImportedOrder) sink.items.get(0);
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.lines()).extracting(ImportedLine::title).containsExactly("Mug");
        assertThat(((ImportedOrder) sink.items.get(1)).status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(sink.problems).extracting(ImportProblem::code).containsExactly("order_rows_apart", "order_head_missing");
        assertThat(sink.problems).extracting(ImportProblem::row).containsExactly(4L, 5L);
        assertThat(sink.problems).allSatisfy(p -> assertThat(p.warning()).isFalse());
    }

    @Test
    void wooCommerceItemsInBothLayoutsAndABrokenOne() {
        List<String> header = List.of("order_id", "status", "order_total", "order_currency", "billing_email", "order_item_1",
                "order_item_2", "order_item_3");
        Sink sink = read(new WooCommerceOrdersFormat(), header, List.of(
                List.of("7", "wc-processing", "61.5", "eur", "a@example.com", "product_id:12|3|42|size: M|color: Red",
                        "name:Linen Shirt|product_id:13|sku:LS-1|quantity:1|total:19.5|meta:size=L", "Gift card|one|x")));

        assertThat(sink.problems).extracting(ImportProblem::code).containsExactly("bad_item"); // no currency_assumed: the column is there
        ImportedOrder o = (ImportedOrder) sink.items.get(0);
        assertThat(o.currency()).isEqualTo("EUR");
        assertThat(o.status()).isEqualTo(OrderStatus.PAID);
        assertThat(o.lines()).hasSize(3);
        assertThat(o.lines().get(0)).satisfies(l -> {
            assertThat(l.sku()).isEqualTo("12");
            assertThat(l.quantity()).isEqualTo(3);
            assertThat(l.unitPrice()).isEqualByComparingTo("14.00");
            assertThat(l.variant()).isEqualTo("size: M|color: Red");
        });
        assertThat(o.lines().get(1)).satisfies(l -> {
            assertThat(l.title()).isEqualTo("Linen Shirt");
            assertThat(l.sku()).isEqualTo("LS-1");
            assertThat(l.lineTotal()).isEqualByComparingTo("19.50");
            assertThat(l.variant()).isEqualTo("size=L");
        });
        assertThat(o.lines().get(2).title()).isEqualTo("Gift card");
    }
}
