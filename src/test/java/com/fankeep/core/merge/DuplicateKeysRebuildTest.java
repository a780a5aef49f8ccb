package com.fankeep.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V0196's cheaper rebuild (rows fetched on a second thread, keys inserted 500 to a statement; ADR 0048) stores exactly
 * the rows the rebuild before it stored: that one is kept here as it was, and both run on the same generated shop.
 */
class DuplicateKeysRebuildTest {

    @TempDir
    Path temp;

    @Test
    void theRebuildStoresExactlyTheKeysTheFormerRebuildStored() throws Exception {
        try (Database db = TestDatabases.fresh(temp); Connection c = db.dataSource().getConnection()) {
            // enough rows for several fetched blocks (1,000 rows) and several full inserts with a remainder
            ScopedScanEquivalenceTest.shop(c, new java.util.SplittableRandom(196), 1_100);
            formerRebuild(c);
            List<long[]> before = stored(c);
            List<Long> progress = new ArrayList<>();

            DuplicateKeys.rebuild(c, (done, total) -> progress.add(done));

            List<long[]> after = stored(c);
            assertThat(before).hasSizeGreaterThan(1_000);
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i)).as("row %d", i).containsExactly(before.get(i));
            }
            assertThat(progress).isNotEmpty().isSorted();
            assertThat(progress.getLast()).isLessThanOrEqualTo(DuplicateKeys.REBUILD_PARTS);
        }
    }

    /** {@code DuplicateKeys.rebuild} as it was before ADR 0048: rows read on this thread, one-row inserts in batches. */
    private static void formerRebuild(Connection c) throws Exception {
        Map<Long, long[]> keys = new DuplicateScanner(c, Cancellation.none()).withoutPrefetch().keysOfAll();
        try (var st = c.createStatement()) {
            st.executeUpdate("delete from duplicate_key");
            st.executeUpdate("delete from duplicate_key_mark");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into duplicate_key (customer_id, key_hash) values (?, ?)")) {
            int n = 0;
            for (long id : new TreeSet<>(keys.keySet())) {
                for (long h : DuplicateKeys.distinct(keys.get(id))) {
                    ps.setLong(1, id);
                    ps.setLong(2, h);
                    ps.addBatch();
                    if (++n % 2000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
    }

    private static List<long[]> stored(Connection c) throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery("select customer_id, key_hash from duplicate_key order by customer_id, key_hash")) {
            while (rs.next()) {
                rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return rows;
    }
}
