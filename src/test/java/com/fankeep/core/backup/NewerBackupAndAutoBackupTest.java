package com.fankeep.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import com.fankeep.testing.PlainText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup from a newer FanKeep is refused and changes nothing; the daily backup's timer makes one when due. */
class NewerBackupAndAutoBackupTest {

    @TempDir
    Path temp;

    @Test
    void aBackupFromANewerFanKeepIsRefusedAndNothingChanges() throws Exception {
        Path newer = temp.resolve("newer-shop");
        BackupInfo future;
        try (Database db = Database.open(newer)) {
            PlainText.addCustomer(db, "王小明", "13912345678");
            // what a later FanKeep leaves: a migration this one does not know
            db.dsl().execute("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "values (9999, '9999', 'from the future', 'SQL', 'V9999__from_the_future.sql', 0, 'sa', 0, true)");
            future = new BackupService(db).backupTo(temp.resolve("from-newer.zip"));
        }
        Path shop = temp.resolve("shop");
        try (Database db = Database.open(shop)) {
            PlainText.addCustomer(db, "李四", "13800001111");
        }
        byte[] before = Files.readAllBytes(shop.resolve("fankeep.mv.db"));

        assertThatThrownBy(() -> RestoreService.restore(shop, future.file(), Clock.systemUTC()))
                .isInstanceOf(BackupException.class).satisfies(e -> assertThat(((BackupException) e).key()).isEqualTo("backup.error.newer"));

        assertThat(Arrays.equals(Files.readAllBytes(shop.resolve("fankeep.mv.db")), before)).as("the database is as it was").isTrue();
        try (Database db = Database.open(shop)) {
            assertThat(db.dsl().fetchValue("select name from customer")).isEqualTo("李四");
        }
    }

    @Test
    void theDailyTimerMakesABackupWhenOneIsDueAndNotAgainTheSameDay() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            PlainText.addCustomer(db, "王小明", "13912345678");
            BackupService backups = new BackupService(db, Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC));
            try (AutoBackup auto = AutoBackup.start(backups, Duration.ZERO, Duration.ofSeconds(1))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (RestoreService.newestBackup(dir).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(2500); // two more checks: not due again
            }
            BackupInfo b = RestoreService.newestBackup(dir).orElseThrow(() -> new AssertionError("no daily backup"));
            assertThat(b.reason()).isEqualTo("daily");
            try (var files = Files.list(dir.resolve("backups"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".zip")).count()).as("one daily backup a day").isEqualTo(1);
            }
        }
    }
}
