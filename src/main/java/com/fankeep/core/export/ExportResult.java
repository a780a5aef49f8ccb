package com.fankeep.core.export;

import java.nio.file.Path;
import java.util.List;

/** An export done: its export log id, how many customers went out (and were left out: no phone for a vCard), the files. */
public record ExportResult(long exportId, int customers, int skipped, List<Path> files) {

    public ExportResult {
        files = List.copyOf(files);
    }
}
