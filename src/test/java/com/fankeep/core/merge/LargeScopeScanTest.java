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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan of a scope of a tenth of the shop or more (a bulk import's customers: most or all of the shop) goes through
 * the stored keys (ADR 0060) and finds exactly what the tables read whole find for that scope, evidence and order
 * included, with a few customers changed and marked since their keys were stored.
 */
class LargeScopeScanTest {

    @TempDir
    Path temp;

    @Test
    void aLargeScopeThroughTheKeysFindsWhatTheTablesGive() {
        PropertyRunner.check("large scope by keys = by tables", 5, RandomGenerator::nextLong, seed -> {
            Path dir = Files.createTempDirectory(temp, "shop");
            try (Database db = TestDatabases.fresh(dir); Connection c = db.dataSource().getConnection();
                 Statement st = c.createStatement()) {
                RandomGenerator r = new java.util.SplittableRandom(seed);
                List<Long> ids = ScopedScanEquivalenceTest.shop(c, r, 100 + r.nextInt(60));
                DuplicateKeys.rebuild(c);
                long renamed = ids.get(r.nextInt(ids.size()));
                long moved = ids.get(r.nextInt(ids.size()));
                st.executeUpdate("update customer set name = '王小明' where id = " + renamed);
                st.executeUpdate("update customer set city = '杭州' where id = " + moved);
                // the scope: the whole shop, or a part of it of at least a tenth, with the changed ones in it
                Set<Long> scope = new TreeSet<>();
                int share = r.nextInt(3);
                ids.forEach(id -> {
                    if (share == 0 || r.nextInt(share + 1) == 0) {
                        scope.add(id);
                    }
                });
                scope.add(renamed);
                scope.add(moved);
                assertThat(scope.size() * 10L).isGreaterThanOrEqualTo(ids.size());

                DuplicateKeyMarks.mark(c, List.of(renamed, moved));
                List<DuplicateScanner.Found> tables = new DuplicateScanner(c, Cancellation.none(), scope).byTables().scan();
                DuplicateKeyMarks.mark(c, List.of(renamed, moved));
                List<DuplicateScanner.Found> keys = new DuplicateScanner(c, Cancellation.none(), scope).scan();

                assertThat(keys).doesNotHaveDuplicates().isEqualTo(tables);
                assertThat(tables).isNotEmpty();
                assertThat(tables).allMatch(f -> scope.contains(f.a()) || scope.contains(f.b()));
                // the keys are stored as the rows give them: a later check finds nothing to repair
                assertThat(DuplicateKeys.check(c, false, Cancellation.none())).isEmpty();
            }
        });
    }
}
