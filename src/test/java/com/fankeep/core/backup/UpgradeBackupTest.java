package com.fankeep.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newer FanKeep over an older one's data (a package upgrade): a backup of the data as it was, then the migration. */
class UpgradeBackupTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void dataOfAnOlderSchemaIsBackedUpAsItWasBeforeItIsMigrated() throws Exception {
        olderSchemaWithOneCustomer("31");

        try (Database db = UpgradeBackup.open(dir, null, CLOCK)) {
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("customer"))).isEqualTo(1);
        }

        List<Path> zips = backups();
        assertThat(zips).hasSize(1);
        assertThat(zips.get(0)).isRegularFile().hasParent(dir.resolve("backups"));
        assertThat(zips.get(0).getFileName().toString()).endsWith("-before-upgrade.zip");
        BackupInfo backup = BackupArchive.readManifest(zips.get(0));
        assertThat(backup.schemaVersion()).isEqualTo("0031");
        assertThat(backup.rows("customer")).isEqualTo(1);
        // migrated now: a second start takes no backup
        UpgradeBackup.open(dir, null, CLOCK).close();
        assertThat(backups()).hasSize(1);
    }

    @Test
    void theCommandLinesSingleOpenBacksUpOlderDataBeforeItMigratesAndCurrentDataNot() throws Exception {
        olderSchemaWithOneCustomer("31");

        try (Database db = Database.open(dir, null, UpgradeBackup.before(dir, null, CLOCK))) {
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("customer"))).isEqualTo(1);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("shop_counter"))).isGreaterThanOrEqualTo(0); // migrated
        }
        try (var files = Files.list(dir.resolve("backups"))) {
            java.util.List<Path> zips = files.filter(f -> f.toString().endsWith("-before-upgrade.zip")).toList();
            assertThat(zips).hasSize(1);
            assertThat(BackupArchive.readManifest(zips.get(0)).schemaVersion()).isEqualTo("0031");
        }
        Database.open(dir, null, ds -> {
            throw new AssertionError("no backup for current data");
        }).close();
    }

    @Test
    void aNewFolderOrCurrentDataNeedsNoBackup() {
        UpgradeBackup.open(dir, null, CLOCK).close();
        UpgradeBackup.open(dir, null, CLOCK).close();
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    private List<Path> backups() throws java.io.IOException {
        try (var files = Files.list(dir.resolve("backups"))) {
            return files.filter(f -> f.toString().endsWith(".zip")).toList();
        }
    }

    private void olderSchemaWithOneCustomer(String version) throws Exception {
        com.fankeep.testing.OlderSchema.withOneCustomer(dir, version);
    }
}
