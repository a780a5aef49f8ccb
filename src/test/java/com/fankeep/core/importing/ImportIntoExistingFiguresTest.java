package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.db.CustomerSortKeys;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A second import into a shop: the figures, spend and sort keys of the customers it touched (new orders added to what
 * they had, a changed stored order, a new currency) equal a recount of every customer from the stored orders, and
 * "matched to existing" equals a count from the tables.
 */
class ImportIntoExistingFiguresTest extends ImportTestBase {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void figuresOfTouchedCustomersEqualARecountFromTheirOrders() throws Exception {
        Path base = temp.resolve("ExportOrderList-base.csv");
        TaobaoExportGenerator.write(base, 600, 42);
        Path shopify = Path.of("sample-data/shopify/orders_export_1.csv");
        service.importNow(new ImportRequest(List.of(base, shopify), null, null, TaobaoImportTest.SHANGHAI), Progress.NONE,
                Cancellation.none());

        // more orders of the same buyers; the first buyer's first order changed (closed); a Shopify buyer orders in EUR
        Path more = temp.resolve("ExportOrderList-more.csv");
        TaobaoExportGenerator.write(more, 300, 43, 900_000_000_000L);
        String firstOrder = Files.readAllLines(base, GBK).get(1);
        String closed = firstOrder.replaceFirst(",(交易成功|卖家已发货，等待买家确认|买家已付款，等待卖家发货|等待买家付款),", ",交易关闭,");
        assertThat(closed).isNotEqualTo(firstOrder);
        Files.writeString(more, closed + "\r\n", GBK, java.nio.file.StandardOpenOption.APPEND);
        Path euro = temp.resolve("orders_export_2.csv");
        Files.writeString(euro, Files.readAllLines(shopify).stream().filter(l -> l.startsWith("Name,") || l.startsWith("#1001,"))
                .map(l -> l.replace("#1001,", "#9001,").replace(",USD,", ",EUR,")).collect(Collectors.joining("\n", "", "\n")));

        ImportSummary s = service.importNow(new ImportRequest(List.of(more, euro), null, null, TaobaoImportTest.SHANGHAI),
                Progress.NONE, Cancellation.none());

        assertThat(s.newCustomers()).isZero();
        assertThat(s.updatedOrders()).as("the closed order").isEqualTo(1);
        assertThat(s.matchedCustomers()).as("matched to existing").isEqualTo(matchedFromTables(s)).isGreaterThan(50);
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("customer_spend").where("currency = 'EUR'"))).isEqualTo(1);
        String kept = figures();
        db.transaction(dsl -> dsl.connection(c -> {
            List<Long> all = dsl.fetch("select id from customer").getValues(0, Long.class);
            new ImportRepository(c).recomputeDerived(all);
            CustomerSortKeys.refresh(c, all);
        }));
        assertThat(kept).isEqualTo(figures());
        assertThat(new IntegrityService(db).check().problems()).isEmpty();
    }

    /** Customers from before the import that one of its batches gave an order or a channel. */
    private long matchedFromTables(ImportSummary s) {
        String batches = s.files().stream().map(f -> String.valueOf(f.batchId())).collect(Collectors.joining(","));
        return db.dsl().fetchOne("select count(*) from customer c where (c.created_batch_id is null or c.created_batch_id not in ("
                + batches + ")) and (exists (select 1 from shop_order o where o.customer_id = c.id and o.import_batch_id in ("
                + batches + ")) or exists (select 1 from contact_channel ch where ch.customer_id = c.id and ch.import_batch_id in ("
                + batches + ")))").get(0, Long.class);
    }

    private String figures() {
        return db.dsl().fetch("select id, order_count, first_order_at, last_order_at, sort_nickname, sort_spend, sort_channels, "
                        + "sort_tags from customer order by id").formatCSV()
                + db.dsl().fetch("select customer_id, currency, net_spend, order_count from customer_spend order by 1, 2").formatCSV();
    }
}
