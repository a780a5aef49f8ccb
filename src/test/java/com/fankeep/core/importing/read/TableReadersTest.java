package com.fankeep.core.importing.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReadersTest {

    @TempDir
    Path dir;

    @Test
    void gbkCsvWithQuotedNewlinesAndExcelWrappers() throws Exception {
        String text = "订单编号,买家会员名,收货地址 ,订单备注\r\n"
                + "=\"3301\",王喆,\"浙江省 杭州市 西湖区 文三路 1号(310012)\",\"请包装好,\r\n谢谢\"\r\n"
                + "=\"3302\",李堃,上海 上海市 浦东新区 世纪大道 2号(200120),\r\n";
        Path f = write("ExportOrderList202403151030.csv", text, Charset.forName("GBK"));
        List<SheetRow> rows = readAll(f, null);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).cells()).containsExactly("订单编号", "买家会员名", "收货地址 ", "订单备注");
        assertThat(rows.get(1).number()).isEqualTo(2);
        assertThat(rows.get(1).cell(1)).isEqualTo("王喆");
        assertThat(rows.get(1).cell(3)).isEqualTo("请包装好,\n谢谢");
        assertThat(rows.get(2).number()).isEqualTo(3);
        assertThat(rows.get(2).cell(0)).isEqualTo("=\"3302\"");
    }

    @Test
    void tabSeparatedUtf8WithBomAndSemicolonFiles() throws Exception {
        Path tsv = dir.resolve("a.txt");
        Files.write(tsv, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "订单号\t商品\n240315-1\t手工皂\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(readAll(tsv, null).get(0).cells()).containsExactly("订单号", "商品");

        Path semi = write("b.csv", "Name;Phone\nAlice;+1 415 555 0134\n", StandardCharsets.UTF_8);
        assertThat(readAll(semi, null).get(1).cells()).containsExactly("Alice", "+1 415 555 0134");
    }

    @Test
    void encodingCanBeOverridden() throws Exception {
        Path f = write("c.csv", "姓名\n张三\n", Charset.forName("GBK"));
        assertThat(readAll(f, Charset.forName("GBK")).get(1).cell(0)).isEqualTo("张三");
    }

    @Test
    void xlsxNumbersStayWholeAndDatesBecomeText() throws Exception {
        Path f = dir.resolve("老客户名单.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            fill(wb);
            wb.write(out);
        }
        List<SheetRow> rows = readAll(f, null);
        assertThat(rows.get(0).number()).isEqualTo(1);
        assertThat(rows.get(2).cells()).startsWith("张三", "13800138000", "2023-06-18 00:00:00", "45123");
    }

    @Test
    void oldXlsIsReadToo() throws Exception {
        Path f = dir.resolve("old.xls");
        try (Workbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            fill(wb);
            wb.write(out);
        }
        List<SheetRow> rows = readAll(f, null);
        assertThat(rows.get(2).cells()).startsWith("张三", "13800138000", "2023-06-18 00:00:00", "45123");
    }

    @Test
    void junkAndBrokenFilesAreRefusedWithOneClearMessage() throws Exception {
        Path junk = dir.resolve("photo.csv");
        Files.write(junk, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        assertThatThrownBy(() -> TableReaders.open(junk, null)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("photo.csv").extracting("code").isEqualTo("binary_file");

        Path truncated = dir.resolve("cut.xlsx");
        Files.write(truncated, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        assertThatThrownBy(() -> TableReaders.open(truncated, null)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("cut.xlsx").extracting("code").isEqualTo("broken_workbook");
    }

    @Test
    void vcardIsRecognisedByContentNotName() throws Exception {
        Path f = write("contacts.csv", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nEND:VCARD\r\n", StandardCharsets.UTF_8);
        assertThat(TableReaders.kind(f)).isEqualTo(TableReaders.Kind.VCARD);
    }

    private static void fill(Workbook wb) {
        Sheet s = wb.createSheet("客户");
        Row title = s.createRow(0);
        title.createCell(0).setCellValue("2019-2022 老客户整理");
        s.createRow(1).createCell(0).setCellValue("姓名");
        Row r = s.createRow(2);
        r.createCell(0).setCellValue("张三");
        r.createCell(1).setCellValue(13800138000d);
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        var d = r.createCell(2);
        d.setCellValue(LocalDateTime.of(2023, 6, 18, 0, 0));
        d.setCellStyle(date);
        r.createCell(3).setCellValue(45123d);
    }

    private Path write(String name, String text, Charset cs) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(cs));
        return f;
    }

    private static List<SheetRow> readAll(Path f, Charset cs) throws Exception {
        List<SheetRow> rows = new ArrayList<>();
        try (TableReader r = TableReaders.open(f, cs)) {
            for (SheetRow row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
