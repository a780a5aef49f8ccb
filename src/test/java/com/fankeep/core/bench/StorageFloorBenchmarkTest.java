package com.fankeep.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage floor loads every row of an imported shop and builds every plain index it dropped; the shop is only read. */
class StorageFloorBenchmarkTest {

    @Test
    void everyRowOfTheShopIsLoadedAndEveryDroppedIndexBuilt(@TempDir Path work) throws Exception {
        ImportBenchmark.run(work, 1_000, Progress.NONE);
        Path shop = work.resolve("data");
        Map<String, Long> before = Database.countRows(shop.resolve(Database.FILE_NAME + ".mv.db"), null);

        StorageFloorBenchmark.Result r = StorageFloorBenchmark.run(shop, work.resolve("storage"), false, Progress.NONE);

        Map<String, Long> loaded = r.tables().stream().collect(Collectors.toMap(t -> t.table().toLowerCase(java.util.Locale.ROOT),
                StorageFloorBenchmark.TableTime::rows));
        assertThat(loaded).containsEntry("shop_order", 1_000L).containsEntry("order_line", 1_000L);
        before.forEach((table, rows) -> {
            if (rows > 0 && !table.equalsIgnoreCase("flyway_schema_history")) {
                assertThat(loaded).as(table).containsEntry(table, rows);
            }
        });
        assertThat(r.indexes()).extracting(StorageFloorBenchmark.IndexTime::name)
                .contains("\"CUSTOMER_SORT_NAME_IDX\"", "\"DUPLICATE_KEY_HASH_IDX\"");
        assertThat(Files.exists(work.resolve("storage"))).isFalse();
        assertThat(Database.countRows(shop.resolve(Database.FILE_NAME + ".mv.db"), null)).isEqualTo(before);

        StorageFloorBenchmark.Result withoutKeys = StorageFloorBenchmark.run(shop, work.resolve("storage"), true, Progress.NONE);
        assertThat(withoutKeys.indexes().size()).isGreaterThan(r.indexes().size());
    }

    @Test
    void aShopOfAnotherSchemaIsRefused(@TempDir Path work) throws Exception {
        Path shop = work.resolve("shop");
        Database.open(shop).close();
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + shop.resolve(Database.FILE_NAME), "sa", "")) {
            c.createStatement().execute("delete from \"flyway_schema_history\" where \"installed_rank\" = "
                    + "(select max(\"installed_rank\") from \"flyway_schema_history\")");
        }
        assertThatThrownBy(() -> StorageFloorBenchmark.run(shop, work.resolve("storage"), false, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("this build's schema");
    }
}
