package com.fankeep.core.insight;

import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.SpreadsheetSafe;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The dashboard as a workbook: a sheet of figures (now, previous period) and a sheet per chart's data. Text cells pass
 * through {@link SpreadsheetSafe} (place names and item titles come from imports); written to a temporary file and
 * renamed when complete.
 */
public final class DashboardWorkbook {

    private DashboardWorkbook() {
    }

    public static void write(Path out, Dashboard figures, List<ChartData> charts, Messages m) throws IOException {
        DashboardText text = new DashboardText(m);
        Path dir = out.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".fankeep-dashboard-", ".tmp");
        try {
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(temp)) {
                Sheet s = wb.createSheet(WorkbookUtil.createSafeSheetName(m.get("dashboard.sheet.figures")));
                header(s, List.of(m.get("dashboard.sheet.figure"), m.get("dashboard.sheet.value",
                        figures.query().from(), figures.query().to()), m.get("dashboard.sheet.previous",
                        figures.query().previousFrom(), figures.query().previousTo())));
                int r = 1;
                for (Figure f : figures.figures()) {
                    Row row = s.createRow(r++);
                    row.createCell(0).setCellValue(SpreadsheetSafe.text(text.figure(f.key())));
                    number(row, 1, f.value());
                    number(row, 2, f.previous());
                }
                for (ChartData c : charts) {
                    charts(wb, c, text);
                }
                wb.write(os);
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** One chart's data as its own one-sheet workbook (the page's "export data" of a chart). */
    public static void writeChart(Path out, ChartData chart, Messages m) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".fankeep-chart-", ".tmp");
        try {
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(temp)) {
                charts(wb, chart, new DashboardText(m));
                wb.write(os);
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void charts(XSSFWorkbook wb, ChartData c, DashboardText text) {
        String name = WorkbookUtil.createSafeSheetName(text.chart(c.key()));
        Sheet s = wb.getSheet(name) == null ? wb.createSheet(name) : wb.createSheet(WorkbookUtil.createSafeSheetName(c.key()));
        List<String> head = new java.util.ArrayList<>(List.of(""));
        c.columns().forEach(col -> head.add(text.column(col)));
        header(s, head);
        int r = 1;
        for (ChartData.Row data : c.rows()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(SpreadsheetSafe.text(text.row(c, data.label())));
            for (int i = 0; i < data.values().size(); i++) {
                number(row, i + 1, data.values().get(i));
            }
        }
    }

    private static void header(Sheet s, List<String> names) {
        Row row = s.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            row.createCell(i).setCellValue(SpreadsheetSafe.text(names.get(i)));
        }
    }

    private static void number(Row row, int col, BigDecimal v) {
        if (v != null) {
            row.createCell(col).setCellValue(v.doubleValue());
        }
    }
}
