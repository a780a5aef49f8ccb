package com.fankeep.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps sample-data/ and {@link SampleDataGenerator} in sync: regenerates into a temp dir and compares.
 * Text files must be byte-identical; the XLSX is compared by content (POI stamps zip entries with
 * the current time, so its bytes differ run to run). On failure, rerun the generator (see
 * sample-data/README.md) and commit the result.
 */
class SampleDataUpToDateTest {

    static final Path COMMITTED = Path.of("sample-data");

    @TempDir
    static Path fresh;

    @BeforeAll
    static void generate() throws IOException {
        SampleDataGenerator.generate(fresh);
    }

    @Test
    void theCommittedFileSetIsExactlyWhatTheGeneratorWrites() throws IOException {
        assertThat(COMMITTED).as("sample-data/ (tests run from the project directory)").isDirectory();
        TreeSet<String> committed = SampleFiles.list(COMMITTED);
        committed.removeAll(SampleFiles.HAND_WRITTEN);
        assertThat(committed).as("files under sample-data/ (stale or missing files? rerun the generator)")
                .containsExactlyElementsOf(SampleFiles.list(fresh));
        assertThat(COMMITTED.resolve("README.md")).isRegularFile();
    }

    @Test
    void theGeneratorIsDeterministic(@TempDir Path again) throws IOException {
        SampleDataGenerator.generate(again);
        for (String f : SampleFiles.list(fresh)) {
            if (f.endsWith(".xlsx")) {
                assertThat(dumpXlsx(again.resolve(f))).as(f).isEqualTo(dumpXlsx(fresh.resolve(f)));
            } else {
                assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(fresh.resolve(f)));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommittedFileMatchesTheGenerator() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String f : SampleFiles.list(fresh)) {
            tests.add(DynamicTest.dynamicTest(f, () -> {
                Path committed = COMMITTED.resolve(f);
                assertThat(committed).as("committed " + f).isRegularFile();
                if (f.endsWith(".xlsx")) {
                    assertThat(dumpXlsx(committed)).as(f).isEqualTo(dumpXlsx(fresh.resolve(f)));
                } else {
                    byte[] expected = Files.readAllBytes(fresh.resolve(f));
                    byte[] actual = Files.readAllBytes(committed);
                    assertThat(firstDifference(actual, expected)).as(f + " differs from the generator output").isEmpty();
                }
            }));
        }
        assertThat(tests).as("generated files").hasSizeGreaterThan(10);
        return tests.stream();
    }

    /** "" when equal, else the first differing line of each (decoded as UTF-8 for display only). */
    static String firstDifference(byte[] actual, byte[] expected) {
        if (Arrays.equals(actual, expected)) {
            return "";
        }
        String[] a = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        String[] e = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String al = i < a.length ? a[i] : "<eof>";
            String el = i < e.length ? e[i] : "<eof>";
            if (!al.equals(el)) {
                return "line " + (i + 1) + "\n  committed: " + al + "\n  generated: " + el;
            }
        }
        return "bytes differ (" + actual.length + " vs " + expected.length + " bytes)";
    }

    /**
     * A readable dump of what matters in a workbook: sheets, merged regions, column widths and every
     * cell's address, type, value and number format.
     */
    static String dumpXlsx(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                sb.append("sheet ").append(sheet.getSheetName()).append('\n');
                List<String> merged = new ArrayList<>();
                for (CellRangeAddress r : sheet.getMergedRegions()) {
                    merged.add(r.formatAsString());
                }
                merged.sort(null);
                sb.append("merged ").append(merged).append('\n');
                for (int c = 0; c < 12; c++) {
                    sb.append("width ").append(c).append('=').append(sheet.getColumnWidth(c)).append('\n');
                }
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        sb.append(cell.getAddress().formatAsString()).append(' ').append(cell.getCellType()).append(' ');
                        switch (cell.getCellType()) {
                            case STRING -> sb.append(cell.getStringCellValue());
                            case NUMERIC -> sb.append(cell.getNumericCellValue());
                            case BOOLEAN -> sb.append(cell.getBooleanCellValue());
                            case FORMULA -> sb.append(cell.getCellFormula());
                            default -> sb.append("-");
                        }
                        sb.append(" fmt=").append(cell.getCellStyle().getDataFormatString()).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }
}
