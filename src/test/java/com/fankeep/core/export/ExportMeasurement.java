package com.fankeep.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.testing.JavaProcess;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long exporting many customers takes, in a child JVM with a 256 MB heap (the streaming writers must not need
 * more). Not part of the normal suite: surefire does not pick the class up by name, and it only runs with
 * {@code -Dfankeep.measure=true}:
 *
 * <pre>
 * mvn -B -q -o test -Dtest=ExportMeasurement -Dfankeep.measure=true -Dfankeep.customers=50000 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Measured here (2 shared cores): 50,000 customers: CSV 13.7 s, XLSX 15.0 s, vCard (500 files) 18.1 s, each including
 * the child JVM's start. 300,000 did not finish the CSV within the 60 s a child gets (about 3,600 customers/s).
 */
class ExportMeasurement {

    @TempDir
    Path temp;

    @Test
    @EnabledIfSystemProperty(named = "fankeep.measure", matches = "true")
    void exportManyCustomersWithASmallHeap() throws Exception {
        int n = Integer.getInteger("fankeep.customers", 50_000);
        Path dir = temp.resolve("shop");
        long t0 = System.nanoTime();
        try (Database db = Database.open(dir); Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement cu = c.prepareStatement("insert into customer (id, name, city, order_count, last_order_at) values (?, ?, ?, ?, ?)");
                 PreparedStatement ch = c.prepareStatement("insert into contact_channel (customer_id, kind, raw_value, normalized_value) values (?, 'phone', ?, ?)");
                 PreparedStatement sp = c.prepareStatement("insert into customer_spend (customer_id, currency, net_spend, order_count) values (?, 'CNY', ?, 1)")) {
                for (int i = 1; i <= n; i++) {
                    cu.setLong(1, i);
                    cu.setString(2, "客户" + i);
                    cu.setString(3, i % 2 == 0 ? "上海市" : "=cmd|' /C calc'!A0");
                    cu.setInt(4, 1);
                    cu.setObject(5, OffsetDateTime.parse("2023-01-01T10:00:00+08:00").plusMinutes(i));
                    cu.addBatch();
                    String phone = "139" + String.format("%08d", i);
                    ch.setLong(1, i);
                    ch.setString(2, phone);
                    ch.setString(3, "+86" + phone);
                    ch.addBatch();
                    sp.setLong(1, i);
                    sp.setBigDecimal(2, BigDecimal.valueOf(i % 1000, 0));
                    sp.addBatch();
                    if (i % 5000 == 0) {
                        cu.executeBatch();
                        ch.executeBatch();
                        sp.executeBatch();
                    }
                }
                cu.executeBatch();
                ch.executeBatch();
                sp.executeBatch();
            }
            c.commit();
        }
        System.out.printf("generated %,d customers in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        for (String[] run : new String[][] {{"csv", "all.csv"}, {"xlsx", "all.xlsx"}, {"vcf", "all.vcf"}}) {
            long start = System.nanoTime();
            JavaProcess.Result r = JavaProcess.run("com.fankeep.Main", "export", "customers", "--format", run[0], "--batch-size", "100",
                    "--out", temp.resolve(run[1]).toString(), "--data-dir", dir.toString());
            double s = (System.nanoTime() - start) / 1e9;
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("Exported " + String.format(java.util.Locale.ENGLISH, "%,d", n) + " customers");
            long bytes;
            try (var files = Files.list(temp)) {
                bytes = files.filter(p -> p.toString().endsWith("." + run[0])).mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf("%s: %s (child JVM -Xmx256m, incl. JVM start) %.1f s, %,d bytes%n", run[0], r.out().strip(), s, bytes);
        }
    }
}
