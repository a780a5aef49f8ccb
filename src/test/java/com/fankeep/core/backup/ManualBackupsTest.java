package com.fankeep.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups the owner made are kept apart from the automatic ones: rotation never deletes them; they go only by hand. */
class ManualBackupsTest {

    @TempDir
    Path temp;

    private static BackupService at(Database db, String instant) {
        return new BackupService(db, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void closingBackupsAndDaysOfRotationNeverDeleteABackupTheOwnerMade() {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            BackupRestoreTest.addOrders(db, "1");
            new BackupSettings(dir.resolve("backups"), new RetentionPolicy(2, 0, 0)).write(dir);

            BackupInfo mine = at(db, "2026-12-06T09:00:00Z").backupNow();
            at(db, "2026-12-06T09:10:00Z").backupOnExit(); // the closing backup ten minutes later
            at(db, "2026-12-06T18:00:00Z").backupOnExit();
            for (int day = 7; day <= 12; day++) {
                at(db, "2026-12-%02dT18:00:00Z".formatted(day)).backupOnExit();
            }

            List<BackupInfo> left = at(db, "2026-12-12T19:00:00Z").list();
            assertThat(left).filteredOn(b -> b.kind() == BackupKind.MANUAL).extracting(BackupInfo::file)
                    .containsExactly(mine.file());
            // the automatic ones: the newest of each of the last 2 days, the manual one taking no automatic one's place
            assertThat(left).filteredOn(b -> b.kind() == BackupKind.AUTOMATIC).extracting(b -> b.createdAt().toString())
                    .containsExactly("2026-12-12T18:00:00Z", "2026-12-11T18:00:00Z");
            assertThat(mine.file().getFileName().toString()).endsWith("-manual.zip");
        }
    }

    @Test
    void aManualBackupMadeBeforeManualOnesWereNamedApartIsKeptToo() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            BackupRestoreTest.addOrders(db, "1");
            new BackupSettings(dir.resolve("backups"), new RetentionPolicy(1, 0, 0)).write(dir);
            Path tagged = at(db, "2026-12-06T09:00:00Z").backupNow().file();
            // as an earlier FanKeep named it: no tag, "manual" only in its manifest
            Path legacy = Files.move(tagged, tagged.resolveSibling("fankeep-20261206-090000.zip"));
            at(db, "2026-12-06T09:10:00Z").backupOnExit();
            at(db, "2026-12-07T09:10:00Z").backupOnExit();

            assertThat(legacy).exists();
            assertThat(at(db, "2026-12-07T10:00:00Z").list()).extracting(BackupInfo::kind)
                    .containsExactly(BackupKind.AUTOMATIC, BackupKind.MANUAL);
        }
    }

    @Test
    void theOwnerDeletesABackupOfTheFolderButNothingElse() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            BackupService backups = at(db, "2026-12-06T09:00:00Z");
            Path mine = backups.backupNow().file();
            Path outside = backups.backupTo(temp.resolve("elsewhere.zip")).file();
            Path stranger = Files.writeString(mine.resolveSibling("notes.zip"), "mine");

            backups.delete(mine);

            assertThat(mine).doesNotExist();
            assertThat(backups.list()).isEmpty();
            assertThatThrownBy(() -> backups.delete(outside)).isInstanceOf(BackupException.class)
                    .extracting(e -> ((BackupException) e).key()).isEqualTo("backup.error.notInFolder");
            assertThatThrownBy(() -> backups.delete(stranger)).isInstanceOf(BackupException.class);
            assertThat(outside).exists();
            assertThat(stranger).exists();
        }
    }

    @Test
    void aNewBackupsFolderTakesTheExistingBackupsAlongAndTheyStayRestorable() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            BackupRestoreTest.addOrders(db, "1");
            at(db, "2026-12-05T18:00:00Z").backupOnExit();
            at(db, "2026-12-06T09:00:00Z").backupNow();
            BackupService backups = at(db, "2026-12-06T10:00:00Z");
            List<String> before = backups.list().stream().map(b -> b.file().getFileName().toString()).toList();
            Path usb = temp.resolve("usb").resolve("fankeep");

            assertThat(backups.changeFolder(usb)).isEqualTo(2);

            assertThat(backups.settings().folder()).isEqualTo(usb.toAbsolutePath());
            assertThat(BackupSettings.read(dir).folder()).isEqualTo(usb.toAbsolutePath());
            assertThat(backups.list()).extracting(b -> b.file().getFileName().toString()).isEqualTo(before);
            assertThat(backups.list()).allSatisfy(b -> assertThat(b.file().getParent()).isEqualTo(usb.toAbsolutePath()));
            try (var left = Files.list(dir.resolve("backups"))) {
                assertThat(left.toList()).isEmpty();
            }
            assertThat(backups.verify(backups.list().getLast().file()).rows("shop_order")).isEqualTo(1);
            assertThat(backups.backupNow().file().getParent()).isEqualTo(usb.toAbsolutePath());
        }
    }

    @Test
    void aFolderThatCannotTakeTheBackupsChangesNothing() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            BackupService backups = at(db, "2026-12-06T09:00:00Z");
            Path mine = backups.backupNow().file();
            Path notAFolder = Files.writeString(temp.resolve("a-file"), "x");

            assertThatThrownBy(() -> backups.changeFolder(notAFolder.resolve("backups")))
                    .isInstanceOf(BackupException.class);

            assertThat(backups.settings().folder()).isEqualTo(dir.resolve("backups"));
            assertThat(mine).exists();
            assertThat(backups.list()).hasSize(1);
        }
    }
}
