package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.SampleShop;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `db check`'s one rule for derived data (shop counters, dashboard aggregates, the duplicates scan's stored keys): a
 * mismatch is reported as repaired
 * and the check exits 0, since nothing is left wrong; the next check finds nothing.
 */
class DbCheckRepairCliTest {

    @TempDir
    Path temp;

    private Run run(String... args) {
        return InProcessCli.exec(args);
    }

    @Test
    void aRepairedCounterAndRepairedAggregatesBothExitZeroAndAreReported() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            SampleShop.load(CoreServices.over(db).imports(), temp.resolve("samples"));
        }
        String d = dir.toString();

        try (Database db = Database.open(dir)) {
            db.dsl().execute("update shop_counter set amount = amount + 7 where name = 'orders'");
        }
        Run counters = run("--data-dir", d, "db", "check");
        assertThat(counters.code()).as(counters.out() + counters.err()).isZero();
        assertThat(counters.out()).contains("Repaired: shop_counter.orders").contains("Database OK");

        try (Database db = Database.open(dir)) {
            db.dsl().execute("delete from buyer_day where customer_id = (select max(customer_id) from buyer_day)");
        }
        Run aggregates = run("--data-dir", d, "db", "check");
        assertThat(aggregates.code()).as(aggregates.out() + aggregates.err()).isZero();
        assertThat(aggregates.out()).contains("Repaired: the dashboard figures").contains("Database OK");

        try (Database db = Database.open(dir)) {   // a rename past every writer: the duplicates scan's keys are stale
            db.dsl().execute("update customer set name = '欧阳改名' where id = (select min(id) from customer "
                    + "where merged_into_id is null and erased_at is null)");
        }
        Run keys = run("--data-dir", d, "db", "check");
        assertThat(keys.code()).as(keys.out() + keys.err()).isZero();
        assertThat(keys.out()).contains("Repaired: the keys the duplicates scan stores for 1 customers").contains("Database OK");

        Run again = run("--data-dir", d, "db", "check");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Database OK").doesNotContain("Repaired");
        try (Database db = Database.open(dir)) {
            assertThat(CoreServices.over(db).aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isTrue();
        }
    }
}
