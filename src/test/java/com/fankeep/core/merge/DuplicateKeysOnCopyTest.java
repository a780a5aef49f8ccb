package com.fankeep.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.BulkPolicy;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.shared.Cancellation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path stores the duplicates scan's keys on its copy, before the key index is built again: after the swap
 * nothing is left marked, and the keys are those the rows give (the ones the normal path's scan stores).
 */
class DuplicateKeysOnCopyTest {

    @TempDir
    Path temp;

    @Test
    void aBulkImportLeavesEveryCustomersKeysStoredAndNothingMarked() throws Exception {
        Path file = temp.resolve("ExportOrderList-gen.csv");
        TaobaoExportGenerator.write(file, 2_000, 7, 0);
        List<String> bulk = importWith(BulkPolicy.ALWAYS, file, true);
        List<String> normal = importWith(BulkPolicy.NEVER, file, false);
        assertThat(bulk).hasSizeGreaterThan(1_000).isEqualTo(normal);
    }

    /** The keys stored after one import; the normal path's are stored as its scan would (a refresh of the marked). */
    private List<String> importWith(BulkPolicy policy, Path file, boolean bulk) throws Exception {
        try (Database db = Database.open(temp.resolve(policy.toString()))) {
            ImportService imports = new ImportService(db).bulkPolicy(policy);
            imports.addListener(new DuplicateKeysOnCopy());
            imports.importNow(ImportRequest.of(file), (d, t, m) -> { }, Cancellation.none());
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                if (bulk) {
                    assertThat(DuplicateKeys.marked(c)).as("customers left marked after the swap").isEmpty();
                    try (ResultSet rs = st.executeQuery("select count(*) from information_schema.indexes "
                            + "where index_name = 'DUPLICATE_KEY_HASH_IDX'")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("the key index built again").isEqualTo(1);
                    }
                } else {
                    DuplicateKeys.refresh(c, DuplicateKeys.marked(c), Cancellation.none());
                }
                assertThat(DuplicateKeys.check(c, false, Cancellation.none())).isEmpty();
                List<String> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select customer_id, key_hash from duplicate_key order by 1, 2")) {
                    while (rs.next()) {
                        out.add(rs.getLong(1) + ":" + rs.getLong(2));
                    }
                }
                return out;
            }
        }
    }
}
