package com.fankeep.cli;

import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.testing.SampleShop;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup, backup list, restore, db check and export all, run in-process through {@link Cli#run}. */
class SafetyCliTest {

    @TempDir
    Path temp;

    private Run run(String... args) {
        return InProcessCli.exec(args);
    }

    @Test
    void backupListCheckExportAndRestoreOfASampleShop() throws Exception {
        Path dir = temp.resolve("shop");
        long orders;
        try (Database db = Database.open(dir)) {
            SampleShop.load(com.fankeep.core.app.CoreServices.over(db).imports(), temp.resolve("samples"));
            orders = db.dsl().fetchCount(SHOP_ORDER);
        }
        String d = dir.toString();

        Run check = run("--data-dir", d, "db", "check");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("Database OK");

        Path mine = temp.resolve("mine.zip");
        Run backup = run("--data-dir", d, "backup", "--out", mine.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backup written and verified").contains(orders + " orders");
        Run auto = run("--data-dir", d, "backup");
        assertThat(auto.code()).as(auto.err()).isZero();
        Run list = run("--data-dir", d, "backup", "list");
        assertThat(list.out()).contains("(1 backups)").contains("-manual.zip (Made by you)");
        Run json = run("--data-dir", d, "backup", "list", "--json");
        assertThat(json.out()).contains("\"kind\":\"manual\"");
        // the keys in their declared order, every run (they were a Map.of: an order each JVM picks anew)
        com.fasterxml.jackson.databind.JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get(0);
        java.util.List<String> keys = new java.util.ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("file", "createdAt", "kind", "reason", "schemaVersion", "bytes", "rows");
        java.util.List<String> tables = new java.util.ArrayList<>();
        first.get("rows").fieldNames().forEachRemaining(tables::add);
        assertThat(tables).as("the tables counted, sorted").hasSizeGreaterThan(2).isSorted();

        Path usb = temp.resolve("usb-stick");
        Run settings = run("--data-dir", d, "backup", "settings", "--folder", usb.toString(), "--keep-daily", "3");
        assertThat(settings.code()).as(settings.err()).isZero();
        assertThat(settings.out()).contains(usb.toString()).contains("last 3 days, 4 weeks and 12 months");
        assertThat(settings.out()).contains("Moved 1 backups");
        assertThat(run("--data-dir", d, "backup").code()).isZero();
        try (var files = Files.list(usb)) {
            assertThat(files.filter(f -> f.toString().endsWith(".zip")).count()).as("the moved one and the new one").isEqualTo(2);
        }
        assertThat(run("--data-dir", d, "backup", "settings", "--folder", "default").code()).isZero();
        Run back = run("--data-dir", d, "backup", "list", "--json");
        String newest = back.out().replaceAll("(?s).*?\"file\":\"([^\"]+)\".*", "$1");
        Run delete = run("--data-dir", d, "backup", "delete", Path.of(newest).getFileName().toString());
        assertThat(delete.code()).as(delete.err()).isZero();
        assertThat(Path.of(newest)).doesNotExist();
        assertThat(run("--data-dir", d, "backup", "list").out()).contains("(1 backups)");
        Run notHers = run("--data-dir", d, "backup", "delete", mine.toString());
        assertThat(notHers.code()).isEqualTo(1);
        assertThat(notHers.err()).contains("is not a backup in the backups folder");
        assertThat(mine).exists();

        Path export = temp.resolve("all.zip");
        Run exp = run("--data-dir", d, "export", "all", "--out", export.toString());
        assertThat(exp.code()).as(exp.err()).isZero();
        try (ZipFile zip = new ZipFile(export.toFile())) {
            String csv = new String(zip.getInputStream(zip.getEntry("csv/shop_order.csv")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(csv.lines().count()).isGreaterThanOrEqualTo(orders + 1);
            assertThat(zip.getEntry("fankeep.sql")).isNotNull();
            assertThat(zip.getEntry("csv/customer.csv")).isNotNull();
        }

        try (Database db = Database.open(dir)) {
            db.dsl().execute("delete from shop_order where id = (select max(id) from shop_order)");
            db.dsl().execute("update customer set order_count = order_count + 5");
        }
        Run broken = run("--data-dir", d, "db", "check");
        assertThat(broken.code()).isEqualTo(Cli.FAILURE);
        assertThat(broken.err()).contains("order_figures").contains("fankeep restore");

        Path foreign = Files.writeString(temp.resolve("holiday.zip"), "PK not really");
        Run refused = run("--data-dir", d, "restore", foreign.toString());
        assertThat(refused.code()).isEqualTo(Cli.FAILURE);
        assertThat(refused.err()).contains("is not a FanKeep backup. Nothing was changed.");

        Run restore = run("--data-dir", d, "restore", mine.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored").contains("before-restore");
        assertThat(run("--data-dir", d, "db", "check").code()).isZero();
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(orders);
        }
    }

    @Test
    void anErasedCustomerIsPurgedFromTheBackupsOnRequest() throws Exception {
        Path dir = temp.resolve("shop");
        long id;
        try (Database db = Database.open(dir)) {
            SampleShop.load(com.fankeep.core.app.CoreServices.over(db).imports(), temp.resolve("samples"));
            id = ((Number) db.dsl().fetchValue("select min(customer_id) from contact_channel where kind = 'phone'")).longValue();
        }
        String d = dir.toString();
        assertThat(run("--data-dir", d, "backup").code()).isZero();
        Run erase = run("--data-dir", d, "customer", "erase", Long.toString(id));
        assertThat(erase.code()).as(erase.err()).isZero();
        assertThat(erase.out()).contains("fankeep backup purge-erased");

        Run purge = run("--data-dir", d, "backup", "purge-erased");
        assertThat(purge.code()).as(purge.err()).isZero();
        assertThat(purge.out()).contains("1 backups looked at: 1 rewritten").contains("1 customer records erased");
        assertThat(purge.err()).contains("Backup 1 of 1: fankeep-");
        Run again = run("--data-dir", d, "backup", "purge-erased");
        assertThat(again.out()).contains("1 backups looked at: 0 rewritten");
    }
}
