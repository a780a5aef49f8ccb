package com.fankeep.core.importing.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.importing.read.TableReader;
import com.fankeep.core.importing.read.TableReaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table file of sample-data/ is recognised by its header alone: the overseas formats claim their own files
 * (whatever row the header is on) and none of anybody else's.
 */
class FormatDetectionTest {

    static final Map<String, String> OURS = Map.of(
            "shopify/orders_export_1.csv", "shopify_orders",
            "shopify/customers_export.csv", "shopify_customers",
            "woocommerce/orders-export-2024-03-15.csv", "woocommerce_orders",
            "etsy/EtsySoldOrders2024-3.csv", "etsy_orders",
            "etsy/EtsySoldOrderItems2024-3.csv", "etsy_items",
            "ebay/eBay-OrdersReport-Mar-15-2024.csv", "ebay_orders");
    static final Set<String> OUR_IDS = Set.copyOf(OURS.values());

    @Test
    void eachSampleFileIsClaimedByTheRightFormatOrByNoneOfOurs() throws Exception {
        Path root = Path.of("sample-data");
        FormatRegistry registry = FormatRegistry.standard();
        Map<String, String> detected = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        }
        for (Path file : files) {
            if (TableReaders.kind(file) == TableReaders.Kind.VCARD) {
                continue; // not a table
            }
            String name = root.relativize(file).toString().replace('\\', '/');
            Optional<FormatRegistry.Match> match = detect(registry, file);
            detected.put(name, match.map(m -> m.format().id()).orElse("-"));
            if (OURS.containsKey(name)) {
                assertThat(match).as(name).isPresent();
                assertThat(match.get().format().id()).as(name).isEqualTo(OURS.get(name));
            } else {
                match.ifPresent(m -> assertThat(OUR_IDS).as(name + " must not be taken for an overseas export")
                        .doesNotContain(m.format().id()));
            }
        }
        assertThat(detected.keySet()).containsAll(OURS.keySet());
        assertThat(detected).hasSizeGreaterThan(OURS.size() + 8); // the Chinese platforms, contact CSVs and the XLSX too
        assertThat(detected).containsEntry("taobao/ExportOrderList202403151030.csv", "taobao_orders");
    }

    @Test
    void theEbayHeaderIsFoundBelowTheBlankFirstLine() throws Exception {
        var match = detect(FormatRegistry.standard(), Path.of("sample-data/ebay/eBay-OrdersReport-Mar-15-2024.csv")).orElseThrow();
        assertThat(match.header().rowNumber()).isEqualTo(2);
    }

    /** What ImportService does: the first 30 rows, then the best-scoring header row. */
    static Optional<FormatRegistry.Match> detect(FormatRegistry registry, Path file) throws Exception {
        try (TableReader reader = TableReaders.open(file, null)) {
            List<SheetRow> first = new ArrayList<>();
            for (SheetRow row = reader.next(); row != null && first.size() < 30; row = first.size() < 30 ? reader.next() : null) {
                first.add(row);
            }
            return registry.detect(first, null);
        }
    }
}
