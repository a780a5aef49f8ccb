package com.fankeep.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportBatch;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.privacy.ErasureReason;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.core.tier.ShopifyOrders;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path's aggregates from one read of the orders (ADR 0053) equal the services' rebuild, row for row and counter
 * for counter, on a random shop: imports, an undone import (orders no longer visible), merges (orders of no live
 * customer), erasures, cities and channel states edited by hand.
 */
class BulkAggregatesTest {

    @TempDir
    Path temp;

    @Test
    void theBulkRebuildEqualsTheServicesRebuildOnARandomShop() {
        PropertyRunner.check("bulk aggregates", 3, r -> r.nextLong(), seed -> {
            Path dir = Files.createTempDirectory(temp, "try");
            RandomGenerator random = new java.util.SplittableRandom(seed);
            try (Database db = TestDatabases.fresh(dir.resolve("data"))) {
                CoreServices s = CoreServices.over(db, Clock.fixed(AggregateIncrementalTest.NOW.toInstant(), AggregateIncrementalTest.SHANGHAI));
                ShopifyOrders orders = new ShopifyOrders(random, AggregateIncrementalTest.NOW, 30);
                for (int i = 1; i <= 4; i++) {
                    Path file = orders.write(dir.resolve("orders_export_" + i + ".csv"), 10 + random.nextInt(25));
                    s.imports().importNow(new ImportRequest(List.of(file), null, null, AggregateIncrementalTest.SHANGHAI),
                            Progress.NONE, Cancellation.none());
                }
                change(s, random);
                s.aggregates().rebuildAll(Progress.NONE, Cancellation.none());
                String rebuilt = dump(db);
                assertThat(rebuilt).contains("2026").contains("buyers");
                db.transaction(dsl -> dsl.connection(c -> BulkAggregates.rebuild(DSL.using(c, SQLDialect.H2, Database.jooqSettings()), c,
                        AggregateIncrementalTest.SHANGHAI)));
                assertThat(dump(db)).as("seed %s", seed).isEqualTo(rebuilt);
                assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).isTrue();
            }
        });
    }

    /** An undone import, two merges, an erasure, a city and a channel state. */
    private static void change(CoreServices s, RandomGenerator random) {
        List<ImportBatch> committed = s.imports().batches().stream().filter(b -> "committed".equals(b.status())).toList();
        s.imports().undo(committed.get(random.nextInt(committed.size())).id());
        for (int i = 0; i < 2; i++) {
            List<Long> live = live(s);
            long a = live.get(random.nextInt(live.size()));
            long b = live.get(random.nextInt(live.size()));
            if (a != b) {
                s.merges().merge(new MergeRequest(List.of(a, b), a, Map.of()));
            }
        }
        List<Long> live = live(s);
        s.erasure().erase(live.get(random.nextInt(live.size())), ErasureReason.REQUEST);
        live = live(s);
        long city = live.get(random.nextInt(live.size()));
        s.customers().setCity(city, "杭州");
        List<Long> channels = s.database().dsl().fetch("select id from contact_channel where customer_id in (select id from customer"
                + " where merged_into_id is null and erased_at is null) order by id").getValues(0, Long.class);
        if (!channels.isEmpty()) {
            s.customers().setFunnelState(channels.get(random.nextInt(channels.size())), "connected");
        }
    }

    private static List<Long> live(CoreServices s) {
        return s.database().dsl().fetch("select id from customer where merged_into_id is null and erased_at is null order by id")
                .getValues(0, Long.class);
    }

    private static String dump(Database db) {
        var dsl = db.dsl();
        return dsl.fetch("select * from buyer_day order by 1, 2, 3, 4").formatCSV()
                + dsl.fetch("select * from buyer_first order by 1, 2").formatCSV()
                + dsl.fetch("select * from buyer_fact order by 1").formatCSV()
                + dsl.fetch("select * from insight_count order by 1, 2, 3, 4").formatCSV();
    }
}
