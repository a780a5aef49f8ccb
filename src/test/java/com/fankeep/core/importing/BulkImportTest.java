package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.crypto.EncryptionService;
import com.fankeep.core.db.Database;
import com.fankeep.core.db.FolderSwap;
import com.fankeep.core.shared.CancelledException;
import com.fankeep.core.shared.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk path's own cases (ADR 0023): cancel, a write meanwhile, encryption at rest, roll back, when it is taken. */
class BulkImportTest {

    @TempDir
    Path temp;

    private Path file(String name, int rows, long seed) throws Exception {
        Path f = temp.resolve("ExportOrderList-" + name + ".csv");
        TaobaoExportGenerator.write(f, rows, seed, seed * 1_000_000L);
        return f;
    }

    @Test
    void aCancelledBulkImportLeavesTheDatabaseAsItWasAndNoCopy() throws Exception {
        Path dir = temp.resolve("data");
        Path first = file("a", 500, 1);
        Path second = file("b", 3_000, 2);
        try (Database db = Database.open(dir)) {
            ImportService service = new ImportService(db).bulkPolicy(BulkPolicy.ALWAYS);
            service.importNow(ImportRequest.of(first), (d, t, m) -> { }, Cancellation.none());
            Cancellation cancel = new Cancellation();
            assertThatThrownBy(() -> service.prepare(ImportRequest.of(second), (d, t, m) -> {
                if (m.contains(": 2000")) {
                    cancel.cancel();
                }
            }, cancel)).isInstanceOf(CancelledException.class);
            assertThat(dir.resolve(Database.BULK_DIR)).doesNotExist();
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(500);
        }
    }

    @Test
    void aRolledBackBulkImportChangesNothingAndACommittedOneIsThere() throws Exception {
        Path dir = temp.resolve("data");
        Path f = file("a", 1_000, 3);
        try (Database db = Database.open(dir)) {
            ImportService service = new ImportService(db).bulkPolicy(BulkPolicy.ALWAYS);
            try (ImportSession session = service.prepare(ImportRequest.of(f), (d, t, m) -> { }, Cancellation.none())) {
                assertThat(session.summary().newOrders()).isEqualTo(1_000);
                assertThat(db.dsl().fetchCount(SHOP_ORDER)).as("nothing visible before commit").isZero();
            }
            assertThat(dir.resolve(Database.BULK_DIR)).doesNotExist();
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isZero();
            service.importNow(ImportRequest.of(f), (d, t, m) -> { }, Cancellation.none());
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(1_000);
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).as("after a reopen").isEqualTo(1_000);
            // the copy's settings are stored in its file: none may weaken the live database after the swap
            assertThat(db.dsl().fetchValue("select count(*) from information_schema.settings"
                    + " where setting_name = 'RETENTION_TIME' and setting_value = '0'")).as("H2's retention time 0, kept after the swap")
                    .isEqualTo(0L);
        }
    }

    /** The case that would lose data: something written to the open file after the copy was taken. */
    @Test
    void aWriteToTheDatabaseWhileTheCopyLoadedRefusesTheSwapAndIsKept() throws Exception {
        Path dir = temp.resolve("data");
        try (Database db = Database.open(dir)) {
            ImportService service = new ImportService(db).bulkPolicy(BulkPolicy.ALWAYS);
            ImportSession session = service.prepare(ImportRequest.of(file("a", 800, 4)), (d, t, m) -> { }, Cancellation.none());
            db.transaction(dsl -> dsl.execute("insert into setting (setting_key, setting_value) values ('bulk.test', 'kept')"));
            assertThatThrownBy(session::commit).isInstanceOf(ImportFailedException.class).hasMessageContaining("changed meanwhile");
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isZero();
            assertThat(db.dsl().fetchValue("select setting_value from setting where setting_key = 'bulk.test'")).isEqualTo("kept");
            assertThat(dir.resolve(Database.BULK_DIR)).doesNotExist();
            assertThat(dir.resolve(FolderSwap.STAGING_DIR)).doesNotExist();
        }
    }

    @Test
    void anEncryptedDatabaseStaysEncryptedThroughABulkImport() throws Exception {
        Path dir = temp.resolve("data");
        Database.open(dir).close();
        char[] password = "correct horse".toCharArray();
        EncryptionService.change(dir, null, password.clone(), (d, t, s) -> { }, Cancellation.none(), FolderSwap.Steps.NONE);
        try (Database db = EncryptionService.open(dir, password.clone())) {
            new ImportService(db).bulkPolicy(BulkPolicy.ALWAYS)
                    .importNow(ImportRequest.of(file("a", 600, 5)), (d, t, m) -> { }, Cancellation.none());
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(600);
        }
        assertThat(EncryptionService.encrypted(dir)).isTrue();
        assertThatThrownBy(() -> Database.open(dir)).as("no plain open").isInstanceOf(RuntimeException.class);
        try (Database db = EncryptionService.open(dir, password.clone())) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(600);
        }
        // the file itself is encrypted: no plain H2 header
        assertThat(new String(Files.readAllBytes(dir.resolve("fankeep.mv.db")), 0, 16, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("H:2");
    }

    /**
     * The copy loads without looking up each row's references (ADR 0041): a row pointing at nothing must still stop
     * the swap, and the open database must not see it.
     */
    @Test
    void aCopyWhoseRowPointsAtNothingIsRefusedBeforeTheSwap() throws Exception {
        Path dir = temp.resolve("data");
        try (Database db = Database.open(dir)) {
            try (BulkCopy copy = BulkCopy.of(db)) {
                copy.dropIndexes();
                copy.referenceChecks(false);
                try (java.sql.Statement s = copy.connection().createStatement()) {
                    s.execute("insert into shop_order (platform, external_order_id, customer_id, status) "
                            + "values ('taobao', 'T-1', 987654, 'paid')");
                }
                copy.connection().commit();
                copy.referenceChecks(true);
                copy.rebuildIndexes(com.fankeep.core.shared.Progress.NONE, Cancellation.none());
                assertThatThrownBy(() -> copy.checkAndClose(1)).isInstanceOf(java.io.IOException.class)
                        .hasMessageContaining("integrity check");
            }
            assertThat(dir.resolve(Database.BULK_DIR)).doesNotExist();
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isZero();
        }
    }

    /** A cancel while the copy's indexes are built stops the build there (ADR 0056) and leaves no copy. */
    @Test
    void aCancelDuringTheIndexBuildStopsItAndLeavesNoCopy() throws Exception {
        Path dir = temp.resolve("data");
        try (Database db = Database.open(dir)) {
            new ImportService(db).bulkPolicy(BulkPolicy.ALWAYS).importNow(ImportRequest.of(file("a", 300, 3)),
                    (d, t, m) -> { }, Cancellation.none());
            Cancellation cancel = new Cancellation();
            long[] total = new long[1];
            try (BulkCopy copy = BulkCopy.of(db)) {
                copy.dropIndexes();
                assertThatThrownBy(() -> copy.rebuildIndexes((d, t, m) -> {
                    total[0] = t;
                    if (d == 2) {
                        cancel.cancel();
                    }
                }, cancel)).isInstanceOf(CancelledException.class);
                try (java.sql.Statement s = copy.connection().createStatement();
                     java.sql.ResultSet rs = s.executeQuery("select count(*) from information_schema.indexes "
                             + "where table_schema = 'PUBLIC' and index_type_name = 'INDEX' and is_generated = false")) {
                    rs.next();
                    assertThat(total[0]).as("indexes to build").isGreaterThan(3);
                    // the open file has every secondary index; the copy at most the two begun before the cancel
                    assertThat(rs.getLong(1)).isLessThanOrEqualTo(countSecondaryIndexes(db) - total[0] + 2);
                }
            }
            assertThat(dir.resolve(Database.BULK_DIR)).doesNotExist();
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(300);
        }
    }

    private static long countSecondaryIndexes(Database db) throws java.sql.SQLException {
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select count(*) from information_schema.indexes "
                     + "where table_schema = 'PUBLIC' and index_type_name = 'INDEX' and is_generated = false")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void autoTakesTheBulkPathForAFileLargeComparedToTheDatabase() {
        assertThat(BulkPolicy.AUTO.takesBulkPath(List.of(100_000L), 0)).as("a small file into an empty database").isFalse();
        assertThat(BulkPolicy.AUTO.takesBulkPath(List.of(50_000_000L), 0)).as("a big file into an empty database").isTrue();
        assertThat(BulkPolicy.AUTO.takesBulkPath(List.of(50_000_000L), 1_000_000)).as("into a bigger database").isFalse();
        assertThat(BulkPolicy.NEVER.takesBulkPath(List.of(50_000_000L), 0)).isFalse();
        assertThat(BulkPolicy.ALWAYS.takesBulkPath(List.of(1L), 1_000_000)).isTrue();
    }
}
