package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: a generated export imported twice (the second time updating the orders) and undone, each step a command
 * that opens and closes the database as the CLI does, leaves a file within 1.5× of what the data needs — the size
 * H2's {@code SHUTDOWN COMPACT} gives a copy. The threshold for "worth compacting" is lowered to this small file.
 */
class FileCompactionTest {

    @TempDir
    Path temp;

    @Test
    void importTwiceAndUndoLeavesAFileWithinOneAndAHalfTimesItsData() throws Exception {
        Path dir = temp.resolve("shop");
        long second;
        System.setProperty(FileCompaction.MIN_BYTES_PROPERTY, "0");
        try {
            try (Database db = Database.open(dir)) {
                importFile(CoreServices.over(db), 1);
            }
            try (Database db = Database.open(dir)) {
                second = importFile(CoreServices.over(db), 2).files().getFirst().batchId(); // same orders, other statuses
            }
            try (Database db = Database.open(dir)) {
                CoreServices.over(db).imports().undo(second);
            }
        } finally {
            System.clearProperty(FileCompaction.MIN_BYTES_PROPERTY);
        }
        long file = Files.size(dir.resolve("fankeep.mv.db"));
        long needs = compactedCopy(dir.resolve("fankeep.mv.db"));
        assertThat((double) file).as("file %d bytes, its data needs %d", file, needs).isLessThanOrEqualTo(1.5 * needs);
    }

    @Test
    void onlineCompactionShrinksABloatedFileWithProgress() throws Exception {
        Path dir = temp.resolve("shop");
        List<Long> progress = new ArrayList<>();
        try (Database db = Database.open(dir)) {
            CoreServices s = CoreServices.over(db);
            importFile(s, 1);
            s.imports().undo(importFile(s, 2).files().getFirst().batchId());
            FileCompaction compaction = new FileCompaction(db, 0);
            assertThat(compaction.fill().bloated(0)).as("%s", compaction.fill()).isTrue();

            FileCompaction.Result r = compaction.compactIfBloated((done, total, message) -> progress.add(done), Cancellation.none());

            assertThat(r.afterBytes()).isLessThan(r.beforeBytes() / 2);
            assertThat(progress).isNotEmpty().last().isEqualTo(1000L);
        }
    }

    private ImportSummary importFile(CoreServices s, long seed) throws Exception {
        Path file = temp.resolve("taobao-" + seed + ".csv");
        TaobaoExportGenerator.write(file, 6000, seed);
        return s.imports().importNow(new ImportRequest(List.of(file), null, null, ZoneId.of("Asia/Shanghai")),
                Progress.NONE, Cancellation.none());
    }

    /** The size of a copy after H2's own full compaction. */
    private long compactedCopy(Path file) throws Exception {
        Path copy = temp.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(file, copy.resolve("x.mv.db"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("x"), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("shutdown compact");
        }
        return Files.size(copy.resolve("x.mv.db"));
    }
}
