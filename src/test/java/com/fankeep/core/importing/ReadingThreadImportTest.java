package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.shared.Cancellation;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The rows are read and parsed on a thread of their own (RowFeed, ADR 0052): every row read before the file stops
 * being readable is stored, in order, and the stop is one problem naming the row where it happened, on both paths.
 */
class ReadingThreadImportTest extends ImportTestBase {

    @Test
    void everyRowBeforeAnUnreadableOneIsStoredAndTheStopNamesItsRow() throws Exception {
        Path file = temp.resolve("ExportOrderList-cut.csv");
        int rows = 2 * RowFeed.BLOCK_ROWS + 17; // blocks handed over, and a part block at the end
        TaobaoExportGenerator.write(file, rows, 5, 0);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write("A".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII)); // longer than any CSV row may be
        }

        ImportSummary summary = service.importNow(ImportRequest.of(file), (d, t, m) -> { }, Cancellation.none());

        assertThat(summary.newOrders()).isEqualTo(rows);
        assertThat(summary.files().get(0).rows()).isEqualTo(rows);
        assertThat(summary.firstProblems()).filteredOn(p -> p.code().equals("unreadable_row"))
                .extracting(ImportProblem::row).containsExactly((long) rows + 2); // the header is row 1
        try (var c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from shop_order")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rows);
        }
    }
}
