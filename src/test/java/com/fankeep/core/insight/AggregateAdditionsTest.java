package com.fankeep.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports that only add orders (ADR 0049) add the new orders' contributions to the stored aggregates: for buyers new
 * and old, at random times before, between and after their earlier orders, often on the same day as one of them and
 * now and then at the same minute; unpaid and refunded orders among them. After every import the stored rows and
 * counters equal a full rebuild. Now and then an import also changes a stored order (that buyer is recounted).
 */
class AggregateAdditionsTest {

    private static final ZonedDateTime NOW = AggregateIncrementalTest.NOW;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");
    private static final String HEADER = "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Total,Created at,"
            + "Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Refunded Amount";

    @TempDir
    Path temp;

    @Test
    void addedOrdersLeaveWhatAFullRebuildGives() {
        PropertyRunner.check("aggregate additions", 3, r -> r.nextLong(), seed -> {
            Path dir = Files.createTempDirectory(temp, "try");
            RandomGenerator random = new java.util.SplittableRandom(seed);
            try (Database db = TestDatabases.fresh(dir.resolve("data"))) {
                CoreServices s = CoreServices.over(db, Clock.fixed(NOW.toInstant(), AggregateIncrementalTest.SHANGHAI));
                Orders orders = new Orders(random);
                int added = 0;
                StringBuilder log = new StringBuilder();
                for (int step = 0; step < 10; step++) {
                    boolean change = step > 0 && random.nextInt(5) == 0;
                    Path file = orders.write(dir.resolve("orders_export_" + step + ".csv"), 1 + random.nextInt(8), change);
                    s.imports().importNow(new ImportRequest(List.of(file), null, null, AggregateIncrementalTest.SHANGHAI),
                            Progress.NONE, Cancellation.none());
                    log.append(change ? "import with a change" : "import").append(" | ");
                    added += s.aggregates().lastImport()[0];
                    String kept = dump(db);
                    assertThat(s.aggregates().check(false, Progress.NONE, Cancellation.none()).ok()).as("check after %s", log).isTrue();
                    s.aggregates().rebuildAll(Progress.NONE, Cancellation.none());
                    assertThat(kept).as("after %s", log).isEqualTo(dump(db));
                }
                assertThat(added).as("customers whose new orders were added, not recounted").isPositive();
            }
        });
    }

    private static String dump(Database db) {
        return db.dsl().fetch("select * from buyer_day order by 1, 2, 3, 4").formatCSV()
                + db.dsl().fetch("select * from buyer_first order by 1, 2").formatCSV()
                + db.dsl().fetch("select * from insight_count order by 1, 2, 3, 4").formatCSV();
    }

    /**
     * Shopify orders of a few buyers within a few days, so a new order often falls on the day of an earlier one of its
     * buyer (and now and then at the same minute): the cases where first and second orders are decided by time and id.
     */
    private static final class Orders {
        private final RandomGenerator random;
        private final List<String> written = new ArrayList<>();
        private final List<ZonedDateTime> times = new ArrayList<>();
        private int next = 1;

        Orders(RandomGenerator random) {
            this.random = random;
        }

        Path write(Path file, int n, boolean changeOne) throws java.io.IOException {
            StringBuilder sb = new StringBuilder(HEADER).append('\n');
            for (int i = 0; i < n; i++) {
                ZonedDateTime at = random.nextInt(4) == 0 && !times.isEmpty() ? times.get(random.nextInt(times.size()))
                        : NOW.minusDays(random.nextInt(6)).withHour(random.nextInt(24)).withMinute(random.nextInt(3)).withSecond(0);
                times.add(at);
                String status = switch (random.nextInt(8)) {
                    case 0 -> "pending";
                    case 1 -> "refunded";
                    case 2 -> "partially_refunded";
                    default -> "paid";
                };
                String row = row("#A" + next++, random.nextInt(7), status, at, random.nextInt(2) == 0 ? "CNY" : "USD", 20 + random.nextInt(900));
                written.add(row);
                sb.append(row).append('\n');
            }
            if (changeOne) {
                // an earlier order again, cancelled: its buyer's stored orders changed
                String old = written.get(random.nextInt(written.size()));
                String[] f = old.split(",", -1);
                f[2] = "voided";
                f[3] = "";
                sb.append(String.join(",", f)).append('\n');
            }
            Files.writeString(file, sb, StandardCharsets.UTF_8);
            return file;
        }

        private static String row(String no, int buyer, String status, ZonedDateTime at, String currency, int amount) {
            String refunded = status.equals("partially_refunded") ? (amount / 3) + ".00" : "0.00";
            return no + ",buyer" + buyer + "@example.com," + status + "," + (status.equals("pending") ? "" : at.plusMinutes(1).format(TIME))
                    + ",fulfilled," + currency + "," + amount + ".00," + at.format(TIME) + ",1,Mug," + amount + ".00,Buyer " + buyer
                    + "," + refunded;
        }
    }
}
