package com.fankeep.core.importing.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DateUtil;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Streams the first sheet of an XLSX with fastexcel-reader (never a whole DOM); numbers and dates become text. */
final class XlsxTableReader implements TableReader {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final String description;

    XlsxTableReader(Path file) throws IOException {
        this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        try {
            Sheet sheet = workbook.getActiveSheet().orElseGet(workbook::getFirstSheet);
            this.rows = sheet.openStream();
            this.iterator = rows.iterator();
            this.description = "XLSX sheet " + sheet.getName();
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    @Override
    public SheetRow next() throws IOException {
        try {
            if (!iterator.hasNext()) {
                return null;
            }
            Row row = iterator.next();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
            return new SheetRow(row.getRowNum(), cells);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            // fastexcel-reader reports damaged XML or cells unchecked (found by FuzzRunTest): the rows read so far
            // stay, and the import names where the file stops being readable
            throw new IOException("the XLSX is damaged here: " + e.getMessage(), e);
        }
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> number(cell);
            case STRING, FORMULA -> cell.getRawValue() == null ? "" : cell.getText();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case EMPTY, ERROR -> "";
        };
    }

    private static String number(Cell cell) {
        BigDecimal n;
        try {
            n = cell.asNumber();
        } catch (org.dhatim.fastexcel.reader.ExcelReaderException | NumberFormatException e) {
            // a damaged number cell: its text goes on, and the column's parser names the bad value, row and column
            return cell.getRawValue() == null ? "" : cell.getRawValue();
        }
        Integer format = cell.getDataFormatId();
        String pattern = cell.getDataFormatString();
        if (format != null && DateUtil.isADateFormat(format, pattern)) {
            return cell.asDate().format(DATE_TIME);
        }
        // 13800138000 shown as 1.38E+10 in Excel is still the whole number here
        return n.stripTrailingZeros().toPlainString();
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
        try {
            rows.close();
        } finally {
            workbook.close();
        }
    }
}
