package com.fankeep.core.export;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.EXPORT_LOG;
import static com.fankeep.core.db.jooq.Tables.EXPORT_LOG_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.importing.read.TableReader;
import com.fankeep.core.importing.read.TableReaders;
import com.fankeep.core.importing.read.VCardTableReader;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.CancelledException;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.SampleShop;
import com.fankeep.testing.TestDatabases;
import com.opencsv.CSVReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of the imported sample shop, read back: CSV, GBK CSV, XLSX, vCards in batches; cancel leaves nothing. */
class CustomerExportServiceTest {

    @TempDir
    Path temp;

    private Database db;
    private CustomerExportService exports;
    private int live;
    private long evil;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.fresh(temp);
        SampleShop.load(new ImportService(db), temp);
        SettingsService settings = new SettingsService(db);
        settings.setShopName("小鱼手作");
        exports = new CustomerExportService(db, settings, Clock.systemDefaultZone());
        evil = db.dsl().insertInto(CUSTOMER, CUSTOMER.NAME, CUSTOMER.NOTE).values("=HYPERLINK(\"http://evil\",\"点我\")", "@SUM(1)")
                .returning(CUSTOMER.ID).fetchOne().getId();
        live = db.dsl().fetchCount(CUSTOMER, CUSTOMER.MERGED_INTO_ID.isNull());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ExportRequest request(ExportKind kind, Path out, boolean mask, boolean gbk, int batch) {
        return new ExportRequest(kind, CustomerFilter.ALL, out, mask, mask, gbk, batch, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void csvHasABomEveryCustomerAndNoCellThatRunsAsAFormula() throws Exception {
        Path out = temp.resolve("out/客户.csv");
        ExportResult r = exports.export(request(ExportKind.CSV, out, false, false, 0), Progress.NONE, Cancellation.none());

        byte[] bytes = Files.readAllBytes(out);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        List<String[]> rows = read(out, StandardCharsets.UTF_8);
        assertThat(rows.getFirst()[1]).isEqualTo("姓名");
        assertThat(rows).hasSize(live + 1);
        assertThat(r.customers()).isEqualTo(live);
        String[] bad = rows.stream().filter(x -> x[0].equals(Long.toString(evil))).findFirst().orElseThrow();
        assertThat(bad[1]).isEqualTo("'=HYPERLINK(\"http://evil\",\"点我\")");
        assertThat(bad[19]).isEqualTo("'@SUM(1)");
        for (String[] row : rows) {
            for (String cell : row) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
            }
        }
        assertThat(rows).anyMatch(x -> x[3].contains("+8613800138000"));
        assertThat(db.dsl().fetchOne(EXPORT_LOG)).satisfies(log -> {
            assertThat(log.getKind()).isEqualTo("customers_csv");
            assertThat(log.getRowCount()).isEqualTo(live);
            assertThat(log.getMasked()).isFalse();
            assertThat(log.getFilterText()).isEqualTo("all");
        });
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no temporary file left beside it
        }
    }

    @Test
    void maskedGbkCsvHidesPhonesAndStillReadsInChinese() throws Exception {
        Path out = temp.resolve("masked.csv");
        exports.export(request(ExportKind.CSV, out, true, true, 0), Progress.NONE, Cancellation.none());

        List<String[]> rows = read(out, Charset.forName("GBK"));
        assertThat(rows.getFirst()[1]).isEqualTo("姓名");
        assertThat(String.join("\n", rows.stream().map(x -> String.join(",", x)).toList()))
                .contains("138****8000").doesNotContain("13800138000").doesNotContain("+8613800138000").contains("****");
        assertThat(db.dsl().fetchValue(EXPORT_LOG.MASKED)).isTrue();
    }

    @Test
    void xlsxKeepsPhonesAsTextAndFiguresAsNumbersAndDates() throws Exception {
        Path out = temp.resolve("客户.xlsx");
        exports.export(request(ExportKind.XLSX, out, false, false, 0), Progress.NONE, Cancellation.none());

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(live);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("电话");
            var withPhone = findRow(sheet, "+8613800138000");
            assertThat(withPhone.getCell(3).getCellType()).isEqualTo(CellType.STRING);
            assertThat(withPhone.getCell(11).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(withPhone.getCell(11).getNumericCellValue()).isPositive();
            assertThat(withPhone.getCell(13).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(withPhone.getCell(15))).isTrue();
        }
    }

    @Test
    void vcardsGoOutInBatchesParseBackAndMovePhonesToExported() throws Exception {
        Path out = temp.resolve("vcf/老客户.vcf");
        int withPhone = exports.count(new CustomerFilter(null, null, null, null, true, null));
        ExportResult r = exports.export(request(ExportKind.VCF, out, false, false, 10), Progress.NONE, Cancellation.none());

        assertThat(r.customers()).isEqualTo(withPhone);
        assertThat(r.skipped()).isEqualTo(live - withPhone);
        assertThat(r.files()).hasSize((withPhone + 9) / 10);
        assertThat(r.files().getFirst().getFileName().toString()).isEqualTo("老客户-01.vcf");
        List<List<String>> cards = new ArrayList<>();
        for (Path f : r.files()) {
            assertThat(Files.readString(f, StandardCharsets.UTF_8)).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n");
            try (TableReader reader = TableReaders.open(f, null)) {
                SheetRow header = reader.next();
                List<String> cols = header.cells();
                SheetRow row;
                int inFile = 0;
                while ((row = reader.next()) != null) {
                    cards.add(List.of(row.cells().get(cols.indexOf(VCardTableReader.FN)), row.cells().get(cols.indexOf(VCardTableReader.N_FAMILY)),
                            row.cells().get(cols.indexOf(VCardTableReader.TEL)), row.cells().get(cols.indexOf(VCardTableReader.NOTE))));
                    inFile++;
                }
                assertThat(inFile).isLessThanOrEqualTo(10);
            }
        }
        assertThat(cards).hasSize(withPhone);
        List<String> zhang = cards.stream().filter(c -> c.get(0).equals("张伟")).findFirst().orElseThrow();
        assertThat(zhang.get(1)).isEqualTo("张");
        assertThat(zhang.get(2)).contains("+8613800138000");
        assertThat(zhang.get(3)).startsWith("小鱼手作的客户 · 最近购买 20");

        long logId = r.exportId();
        assertThat(db.dsl().fetchCount(EXPORT_LOG_MEMBER, EXPORT_LOG_MEMBER.EXPORT_ID.eq(logId))).isEqualTo(withPhone);
        assertThat(db.dsl().select(org.jooq.impl.DSL.max(EXPORT_LOG_MEMBER.PART_NO)).from(EXPORT_LOG_MEMBER).fetchOne(0, Integer.class))
                .isEqualTo(r.files().size());
        assertThat(db.dsl().fetchCount(CONTACT_CHANNEL, CONTACT_CHANNEL.KIND.eq("phone").and(CONTACT_CHANNEL.IS_MASKED.isFalse())
                .and(CONTACT_CHANNEL.FUNNEL_STATE.eq("known")))).isZero();
        assertThat(db.dsl().fetchCount(CONTACT_CHANNEL, CONTACT_CHANNEL.FUNNEL_STATE.eq("exported")
                .and(CONTACT_CHANNEL.FUNNEL_STATE_AT.isNotNull()))).isPositive();
        assertThatThrownBy(() -> request(ExportKind.VCF, out, true, false, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCancelledExportLeavesNoFileAndNoLog() throws Exception {
        Path out = temp.resolve("cancelled/all.xlsx");
        Cancellation cancel = Cancellation.none();
        cancel.cancel();

        assertThatThrownBy(() -> exports.export(request(ExportKind.XLSX, out, false, false, 0), Progress.NONE, cancel))
                .isInstanceOf(CancelledException.class);

        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).isEmpty();
        }
        assertThat(db.dsl().fetchCount(EXPORT_LOG)).isZero();
    }

    @Test
    void filtersTakeTheSelectionOnly() throws Exception {
        List<Long> two = db.dsl().select(CUSTOMER.ID).from(CUSTOMER).orderBy(CUSTOMER.ID).limit(2).fetch(CUSTOMER.ID);
        Path out = temp.resolve("two.csv");
        ExportResult r = exports.export(new ExportRequest(ExportKind.CSV, CustomerFilter.ids(two), out, false, false, false, 0,
                Locale.ENGLISH), Progress.NONE, Cancellation.none());
        assertThat(r.customers()).isEqualTo(2);
        assertThat(read(out, StandardCharsets.UTF_8).getFirst()[1]).isEqualTo("Name");
        assertThat(CustomerFilter.parse(List.of("state=to_contact", "has-phone", "lapsed=180")).describe())
                .isEqualTo("state=to_contact has-phone lapsed=180");
    }

    private static org.apache.poi.ss.usermodel.Row findRow(XSSFSheet sheet, String phone) {
        for (var row : sheet) {
            var cell = row.getCell(3);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains(phone)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + phone);
    }

    private static List<String[]> read(Path csv, Charset cs) throws Exception {
        try (var in = Files.newInputStream(csv)) {
            if (cs.equals(StandardCharsets.UTF_8)) {
                in.skipNBytes(3);
            }
            try (CSVReader reader = new CSVReader(new InputStreamReader(in, cs))) {
                return reader.readAll();
            }
        }
    }
}
