package com.fankeep.core.importing.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.importing.read.TableReader;
import com.fankeep.core.importing.read.TableReaders;
import com.fankeep.core.importing.read.UnreadableFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table in sample-data/ is detected by its header alone: the 千牛 XLSX, the JD, Pinduoduo, Youzan and Douyin files as their
 * format, and no other file (Taobao, Shopify, Etsy, eBay, WooCommerce, contact lists, the hand-made sheet) as any of them.
 */
class ChineseShopFormatDetectionTest {

    static final Set<String> OURS = Set.of("taobao_qianniu_orders", "jd_orders", "pinduoduo_orders", "youzan_orders", "youzan_customers", "douyin_orders");

    static final Map<String, String> EXPECTED = Map.of(
            "taobao/qianniu_orders_20240315.xlsx", "taobao_qianniu_orders",
            "jd/jd_orders_20240315.csv", "jd_orders",
            "pinduoduo/orders_export2024-03-15-10-00-00.csv", "pinduoduo_orders",
            "youzan/youzan_orders_20240315.csv", "youzan_orders",
            "youzan/youzan_customers_20240315.csv", "youzan_customers",
            "douyin/1710468000_new.csv", "douyin_orders");

    @Test
    void eachSampleTableIsClaimedByItsOwnFormatOnly() throws IOException {
        Path root = Path.of("sample-data");
        List<Path> tables;
        try (Stream<Path> files = Files.walk(root)) {
            tables = files.filter(Files::isRegularFile).filter(ChineseShopFormatDetectionTest::isTable).sorted().toList();
        }
        assertThat(tables).hasSize(17); // 15 CSV files, the hand-made XLSX and the 千牛 XLSX
        FormatRegistry registry = FormatRegistry.standard();
        assertThat(registry.formats()).extracting(ExportFormat::id).containsAll(OURS);
        int ours = 0;
        for (Path file : tables) {
            String name = root.relativize(file).toString().replace('\\', '/');
            Optional<FormatRegistry.Match> match = registry.detect(firstRows(file), null);
            String expected = EXPECTED.get(name);
            if (expected != null) {
                ours++;
                assertThat(match).as(name).isPresent();
                assertThat(match.get().format().id()).as(name).isEqualTo(expected);
                assertThat(match.get().header().rowNumber()).as(name).isEqualTo(1);
            } else {
                match.ifPresent(m -> assertThat(OURS).as(name + " detected as " + m.format().id()).doesNotContain(m.format().id()));
            }
            // and no format of ours even scores the others' headers
            for (ExportFormat f : registry.formats()) {
                if (OURS.contains(f.id()) && !f.id().equals(expected)) {
                    for (SheetRow row : firstRows(file)) {
                        assertThat(f.score(new Header(row.number(), row.cells()))).as(f.id() + " on " + name).isZero();
                    }
                }
            }
        }
        assertThat(ours).isEqualTo(EXPECTED.size());
    }

    private static boolean isTable(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".xlsx") || name.endsWith(".xls");
    }

    /** The rows detection looks at, as ImportService reads them. */
    private static List<SheetRow> firstRows(Path file) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        try (TableReader reader = TableReaders.open(file, null)) {
            for (SheetRow row = reader.next(); row != null && rows.size() < FormatRegistry.MAX_ROWS_BEFORE_HEADER; row = reader.next()) {
                rows.add(row);
            }
        } catch (UnreadableFileException e) {
            throw new IOException(e);
        }
        return rows;
    }
}
