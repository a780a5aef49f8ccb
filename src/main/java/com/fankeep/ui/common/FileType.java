package com.fankeep.ui.common;

import java.util.List;

/**
 * A kind of file a file chooser offers, e.g. "Shop exports (CSV, XLSX, XLS)" with {@code *.csv, *.xlsx, *.xls}.
 *
 * @param patterns glob patterns such as {@code *.csv}; {@code *.*} for any file
 */
public record FileType(String description, List<String> patterns) {

    public FileType {
        patterns = List.copyOf(patterns);
    }
}
