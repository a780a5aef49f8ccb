package com.fankeep.core.importing;

import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.shared.SpreadsheetSafe;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The problems of an import as a CSV the owner opens in Excel (UTF-8 with BOM; no cell can start a formula). */
public final class ProblemReport {

    static final String[] HEADER = {"file", "row", "column", "value", "problem", "detail", "severity"};

    private ProblemReport() {
    }

    /** Writes to a temporary file first, so a failed write never leaves half a report under the real name. */
    public static void writeCsv(List<ImportProblem> problems, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".fankeep-", ".csv.tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                ICSVWriter csv = new CSVWriter(w);
                csv.writeNext(HEADER, false);
                for (ImportProblem p : problems) {
                    csv.writeNext(new String[] {safe(p.file()), Long.toString(p.row()), safe(p.column()), safe(p.value()),
                            safe(p.code()), safe(p.message()), p.warning() ? "warning" : "error"}, true);
                }
                csv.flush();
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String safe(String s) {
        return s == null ? "" : SpreadsheetSafe.text(s);
    }
}
