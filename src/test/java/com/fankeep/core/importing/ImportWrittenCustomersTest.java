package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.core.tier.ShopifyOrders;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run tells its listeners it wrote (ADR 0043) covers what they used to look up by batch: every customer whose
 * stored row, channels or orders the import changed is named, and the customers the batch look-ups found beyond them
 * (a contact matched by a key it already had) are left exactly as they were. Orders of nobody are reported too.
 */
class ImportWrittenCustomersTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, SHANGHAI);

    @TempDir
    Path temp;

    @Test
    void theWrittenCustomersCoverEveryCustomerTheImportChangedAndEveryOneTheBatchLookUpsFound() throws Exception {
        try (Database db = TestDatabases.fresh(temp.resolve("data"))) {
            CoreServices s = CoreServices.over(db, Clock.fixed(NOW.toInstant(), SHANGHAI));
            List<ImportListener.Written> told = new ArrayList<>();
            s.imports().addListener(new ImportListener() {
                @Override
                public void committed(ImportSummary summary) {
                    throw new AssertionError("the run knows what it wrote");
                }

                @Override
                public void committed(ImportSummary summary, Set<Long> orderCustomerIds, Written written) {
                    assertThat(written.customers()).containsAll(orderCustomerIds);
                    told.add(written);
                }
            });
            ShopifyOrders generated = new ShopifyOrders(new java.util.SplittableRandom(11), NOW, 12);
            List<List<Path>> imports = List.of(
                    List.of(Path.of("sample-data/shopify/orders_export_1.csv"), Path.of("sample-data/shopify/customers_export.csv")),
                    List.of(Path.of("sample-data/taobao/ExportOrderList202403151030.csv"),
                            Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv")),
                    List.of(Path.of("sample-data/douyin/1710468000_new.csv"), Path.of("sample-data/youzan/youzan_customers_20240315.csv"),
                            Path.of("sample-data/youzan/youzan_orders_20240315.csv")),
                    List.of(Path.of("sample-data/contacts/google_contacts.csv"), Path.of("sample-data/contacts/iphone_contacts_vcard30.vcf"),
                            Path.of("sample-data/spreadsheet/老客户名单.xlsx")),
                    List.of(generated.write(temp.resolve("orders_export_a.csv"), 30)),
                    List.of(generated.write(temp.resolve("orders_export_b.csv"), 30)), // new orders and changed statuses
                    List.of(Path.of("sample-data/shopify/customers_export.csv"), Path.of("sample-data/contacts/outlook_contacts.csv")));
            boolean sawAnonymous = false;
            boolean sawMatchedOnly = false;
            for (List<Path> files : imports) {
                Map<String, String> before = state(db);
                told.clear();
                ImportSummary summary = s.imports().importNow(new ImportRequest(files, null, null, SHANGHAI), Progress.NONE,
                        Cancellation.none());
                if (summary.nothingNew()) {
                    assertThat(told).isEmpty();
                    continue;
                }
                assertThat(told).hasSize(1);
                ImportListener.Written written = told.getFirst();
                Map<String, String> after = state(db);
                Set<String> changed = new HashSet<>(after.keySet());
                changed.addAll(before.keySet());
                changed.removeIf(k -> Objects.equals(before.get(k), after.get(k)));
                Set<String> named = new HashSet<>();
                written.customers().forEach(id -> named.add(String.valueOf(id)));
                Set<String> changedCustomers = new HashSet<>(changed);
                changedCustomers.remove("nobody");
                assertThat(named).as("%s: every customer the import changed", files).containsAll(changedCustomers);
                assertThat(written.ordersWithoutCustomer()).as("%s: orders of nobody", files).isEqualTo(changed.contains("nobody"));
                sawAnonymous |= written.ordersWithoutCustomer();
                List<Long> batches = summary.files().stream().map(FileSummary::batchId).filter(Objects::nonNull).toList();
                for (long id : batchLookUps(db, batches)) {
                    if (!written.customers().contains(id)) {
                        sawMatchedOnly = true;
                        assertThat(after.get(String.valueOf(id))).as("%s: customer %d, found by batch, not named", files, id)
                                .isEqualTo(before.get(String.valueOf(id)));
                    }
                }
            }
            assertThat(sawAnonymous).as("an import wrote orders of nobody").isTrue();
            assertThat(sawMatchedOnly).as("a contact matched by what it already had").isTrue();
        }
    }

    /**
     * Every customer as stored (its row, channels and orders), and the orders of nobody as "nobody"; sort keys and the
     * derived figures included, as any listener may read them.
     */
    private static Map<String, String> state(Database db) {
        Map<String, StringBuilder> out = new HashMap<>();
        db.dsl().fetch("select * from customer order by id").forEach(r -> out.computeIfAbsent(String.valueOf(r.get("ID")),
                k -> new StringBuilder()).append(r.formatCSV(false)));
        db.dsl().fetch("select * from contact_channel order by id").forEach(r -> out.computeIfAbsent(String.valueOf(r.get("CUSTOMER_ID")),
                k -> new StringBuilder()).append(r.formatCSV(false)));
        db.dsl().fetch("select * from shop_order order by id").forEach(r -> out.computeIfAbsent(
                r.get("CUSTOMER_ID") == null ? "nobody" : String.valueOf(r.get("CUSTOMER_ID")), k -> new StringBuilder())
                .append(r.formatCSV(false)));
        Map<String, String> text = new HashMap<>();
        out.forEach((k, v) -> text.put(k, v.toString()));
        return text;
    }

    /** What the listeners looked up before ADR 0043: customers of the batches' orders, matches, channels and creations. */
    private static Set<Long> batchLookUps(Database db, List<Long> batches) {
        Set<Long> ids = new HashSet<>();
        for (long b : batches) {
            ids.addAll(db.dsl().fetch("select customer_id from shop_order where customer_id is not null and import_batch_id = ?"
                    + " union select customer_id from customer_match where import_batch_id = ?"
                    + " union select customer_id from contact_channel where import_batch_id = ?"
                    + " union select id from customer where created_batch_id = ?", b, b, b, b).getValues(0, Long.class));
        }
        return ids;
    }
}
