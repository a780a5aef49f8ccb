package com.fankeep.cli;

import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.testing.InProcessCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `fankeep import` and `fankeep imports …` end to end: exit codes, output, the database they leave. */
class ImportCliTest {

    private static final String ORDERS = "sample-data/taobao/ExportOrderList202403151030.csv";
    private static final String ITEMS = "sample-data/taobao/ExportOrderDetailList202403151030.csv";

    @TempDir
    Path temp;

    @Test
    void importReportsThenReimportChangesNothingThenUndoTakesItBack() throws Exception {
        String dir = temp.resolve("shop").toString();

        InProcessCli.Run dry = InProcessCli.exec("import", ORDERS, ITEMS, "--dry-run", "--data-dir", dir);
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("31 new orders").contains("Dry run: nothing was stored.");

        InProcessCli.Run first = InProcessCli.exec("import", ORDERS, ITEMS, "--json", "--zone", "Asia/Shanghai", "--data-dir", dir);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("\"newOrders\":31").contains("\"newCustomers\":25");
        var batch = java.util.regex.Pattern.compile("\"batchId\":(\\d+)").matcher(first.out());
        assertThat(batch.find()).isTrue();
        String ordersBatch = batch.group(1); // the order file is read first

        InProcessCli.Run again = InProcessCli.exec("import", ORDERS, ITEMS, "--data-dir", dir);
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Nothing new");

        InProcessCli.Run list = InProcessCli.exec("imports", "list", "--data-dir", dir);
        assertThat(list.out()).contains("#" + ordersBatch + " committed ExportOrderList202403151030.csv")
                .contains("committed ExportOrderDetailList202403151030.csv");

        InProcessCli.Run stats = InProcessCli.exec("stats", "--json", "--data-dir", dir);
        assertThat(stats.out()).contains("\"orders\":31").contains("\"CNY\":4331.00");

        InProcessCli.Run undo = InProcessCli.exec("imports", "undo", ordersBatch, "--data-dir", dir);
        assertThat(undo.code()).as(undo.err()).isZero();
        assertThat(undo.out()).contains("25 customers");
        try (Database db = Database.open(Path.of(dir))) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isZero();
            assertThat(db.dsl().fetchValue(IMPORT_BATCH.STATUS, IMPORT_BATCH.ID.eq(Long.valueOf(ordersBatch)))).isEqualTo("undone");
        }
    }

    @Test
    void unreadableFilesAreNamedAndTheRestIsImported() throws Exception {
        Path junk = temp.resolve("photo.csv");
        Files.write(junk, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        String dir = temp.resolve("shop").toString();

        InProcessCli.Run r = InProcessCli.exec("import", junk.toString(), ORDERS, "--data-dir", dir);

        assertThat(r.code()).isEqualTo(Cli.FAILURE);
        assertThat(r.out()).contains("photo.csv: not imported").contains("31 new orders").doesNotContain("more problems");
        try (Database db = Database.open(Path.of(dir))) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(31);
        }
    }

    private static String batchOf(String dir) throws Exception {
        InProcessCli.Run list = InProcessCli.exec("imports", "list", "--json", "--data-dir", dir);
        var m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(list.out());
        assertThat(m.find()).as(list.out()).isTrue();
        return m.group(1);
    }

    @Test
    void problemReportIsSafeToOpenInExcel() throws Exception {
        Path bad = temp.resolve("ExportOrderList-bad.csv");
        String header = Files.readString(Path.of(ORDERS), java.nio.charset.Charset.forName("GBK")).lines().findFirst().orElseThrow();
        String row = "=\"1001\",=cmd|' /C calc'!A0,,10.00,0.00,0,10.00,0,=1+2,0,交易成功,,张三,上海 上海市 浦东新区 世纪大道 1号(200120),快递,,'13800138000,2024-03-01 10:00:00,,手工皂,1,,,,1,1,店,订单未关闭,0,0,,,,,,,,,,";
        Files.write(bad, (header + "\r\n" + row + "\r\n").getBytes(java.nio.charset.Charset.forName("GBK")));
        String dir = temp.resolve("shop").toString();
        InProcessCli.Run imp = InProcessCli.exec("import", bad.toString(), "--data-dir", dir);
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("row 2, column 买家实际支付金额, value \"=1+2\"");

        Path report = temp.resolve("problems.csv");
        InProcessCli.Run r = InProcessCli.exec("imports", "problems", batchOf(dir), "--out", report.toString(), "--data-dir", dir);
        assertThat(r.code()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(report);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF); // BOM: Excel opens it as UTF-8
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).contains("ExportOrderList-bad.csv").contains("\"2\"").contains("买家实际支付金额")
                .contains("\"'=1+2\"")            // neutralized: Excel shows the text, runs nothing
                .doesNotContain(",\"=1+2\"");
    }
}
