package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path's reads of what its second writer writes (ADR 0054) wait for it: with the writer lagging behind, an
 * order file and its item file in one run (the item file reads the stored lines) and a contact list after an order
 * file (a key-less contact is looked up by its channels) store what the normal path stores.
 */
class BulkWriterImportTest {

    @TempDir
    Path temp;

    @Test
    void readsWaitForTheSecondWriter() throws Exception {
        List<ImportRequest> imports = List.of(
                ImportRequest.of(Path.of("sample-data/taobao/ExportOrderList202403151030.csv"),
                        Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv"),
                        Path.of("sample-data/contacts/google_contacts.csv")));
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(1);
        Map<String, List<String>> normal = importAndDump("normal", BulkPolicy.NEVER, imports, start);
        Map<String, List<String>> bulk;
        BulkWriter.lagForTests = 150;
        try {
            bulk = importAndDump("bulk", BulkPolicy.ALWAYS, imports, start);
        } finally {
            BulkWriter.lagForTests = 0;
        }
        assertThat(normal.get("order_line")).isNotEmpty();
        for (String table : normal.keySet()) {
            assertThat(bulk.get(table)).as("rows of %s", table).containsExactlyElementsOf(normal.get(table));
        }
    }

    private Map<String, List<String>> importAndDump(String name, BulkPolicy policy, List<ImportRequest> imports,
                                                    OffsetDateTime start) throws Exception {
        try (Database db = Database.open(temp.resolve(name))) {
            ImportService service = new ImportService(db).bulkPolicy(policy);
            for (ImportRequest request : imports) {
                service.importNow(request, (d, t, m) -> { }, Cancellation.none());
            }
            try (Connection c = db.dataSource().getConnection()) {
                return BulkPathEquivalenceTest.dump(c, start);
            }
        }
    }
}
