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
                // a live customer with a name of its own and nothing else (so it holds its keys alone), and another one that
                // later takes its name and city: a pair that only the changed customer's refreshed keys can give
                List<Long> live = new java.util.ArrayList<>();
                try (var rs = st.executeQuery("select id from customer where merged_into_id is null and city is not null order by id")) {
                    while (rs.next()) {
                        live.add(rs.getLong(1));
                    }
                }
                long twin = live.get(r.nextInt(live.size()));
                long renamed = live.get(r.nextInt(live.size()));
                st.executeUpdate("update customer set name = '欧阳明月', note = null where id = " + twin);
                st.executeUpdate("delete from contact_channel where customer_id = " + twin);
                st.executeUpdate("delete from shop_order where customer_id = " + twin);
                DuplicateKeys.rebuild(c);
                if (renamed != twin) {
                    st.executeUpdate("update customer set (name, city) = (select name, city from customer where id = " + twin
                            + ") where id = " + renamed);
                }
                long moved = ids.get(r.nextInt(ids.size()));
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

                // the keys' way first: the tables' way stores the marked customers' keys on its way
                DuplicateKeyMarks.mark(c, List.of(renamed, moved));
                List<DuplicateScanner.Found> keys = new DuplicateScanner(c, Cancellation.none(), scope).scan();
                DuplicateKeyMarks.mark(c, List.of(renamed, moved));
                List<DuplicateScanner.Found> tables = new DuplicateScanner(c, Cancellation.none(), scope).byTables().scan();

                if (renamed != twin) {
                    assertThat(tables).anyMatch(f -> f.a() == Math.min(renamed, twin) && f.b() == Math.max(renamed, twin));
                }
                assertThat(keys).doesNotHaveDuplicates().isEqualTo(tables);
                assertThat(tables).isNotEmpty();
                assertThat(tables).allMatch(f -> scope.contains(f.a()) || scope.contains(f.b()));
                // the keys are stored as the rows give them: a later check finds nothing to repair
                assertThat(DuplicateKeys.check(c, false, Cancellation.none())).isEmpty();
            }
        });
    }
}
