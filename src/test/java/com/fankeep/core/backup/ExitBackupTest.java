package com.fankeep.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing backs up only what is not backed up yet (ADR 0035): with nothing changed since the newest backup of the
 * folder — in this session, or in an earlier one with the file untouched since — no new copy; any change, by FanKeep
 * or anyone else, a missing backup, or a write during the backup, and the closing backup is made as before.
 */
class ExitBackupTest {

    @TempDir
    Path dir;

    private static BackupService at(Database db, String instant) {
        return new BackupService(db, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void nothingChangedSinceTheLastBackupMeansNoNewOne() {
        try (Database db = Database.open(dir)) {
            BackupRestoreTest.addOrders(db, "1");
            Optional<BackupInfo> first = at(db, "2026-12-06T09:00:00Z").backupOnExitIfChanged();
            assertThat(first).isPresent();

            assertThat(at(db, "2026-12-06T09:10:00Z").backupOnExitIfChanged()).isEmpty();

            BackupRestoreTest.addOrders(db, "2");
            Optional<BackupInfo> second = at(db, "2026-12-06T09:20:00Z").backupOnExitIfChanged();
            assertThat(second).isPresent();
            assertThat(second.get().rows("shop_order")).isEqualTo(2);
        }
    }

    @Test
    void anUntouchedFileNeedsNoNewBackupAtTheNextCloseButAChangeByAnyoneDoes() throws Exception {
        try (Database db = Database.open(dir)) {
            BackupRestoreTest.addOrders(db, "1");
            assertThat(at(db, "2026-12-06T09:00:00Z").backupOnExitIfChanged()).isPresent();
        }
        try (Database db = Database.open(dir)) { // only looked at
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("shop_order"))).isEqualTo(1);
            assertThat(at(db, "2026-12-06T10:00:00Z").backupOnExitIfChanged()).isEmpty();
        }
        // another program (an older FanKeep, a tool) writes to the file while FanKeep is closed
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(Database.FILE_NAME) + Database.URL_OPTIONS,
                "sa", ""); var s = c.createStatement()) {
            s.execute("update shop_order set paid_amount = 11.00");
        }
        try (Database db = Database.open(dir)) {
            Optional<BackupInfo> b = at(db, "2026-12-06T11:00:00Z").backupOnExitIfChanged();
            assertThat(b).isPresent();
        }
        try (Database db = Database.open(dir)) { // and that one holds it now
            assertThat(at(db, "2026-12-06T12:00:00Z").backupOnExitIfChanged()).isEmpty();
        }
    }

    @Test
    void aChangeInAnEarlierSessionIsBackedUpAtTheNextClose() {
        try (Database db = Database.open(dir)) {
            BackupRestoreTest.addOrders(db, "1");
            assertThat(at(db, "2026-12-06T09:00:00Z").backupOnExitIfChanged()).isPresent();
        }
        try (Database db = Database.open(dir)) { // e.g. a CLI import: no exit backup of its own
            BackupRestoreTest.addOrders(db, "2");
        }
        try (Database db = Database.open(dir)) {
            Optional<BackupInfo> b = at(db, "2026-12-06T10:00:00Z").backupOnExitIfChanged();
            assertThat(b).isPresent();
            assertThat(b.get().rows("shop_order")).isEqualTo(2);
        }
    }

    @Test
    void aBackupThatIsGoneIsNotReliedOn() throws Exception {
        try (Database db = Database.open(dir)) {
            BackupRestoreTest.addOrders(db, "1");
            Path made = at(db, "2026-12-06T09:00:00Z").backupOnExitIfChanged().orElseThrow().file();
            Files.delete(made);
            assertThat(at(db, "2026-12-06T09:10:00Z").backupOnExitIfChanged()).isPresent();
        }
    }
}
