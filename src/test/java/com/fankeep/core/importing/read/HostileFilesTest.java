package com.fankeep.core.importing.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to hurt the reader, generated on the fly: each is refused with a clear message, having read only a
 * small part of it (bounded memory), within seconds.
 */
class HostileFilesTest {

    @TempDir
    Path temp;

    /** Reads every row; returns the exception that stopped it (or fails if the file was read to the end). */
    private static Throwable readAll(TableReader reader) {
        try (reader) {
            while (reader.next() != null) {
                // keep reading
            }
        } catch (IOException | RuntimeException e) {
            return e;
        }
        throw new AssertionError("the hostile file was read to the end");
    }

    @Test
    @Timeout(60)
    void aLineOfTwoHundredMegabytesIsRefusedAfterReadingAFewMegabytes() throws Exception {
        Path file = temp.resolve("one-line.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("订单编号,买家会员名,收货人姓名\n".getBytes(StandardCharsets.UTF_8));
            byte[] block = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                out.write(block);
            }
        }
        TableReader reader = TableReaders.open(file, null);
        assertThat(reader.next().cells()).hasSize(3);
        Throwable refusal = readAll(reader);
        assertThat(refusal).isInstanceOf(IOException.class).hasMessageContaining("longer than");
        assertThat(reader.fractionRead()).as("stopped early").isLessThan(0.05);
    }

    @Test
    @Timeout(60)
    void millionsOfColumnsAreRefused() throws Exception {
        Path wide = temp.resolve("wide.csv");
        Files.writeString(wide, "a" + ",b".repeat(600_000) + "\n1,2\n");
        assertThat(readAll(TableReaders.open(wide, null))).isInstanceOf(IOException.class).hasMessageContaining("columns");

        Path wider = temp.resolve("wider.csv");
        Files.writeString(wider, "a" + ",".repeat(5_000_000) + "\n");
        assertThat(readAll(TableReaders.open(wider, null))).isInstanceOf(IOException.class).hasMessageContaining("longer than");
    }

    @Test
    @Timeout(60)
    void anXlsxZipBombIsRefusedBeforeFastexcelInflatesIt() throws Exception {
        // a real workbook made by POI, then its sheet replaced by 1 GB of spaces in one cell (about 1 MB compressed)
        Path real = temp.resolve("real.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); OutputStream out = Files.newOutputStream(real)) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("订单编号");
            wb.write(out);
        }
        Path bomb = temp.resolve("bomb.xlsx");
        try (var in = new java.util.zip.ZipFile(real.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>").getBytes(StandardCharsets.UTF_8));
                    byte[] block = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 1024; i++) {
                        zip.write(block);
                    }
                    zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.getInputStream(e).transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(5 << 20);
        long start = System.nanoTime();
        Throwable refusal;
        try {
            refusal = readAll(TableReaders.open(bomb, null));
        } catch (UnreadableFileException e) {
            refusal = e;
        }
        assertThat(refusal.toString() + refusal.getCause()).containsIgnoringCase("zip bomb");
        assertThat(refusal).isInstanceOf(UnreadableFileException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aFileNameWithPathTricksIsOnlyAName() throws Exception {
        // the reader opens the path it is given; a name with ../ or control characters never becomes a path of its own
        Path odd = temp.resolve("..\u0007orders\u202e.csv");
        Files.writeString(odd, "订单编号,买家会员名\n1,a\n");
        assertThatThrownBy(() -> TableReaders.open(temp.resolve("../nope/" + odd.getFileName()), null))
                .isInstanceOf(Exception.class);
        try (TableReader r = TableReaders.open(odd, null)) {
            assertThat(r.next().cells()).containsExactly("订单编号", "买家会员名");
        }
    }
}
