package com.fankeep.core.campaign;

import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.PersonalDataMask;
import com.fankeep.core.shared.SpreadsheetSafe;
import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a shipping list as XLSX (by the file's extension) or CSV (UTF-8 with BOM), injection-safe, via a temp file. */
final class ShippingListWriter {

    private ShippingListWriter() {
    }

    static int write(Path out, ShippingColumns layout, Campaign c, List<CampaignEntry> rows, boolean maskPhones, Messages m)
            throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".shipping-", ".part");
        try {
            boolean xlsx = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
            List<String> header = layout.header(m);
            if (xlsx) {
                writeXlsx(temp, header, layout, c, rows, maskPhones);
            } else {
                writeCsv(temp, header, layout, c, rows, maskPhones);
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
            return rows.size();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String phone(CampaignEntry e, boolean mask) {
        String p = e.address().phone();
        if (p == null || !mask) {
            return p;
        }
        return PersonalDataMask.maskPhone(p.startsWith("+86") ? p.substring(3) : p);
    }

    private static void writeCsv(Path file, List<String> header, ShippingColumns layout, Campaign c, List<CampaignEntry> rows,
                                 boolean mask) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
             CSVWriter csv = new CSVWriter(w)) {
            w.write('\uFEFF'); // Excel and WPS read UTF-8 only with the BOM
            csv.writeNext(header.toArray(String[]::new), false);
            for (CampaignEntry e : rows) {
                List<Object> cells = layout.row(c, e, phone(e, mask));
                String[] line = new String[cells.size()];
                for (int i = 0; i < line.length; i++) {
                    Object v = cells.get(i);
                    line[i] = v == null ? "" : v instanceof String s ? SpreadsheetSafe.text(s) : v.toString();
                }
                csv.writeNext(line, true);
            }
        }
    }

    private static void writeXlsx(Path file, List<String> header, ShippingColumns layout, Campaign c, List<CampaignEntry> rows,
                                  boolean mask) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (OutputStream os = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Sheet1");
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            int r = 1;
            for (CampaignEntry e : rows) {
                Row row = sheet.createRow(r++);
                List<Object> cells = layout.row(c, e, phone(e, mask));
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        var cell = row.createCell(i);
                        cell.setCellValue(SpreadsheetSafe.text(v.toString()));
                        cell.setCellStyle(text); // phones stay text: no 1.38E+10
                    }
                }
            }
            wb.write(os);
        } finally {
            wb.close();
        }
    }
}
