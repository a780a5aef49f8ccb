package com.fankeep.core.export;

import com.fankeep.core.db.Database;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.Progress;
import com.fankeep.core.shared.SpreadsheetSafe;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Customer exports: CSV (UTF-8 with BOM, or GBK), XLSX (streamed, typed cells, phones as text) and vCards for the
 * phone's address book in batches. Files are written under temporary names and renamed only once complete, in the
 * transaction that logs the export (who went out, in which part, when), so a cancelled or failed export leaves
 * neither a half file nor a log entry. vCard exports move the customers' phones to the "exported" funnel state.
 */
public final class CustomerExportService {

    private static final int PAGE = 1000;

    private final Database database;
    private final SettingsService settings;
    private final Clock clock;

    public CustomerExportService(Database database, SettingsService settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    /** How many customers the filter takes. */
    private com.fankeep.core.customer.CustomerChangeListener changes = com.fankeep.core.customer.CustomerChangeListener.NONE;

    /** Told, after a vCard export committed, whose phones moved to "exported" (the dashboard's funnel counts them). */
    public CustomerExportService useChanges(com.fankeep.core.customer.CustomerChangeListener changes) {
        this.changes = changes;
        return this;
    }

    public int count(CustomerFilter filter) {
        OffsetDateTime now = now();
        return database.transactionResult(dsl -> dsl.connectionResult(c -> new ExportRepository(c, now).count(filter)));
    }

    public ExportResult export(ExportRequest request, Progress progress, Cancellation cancellation) throws IOException {
        OffsetDateTime now = now();
        Path out = request.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Messages m = Messages.of(request.locale());
        List<Path> temps = new ArrayList<>();
        try {
            Output output = switch (request.kind()) {
                case CSV -> new CsvOutput(temp(out, temps), request, m);
                case XLSX -> new XlsxOutput(temp(out, temps), request, m);
                case VCF -> new VCardOutput(out, temps, request.vcardBatchSize(), vcardNote(m), m);
            };
            List<long[]> members = new ArrayList<>();
            int skipped;
            try (Connection c = database.dataSource().getConnection()) {
                ExportRepository repo = new ExportRepository(c, now);
                int total = repo.count(request.filter());
                long after = 0;
                progress.update(0, total, "export");
                List<ExportRow> page;
                while (!(page = repo.page(request.filter(), after, PAGE)).isEmpty()) {
                    cancellation.check();
                    for (ExportRow row : page) {
                        int part = output.write(row);
                        if (part > 0) {
                            members.add(new long[] {row.id(), part});
                        }
                    }
                    after = page.getLast().id();
                    progress.update(members.size() + output.skipped(), total, "export");
                }
                skipped = output.skipped();
                output.finish();
            } catch (SQLException e) {
                throw new IOException("cannot read the customers: " + e.getMessage(), e);
            }
            cancellation.check();
            List<Path> finals = output.finalNames(out);
            long id = database.transactionResult(dsl -> dsl.connectionResult(c -> {
                ExportRepository repo = new ExportRepository(c, now);
                long logId = repo.log(request.kind(), out.getFileName().toString(), members.size(),
                        request.maskPhones() || request.maskAddresses(), request.filter().describe());
                repo.members(logId, members, request.kind() == ExportKind.VCF);
                for (int i = 0; i < temps.size(); i++) {
                    move(temps.get(i), finals.get(i));
                }
                return logId;
            }));
            if (request.kind() == ExportKind.VCF) {
                changes.customersChanged(members.stream().map(x -> x[0]).toList());
            }
            return new ExportResult(id, members.size(), skipped, finals);
        } finally {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        }
    }

    private String vcardNote(Messages m) {
        String shop = settings.shopName();
        return shop.isBlank() ? m.get("export.vcard.defaultShop") : shop;
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the export in place as " + to + ": " + e.getMessage(), e);
        }
    }

    private static Path temp(Path out, List<Path> temps) throws IOException {
        Path t = Files.createTempFile(out.getParent(), ".fankeep-export-", ".tmp");
        temps.add(t);
        return t;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** A file being written; {@link #write} returns the part the customer went into, or 0 when left out. */
    private interface Output {
        int write(ExportRow row) throws IOException;

        void finish() throws IOException;

        /** Customers left out (a sheet writes every row). */
        default int skipped() {
            return 0;
        }

        /** The files written (a sheet is the one file asked for). */
        default List<Path> finalNames(Path out) {
            return List.of(out);
        }
    }

    private static final class CsvOutput implements Output {
        private final Writer writer;
        private final ICSVWriter csv;
        private final SheetColumns columns;

        CsvOutput(Path file, ExportRequest r, Messages m) throws IOException {
            Charset cs = r.gbk() ? Charset.forName("GBK") : StandardCharsets.UTF_8;
            OutputStream os = Files.newOutputStream(file);
            writer = new OutputStreamWriter(os, cs);
            if (!r.gbk()) {
                writer.write('\uFEFF'); // Excel reads UTF-8 only with the BOM
            }
            csv = new CSVWriter(writer);
            columns = new SheetColumns(r.maskPhones(), r.maskAddresses(), java.time.ZoneId.systemDefault());
            csv.writeNext(SheetColumns.headers(m).toArray(String[]::new), false);
        }

        @Override
        public int write(ExportRow row) {
            List<Object> cells = columns.cells(row);
            String[] line = new String[cells.size()];
            for (int i = 0; i < line.length; i++) {
                Object v = cells.get(i);
                line[i] = v == null ? "" : v instanceof String s ? SpreadsheetSafe.text(s)
                        : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
            }
            csv.writeNext(line, true);
            return 1;
        }

        @Override
        public void finish() throws IOException {
            csv.flush();
            csv.close();
        }
    }

    private static final class XlsxOutput implements Output {
        private final Path file;
        private final SXSSFWorkbook wb = new SXSSFWorkbook(200);
        private final Sheet sheet;
        private final CellStyle text;
        private final CellStyle date;
        private final CellStyle money;
        private final SheetColumns columns;
        private int rowNo;

        XlsxOutput(Path file, ExportRequest r, Messages m) {
            this.file = file;
            wb.setCompressTempFiles(true);
            sheet = wb.createSheet(m.get("export.sheetName"));
            text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            columns = new SheetColumns(r.maskPhones(), r.maskAddresses(), java.time.ZoneId.systemDefault());
            Row header = sheet.createRow(rowNo++);
            List<String> headers = SheetColumns.headers(m);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            sheet.setDefaultColumnStyle(SheetColumns.PHONES, text);
        }

        @Override
        public int write(ExportRow r) {
            Row row = sheet.createRow(rowNo++);
            List<Object> cells = columns.cells(r);
            for (int i = 0; i < cells.size(); i++) {
                Object v = cells.get(i);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                switch (v) {
                    case String s -> {
                        cell.setCellValue(SpreadsheetSafe.text(s));
                        cell.setCellStyle(text);
                    }
                    case BigDecimal d -> {
                        cell.setCellValue(d.doubleValue());
                        cell.setCellStyle(money);
                    }
                    case LocalDate d -> {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    }
                    case Number n -> cell.setCellValue(n.doubleValue());
                    default -> cell.setCellValue(SpreadsheetSafe.text(v.toString()));
                }
            }
            return 1;
        }

        @Override
        public void finish() throws IOException {
            try (OutputStream os = Files.newOutputStream(file)) {
                wb.write(os);
            } finally {
                wb.close();
            }
        }
    }

    /** vCards, {@code batchSize} per file; customers without a real phone are left out (nothing to add to the phone). */
    private static final class VCardOutput implements Output {
        private final Path out;
        private final List<Path> temps;
        private final int batchSize;
        private final String shop;
        private final Messages m;
        private Writer writer;
        private int inPart;
        private int part;
        private int skipped;

        VCardOutput(Path out, List<Path> temps, int batchSize, String shop, Messages m) {
            this.m = m;
            this.out = out;
            this.temps = temps;
            this.batchSize = batchSize;
            this.shop = shop;
        }

        @Override
        public int write(ExportRow row) throws IOException {
            if (row.phones().isEmpty()) {
                skipped++;
                return 0;
            }
            if (writer == null || batchSize > 0 && inPart >= batchSize) {
                if (writer != null) {
                    writer.close();
                }
                writer = Files.newBufferedWriter(temp(out, temps), StandardCharsets.UTF_8);
                part++;
                inPart = 0;
            }
            writer.write(VCardText.card(row.name(), row.phones(), note(row)));
            inPart++;
            return part;
        }

        private String note(ExportRow row) {
            if (row.lastOrderAt() == null) {
                return m.get("export.vcard.noteNoOrder", shop);
            }
            String day = row.lastOrderAt().atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDate().toString();
            return m.get("export.vcard.note", shop, day, row.lastItem() == null ? "" : row.lastItem()).strip();
        }

        @Override
        public void finish() throws IOException {
            if (writer != null) {
                writer.close();
            }
        }

        @Override
        public int skipped() {
            return skipped;
        }

        @Override
        public List<Path> finalNames(Path out) {
            if (temps.size() <= 1) {
                return temps.isEmpty() ? List.of() : List.of(out);
            }
            String name = out.getFileName().toString();
            String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".vcf") ? name.substring(0, name.length() - 4) : name;
            List<Path> names = new ArrayList<>();
            int width = Math.max(2, Integer.toString(temps.size()).length());
            for (int i = 1; i <= temps.size(); i++) {
                names.add(out.resolveSibling(base + "-" + String.format("%0" + width + "d", i) + ".vcf"));
            }
            return names;
        }
    }
}
