package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.MoneyParser;
import com.fankeep.core.importing.ParseException;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.importing.model.SourceRef;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.shared.CellText;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Reads the cells of one row by column name; a value that cannot be read becomes a problem naming file, row and
 * column (and the cell is taken as empty) instead of an exception.
 */
public final class RowReader {

    private final Header header;
    private final FormatContext context;
    private final DateParser dates;
    private SheetRow row;
    private ItemSink sink;

    public RowReader(Header header, FormatContext context, DateParser.DayOrder order) {
        this.header = header;
        this.context = context;
        this.dates = new DateParser(context.zone(), order);
    }

    /** The currency of this platform's unlabelled amounts: the import's or the shop's choice, else the platform's usual one. */
    public String shopCurrency(String platform, String usual) {
        String c = context.currency().of(platform);
        return c != null ? c : usual;
    }

    /** Points the reader at the next row. */
    public RowReader at(SheetRow row, ItemSink sink) {
        this.row = row;
        this.sink = sink;
        return this;
    }

    public SourceRef source() {
        return new SourceRef(context.fileName(), row.number());
    }

    /** The cleaned text of the first present column among {@code names}, or null when absent or empty. */
    public String text(String... names) {
        int col = header.find(names);
        return col < 0 ? null : CellText.cleanOrNull(row.cell(col));
    }

    public BigDecimal money(String... names) {
        int col = header.find(names);
        if (col < 0) {
            return null;
        }
        try {
            return MoneyParser.parse(row.cell(col));
        } catch (ParseException e) {
            problem(col, e.code(), e.getMessage(), true);
            return null;
        }
    }

    public OffsetDateTime time(String... names) {
        int col = header.find(names);
        if (col < 0) {
            return null;
        }
        try {
            return dates.parse(row.cell(col));
        } catch (ParseException e) {
            problem(col, e.code(), e.getMessage(), true);
            return null;
        }
    }

    /** A birthday (year optional: 3月5日, --06-18, 1990-03-05 …); one that cannot be read is a warning. */
    public DateParser.Birthday birthday(String... names) {
        int col = header.find(names);
        if (col < 0) {
            return null;
        }
        try {
            return ContactValues.birthday(CellText.cleanOrNull(row.cell(col)), dates);
        } catch (ParseException e) {
            problem(col, e.code(), e.getMessage(), true);
            return null;
        }
    }

    public Integer integer(String... names) {
        String s = text(names);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replace(",", "")).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problem(header.find(names), "bad_number", "not a whole number: " + s, true);
            return null;
        }
    }

    /** Reports a status the mapping did not know (a warning: the order is still imported) and returns it. */
    public com.fankeep.core.importing.model.OrderStatus known(com.fankeep.core.importing.model.OrderStatus status,
                                                              String column, String value) {
        if (status == com.fankeep.core.importing.model.OrderStatus.UNKNOWN) {
            problem(column, "unknown_status", "unknown order status: " + value, true);
        }
        return status;
    }

    /** Records a problem at a column of the current row. */
    public void problem(int column, String code, String message, boolean warning) {
        String value = column >= 0 ? row.cell(column) : null;
        sink.problem(new ImportProblem(context.fileName(), row.number(), header.name(column), value, code, message, warning));
    }

    /** Records a problem at a named column of the current row. */
    public void problem(String column, String code, String message, boolean warning) {
        problem(header.find(column), code, message, warning);
    }

    public SheetRow row() {
        return row;
    }
}
