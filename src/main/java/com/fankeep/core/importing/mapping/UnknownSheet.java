package com.fankeep.core.importing.mapping;

import com.fankeep.core.importing.read.SheetRow;
import java.nio.file.Path;
import java.util.List;

/**
 * A file no built-in format and no saved mapping knows, with its first rows: what the column-mapping step shows.
 *
 * @param rows         the first non-blank rows as read (at most FormatRegistry.MAX_ROWS_BEFORE_HEADER)
 * @param headerGuess  the index in {@code rows} of the likely header: the first of the rows with the most filled cells
 *                     (title rows above a header usually have one)
 */
public record UnknownSheet(Path file, List<SheetRow> rows, int headerGuess) {

    public UnknownSheet {
        rows = List.copyOf(rows);
    }

    public static UnknownSheet of(Path file, List<SheetRow> firstRows) {
        List<SheetRow> rows = firstRows.stream().filter(r -> !r.isBlank()).toList();
        int best = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (filled(rows.get(i)) > filled(rows.get(best))) {
                best = i;
            }
        }
        return new UnknownSheet(file, rows, best);
    }

    private static int filled(SheetRow row) {
        int n = 0;
        for (String c : row.cells()) {
            if (c != null && !c.isBlank()) {
                n++;
            }
        }
        return n;
    }
}
