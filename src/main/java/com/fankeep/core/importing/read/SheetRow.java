package com.fankeep.core.importing.read;

import java.util.List;

/**
 * One row of a table file as text.
 *
 * @param number the row number the owner sees: the record number in a CSV (1 = first line), the row in Excel
 */
public record SheetRow(long number, List<String> cells) {

    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : null;
    }

    public boolean isBlank() {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
