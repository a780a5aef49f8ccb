package com.fankeep.core.importing.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Old Excel 97–2003 (.xls) through POI HSSF; such files hold at most 65,536 rows, so loading one is bounded. */
final class XlsTableReader implements TableReader {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final HSSFWorkbook workbook;
    private final Iterator<Row> rows;
    private final String description;

    XlsTableReader(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            this.workbook = new HSSFWorkbook(fs.getRoot(), true);
        }
        Sheet sheet = workbook.getSheetAt(workbook.getActiveSheetIndex());
        this.rows = sheet.rowIterator();
        this.description = "XLS sheet " + sheet.getSheetName();
    }

    @Override
    public SheetRow next() {
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        int n = Math.max(0, row.getLastCellNum());
        List<String> cells = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cells.add(text(row.getCell(i)));
        }
        return new SheetRow(row.getRowNum() + 1L, cells);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().format(DATE_TIME)
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    @Override
    public double fractionRead() {
        return -1;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
