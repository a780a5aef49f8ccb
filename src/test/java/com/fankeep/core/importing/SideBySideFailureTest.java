package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A derive step that throws, side by side with the others (ADR 0057): the import stays committed and everything else is
 * done — the other listeners, one that runs after the failing one, and the duplicates scan — on both paths. On the bulk
 * copy a failing step is rolled back and runs again after the swap, as before.
 */
class SideBySideFailureTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = BulkPolicy.class, names = {"NEVER", "ALWAYS"})
    void aThrowingListenerLeavesTheImportCommittedAndTheOthersDone(BulkPolicy policy) {
        try (Database db = TestDatabases.fresh(temp.resolve("data"))) {
            CoreServices s = CoreServices.over(db);
            Set<String> heard = ConcurrentHashMap.newKeySet();
            s.imports().threads(2).bulkPolicy(policy);
            s.imports().addListener("throws", new ImportListener() {
                @Override
                public void committed(ImportSummary summary) {
                    heard.add("throws: committed");
                    throw new IllegalStateException("planted: a listener that fails after the commit");
                }

                @Override
                public boolean onBulkCopy(Connection copy, ImportSummary summary, Set<Long> orderCustomerIds) throws java.sql.SQLException {
                    heard.add("throws: on the copy");
                    try (var st = copy.createStatement()) {
                        st.executeUpdate("delete from shop_order"); // rolled back with the failure
                    }
                    throw new IllegalStateException("planted: a listener that fails on the bulk copy");
                }
            });
            s.imports().addListener("after it", summary -> heard.add("after it: committed"), "throws");

            com.fankeep.core.bench.WarningsSeen seen = com.fankeep.core.bench.WarningsSeen.start();
            ImportSummary summary;
            List<String> warnings;
            try {
                summary = s.imports().importNow(new ImportRequest(List.of(
                        Path.of("sample-data/taobao/ExportOrderList202403151030.csv"),
                        Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv")), null, null, SHANGHAI),
                        Progress.NONE, Cancellation.none());
            } finally {
                warnings = seen.stop();
            }

            assertThat(summary.newOrders()).isPositive();
            assertThat(s.imports().batches()).extracting(ImportBatch::status).containsOnly("committed");
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("shop_order"))).isEqualTo(summary.newOrders());
            assertThat(heard).contains("throws: committed", "after it: committed");
            if (policy == BulkPolicy.ALWAYS) {
                assertThat(heard).contains("throws: on the copy");
                // a step that failed on the copy is never silent (the bench prints it as "logged: …", ADR 0063)
                assertThat(warnings).anySatisfy(w -> assertThat(w).contains("on the bulk copy failed")
                        .contains("planted: a listener that fails on the bulk copy"));
            }
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("planted: a listener that fails after the commit"));
            // the other listeners did their work: tiers, aggregates, follow-up rules' day run, the scan's stored keys
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("customer_tier"))).isPositive();
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("buyer_day"))).isPositive();
            assertThat(s.aggregates().current()).isTrue();
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("setting").where("setting_key = 'followup.fullRun'"))).isOne();
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("duplicate_key_mark"))).as("marks the scan cleared").isZero();
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("duplicate_key"))).isPositive();
        }
    }
}
