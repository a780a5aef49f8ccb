package com.fankeep.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.DuplicateKeyMarks;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full scan through the stored keys (ADR 0051) finds exactly what the full scan that reads the tables whole finds,
 * evidence included, whether it reads its candidates by id or by the tables: on generated shops whose customers share
 * names (in several spellings), cities, streets, phones, landlines on cards, nicknames, usernames and masked buyers,
 * in groups small and too big; with a few customers changed and marked since their keys were stored.
 */
class FullScanByKeysEquivalenceTest {

    @TempDir
    Path temp;

    @Test
    void theScanThroughTheKeysFindsWhatTheTablesGive() {
        Set<String> reasons = new HashSet<>();
        PropertyRunner.check("full scan by keys = full scan by tables", 6, RandomGenerator::nextLong, seed -> {
            Path dir = Files.createTempDirectory(temp, "shop");
            try (Database db = TestDatabases.fresh(dir); Connection c = db.dataSource().getConnection();
                 Statement st = c.createStatement()) {
                RandomGenerator r = new java.util.SplittableRandom(seed);
                List<Long> ids = ScopedScanEquivalenceTest.shop(c, r, 100 + r.nextInt(60));
                DuplicateKeys.rebuild(c);   // the rows were written by hand: their keys stored as an upgrade does
                // changed since, each with its writer's mark (the scan stores their keys first)
                long renamed = ids.get(r.nextInt(ids.size()));
                long moved = ids.get(r.nextInt(ids.size()));
                st.executeUpdate("update customer set name = '王小明' where id = " + renamed);
                st.executeUpdate("update customer set city = '杭州' where id = " + moved);
                DuplicateKeyMarks.mark(c, List.of(renamed, moved));

                List<DuplicateScanner.Found> tables = new DuplicateScanner(c, Cancellation.none()).byTables().scan();
                DuplicateKeyMarks.mark(c, List.of(renamed, moved));
                List<DuplicateScanner.Found> byIds = new DuplicateScanner(c, Cancellation.none()).candidatesByIds(true).scan();
                List<DuplicateScanner.Found> filtered = new DuplicateScanner(c, Cancellation.none()).candidatesByIds(false).scan();

                // the same list in the same order: the same suggestions stored, with the same evidence
                assertThat(byIds).doesNotHaveDuplicates().isEqualTo(tables);
                assertThat(filtered).isEqualTo(tables);
                assertThat(tables).isNotEmpty();
                tables.forEach(f -> reasons.add(f.reason()));
            }
        });
        // the reasons across two groups were there to be found
        assertThat(reasons).contains("nickname_name", "name_landline", "name_city", "same_phone");
    }
}
