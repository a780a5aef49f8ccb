package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path and the normal path give the same database for the same files (ADR 0023): every table dumped row by
 * row, the times the import took from the clock ("now") aside. Three imports in a row, so the bulk path also loads into
 * a database that already holds customers and orders, and re-imports a file it stored.
 */
class BulkPathEquivalenceTest {

    @TempDir
    Path temp;

    @Test
    void bothPathsStoreTheSameRows() throws Exception {
        Path generated = temp.resolve("ExportOrderList-gen.csv");
        TaobaoExportGenerator.write(generated, 3_000, 11, 0);
        List<ImportRequest> imports = List.of(
                ImportRequest.of(Path.of("sample-data/taobao/ExportOrderList202403151030.csv"),
                        Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv")),
                ImportRequest.of(Path.of("sample-data/shopify/orders_export_1.csv"),
                        Path.of("sample-data/contacts/google_contacts.csv"), generated),
                ImportRequest.of(Path.of("sample-data/taobao/ExportOrderList202403151030.csv"),
                        Path.of("sample-data/shopify/customers_export.csv")));
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(1);
        Map<String, List<String>> normal = importAndDump("normal", BulkPolicy.NEVER, imports, start);
        Map<String, List<String>> bulk = importAndDump("bulk", BulkPolicy.ALWAYS, imports, start);
        assertThat(normal.get("shop_order")).hasSizeGreaterThan(3_000);
        assertThat(bulk.keySet()).isEqualTo(normal.keySet());
        for (String table : normal.keySet()) {
            assertThat(bulk.get(table)).as("rows of %s", table).containsExactlyElementsOf(normal.get(table));
        }
    }

    private Map<String, List<String>> importAndDump(String name, BulkPolicy policy, List<ImportRequest> imports,
                                                    OffsetDateTime start) throws Exception {
        Path dir = temp.resolve(name);
        try (Database db = Database.open(dir)) {
            ImportService service = new ImportService(db).bulkPolicy(policy);
            for (ImportRequest request : imports) {
                service.importNow(request, (d, t, m) -> { }, Cancellation.none());
            }
            assertThat(Files.exists(dir.resolve(Database.BULK_DIR))).as("a copy left behind").isFalse();
            try (Connection c = db.dataSource().getConnection()) {
                return dump(c, start);
            }
        }
    }

    /** Every row of every table but Flyway's, ordered; a time at or after {@code start} (the clock's) as "now". */
    static Map<String, List<String>> dump(Connection c, OffsetDateTime start) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        for (String table : Database.countRows(c).keySet()) {
            if (table.startsWith("flyway")) {
                continue;
            }
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof OffsetDateTime t && !t.isBefore(start)) {
                            v = "now";
                        }
                        if (v instanceof java.sql.Timestamp t && !t.toInstant().isBefore(start.toInstant())) {
                            v = "now";
                        }
                        row.append(md.getColumnLabel(i)).append('=').append(v).append(' ');
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            out.put(table, rows);
        }
        return out;
    }
}
