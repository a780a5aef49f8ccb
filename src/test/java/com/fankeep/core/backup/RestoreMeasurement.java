package com.fankeep.core.backup;

import com.fankeep.core.db.Database;
import com.fankeep.core.integrity.IntegrityReport;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.shared.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * README figures: backup, full check, restore and integrity-check times for a large database. Not in the normal
 * suite (surefire skips the class name; the method needs a property):
 *
 * <pre>
 * mvn -B -q -o test -Dtest=RestoreMeasurement -Dfankeep.measure.restore=1000000 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The database is filled by SQL (orders, one line each, a customer per 3.3 orders with a phone channel, figures
 * recomputed like an import does), not by importing, so that preparing it takes a minute rather than the import's time.
 */
public class RestoreMeasurement {

    @Test
    @EnabledIfSystemProperty(named = "fankeep.measure.restore", matches = "\\d+")
    void measure() throws Exception {
        run(Integer.parseInt(System.getProperty("fankeep.measure.restore")), Path.of("target/restore-measure"));
    }

    /** Also runnable with plain java on the test class path, so a long run does not hold Maven's target folder. */
    public static void main(String[] args) throws Exception {
        if (args.length > 2 && args[2].equals("again")) {
            again(Path.of(args[1]));
        } else {
            run(Integer.parseInt(args[0]), Path.of(args[1]));
        }
    }

    /**
     * Times the restore again on what an earlier run left ({@code shop/} and {@code backup.zip} in {@code work}), with
     * the process's CPU time beside the wall time (a shared machine makes wall time vary).
     */
    static void again(Path work) throws Exception {
        Path root = work.toAbsolutePath();
        Path dir = root.resolve("shop");
        long cpu = cpuNanos();
        long t = System.nanoTime();
        RestoreService.restore(dir, root.resolve("backup.zip"), Clock.systemDefaultZone());
        String line = String.format(Locale.ROOT, "restore (check, keep current, swap, open): %.1f s, cpu %.1f s%n",
                secs(t), (cpuNanos() - cpu) / 1e9);
        System.out.print(line);
        Files.writeString(root.resolve("results-again.md"), line);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void run(int orders, Path work) throws Exception {
        int customers = Math.max(1, orders * 3 / 10);
        Path root = work.toAbsolutePath();
        Folders.deleteTree(root);
        Path dir = root.resolve("shop");
        long t0 = System.nanoTime();
        try (Database db = Database.open(dir)) {
            fill(db, orders, customers);
        }
        double fill = secs(t0);
        long dbBytes = Files.size(dir.resolve("fankeep.mv.db"));
        BackupInfo backup;
        double backupS;
        double checkS;
        IntegrityReport report;
        try (Database db = Database.open(dir)) {
            long t = System.nanoTime();
            report = new IntegrityService(db).check();
            checkS = secs(t);
            t = System.nanoTime();
            backup = new BackupService(db).backupTo(root.resolve("backup.zip"));
            backupS = secs(t);
        }
        long t = System.nanoTime();
        RestoreResult result = RestoreService.restore(dir, backup.file(), Clock.systemDefaultZone());
        double restoreS = secs(t);
        String table = String.format(Locale.ROOT, """
                | orders | customers | db file | fill (SQL) | integrity check | backup (write+verify) | backup file | restore (check, keep current, swap, open) |
                |---|---|---|---|---|---|---|---|
                | %,d | %,d | %,d MB | %.1f s | %.1f s (%s) | %.1f s | %,d MB | %.1f s |
                """, orders, customers, dbBytes >> 20, fill, checkS, report.ok() ? "ok" : report.problems(), backupS,
                backup.fileBytes() >> 20, restoreS);
        System.out.println(table);
        Files.writeString(root.resolve("results.md"), table + "kept: " + result.previousKeptAt() + "\n");
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Fills an empty database the same way; {@code IntegrityMeasurement} reuses it. */
    public static void fill(Database db, int orders, int customers) {
        int chunk = 100_000;
        for (int start = 1; start <= customers; start += chunk) {
            int from = start;
            int to = Math.min(customers, from + chunk - 1);
            db.transaction(dsl -> {
                dsl.execute("insert into customer (id, name) select x, '客户' || x from system_range(?, ?)", from, to);
                dsl.execute("insert into contact_channel (customer_id, kind, raw_value, normalized_value) "
                        + "select x, 'phone', '138' || lpad(cast(x as varchar), 8, '0'), '+86138' || lpad(cast(x as varchar), 8, '0') "
                        + "from system_range(?, ?)", from, to);
            });
        }
        for (int start = 1; start <= orders; start += chunk) {
            int from = start;
            int to = Math.min(orders, from + chunk - 1);
            db.transaction(dsl -> {
                dsl.execute("insert into shop_order (id, platform, external_order_id, customer_id, status, currency, paid_amount, "
                        + "ordered_at, receiver_name, receiver_phone, receiver_province, receiver_city, receiver_address) "
                        + "select x, 'taobao', 'T' || x, mod(x, ?) + 1, case when mod(x, 10) = 0 then 'cancelled' else 'completed' end, "
                        + "'CNY', 99.50 + mod(x, 100), dateadd(second, x * 60, timestamp with time zone '2023-01-01 00:00:00+08:00'), "
                        + "'收件人' || x, '138' || lpad(cast(mod(x, ?) + 1 as varchar), 8, '0'), '浙江省', '杭州市', "
                        + "'西湖区文三路' || x || '号' from system_range(?, ?)", customers, customers, from, to);
                dsl.execute("insert into order_line (order_id, line_no, sku, title, quantity, unit_price, line_total) "
                        + "select x, 1, 'SKU-' || mod(x, 500), '手工皂 礼盒装 ' || mod(x, 500), 1, 99.50, 99.50 "
                        + "from system_range(?, ?)", from, to);
            });
        }
        String revenue = "('paid', 'shipped', 'completed', 'partially_refunded')"; // as the import counts them
        db.transaction(dsl -> {
            dsl.execute("update customer c set (order_count, first_order_at, last_order_at) = (select count(*), "
                    + "min(coalesce(o.ordered_at, o.paid_at)), max(coalesce(o.ordered_at, o.paid_at)) from shop_order o "
                    + "where o.customer_id = c.id and o.status in " + revenue + ")");
            dsl.execute("insert into customer_spend (customer_id, currency, net_spend, order_count) select customer_id, currency, "
                    + "sum(coalesce(paid_amount, 0) - refunded_amount), count(*) from shop_order where status in " + revenue
                    + " group by customer_id, currency");
            // the list's sort keys kept on the customer row (V0040), as the services keep them
            com.fankeep.core.db.CustomerSortKeys.refresh(dsl,
                    java.util.stream.LongStream.rangeClosed(1, customers).boxed().toList());
        });
    }
}
