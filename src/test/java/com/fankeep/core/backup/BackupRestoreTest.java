package com.fankeep.core.backup;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {

    @TempDir
    Path temp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:30Z"), ZoneOffset.UTC);

    static void addOrders(Database db, String... ids) {
        db.transaction(dsl -> {
            long customer = dsl.insertInto(CUSTOMER, CUSTOMER.NAME).values("张三").returning(CUSTOMER.ID).fetchOne().getId();
            for (String id : ids) {
                dsl.insertInto(SHOP_ORDER, SHOP_ORDER.PLATFORM, SHOP_ORDER.EXTERNAL_ORDER_ID, SHOP_ORDER.STATUS,
                        SHOP_ORDER.CUSTOMER_ID, SHOP_ORDER.PAID_AMOUNT)
                        .values("taobao", id, "paid", customer, new BigDecimal("10.00")).execute();
            }
        });
    }

    @Test
    void aBackupIsVerifiedListedAndRestoresExactlyWhatItHeld() throws Exception {
        Path dir = temp.resolve("shop");
        BackupInfo backup;
        try (Database db = Database.open(dir)) {
            addOrders(db, "1", "2");
            backup = new BackupService(db, clock).backupNow();
            assertThat(backup.rows("shop_order")).isEqualTo(2);
            assertThat(backup.rows("customer")).isEqualTo(1);
            assertThat(backup.file()).exists().hasParent(dir.resolve("backups"));
            assertThat(backup.file().getFileName().toString()).isEqualTo("fankeep-20261123-101530-manual.zip");
            try (var files = Files.list(dir.resolve("backups"))) {
                assertThat(files.toList()).containsExactly(backup.file()); // no .part or .verify left behind
            }
            assertThat(new BackupService(db, clock).list()).extracting(BackupInfo::file).containsExactly(backup.file());
            addOrders(db, "3", "4", "5");
        }
        Path savedIndex = Files.writeString(dir.resolve(com.fankeep.core.customer.CustomerSearchService.SNAPSHOT_FILE), "x");

        RestoreResult result = RestoreService.restore(dir, backup.file(), Clock.offset(clock, java.time.Duration.ofMinutes(5)));

        assertThat(savedIndex).as("the saved search index of the replaced database").doesNotExist();
        assertThat(result.restored().rows("shop_order")).isEqualTo(2);
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(2);
        }
        // the database it replaced (5 orders) was kept as a backup
        assertThat(result.previousKeptAt().getFileName().toString()).endsWith("-before-restore.zip");
        assertThat(BackupArchive.readManifest(result.previousKeptAt()).rows("shop_order")).isEqualTo(5);
    }

    @Test
    void aForeignFileIsRefusedAndNothingChanges() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            addOrders(db, "1");
        }
        Path text = Files.writeString(temp.resolve("notes.zip"), "not a zip at all");
        Path otherZip = temp.resolve("photos.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + otherZip.toUri()), Map.of("create", "true"))) {
            Files.writeString(fs.getPath("cat.txt"), "meow");
        }
        byte[] before = Files.readAllBytes(dir.resolve("fankeep.mv.db"));

        for (Path foreign : List.of(text, otherZip)) {
            assertThatThrownBy(() -> RestoreService.restore(dir, foreign, clock))
                    .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.key()).isEqualTo("backup.error.foreign"));
        }
        assertThat(Files.readAllBytes(dir.resolve("fankeep.mv.db"))).isEqualTo(before);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aDamagedBackupIsRefusedAndNothingChanges() throws Exception {
        Path dir = temp.resolve("shop");
        Path backup;
        try (Database db = Database.open(dir)) {
            addOrders(db, "1", "2");
            backup = new BackupService(db, clock).backupTo(temp.resolve("mine.zip")).file();
            addOrders(db, "3");
        }
        Path damaged = temp.resolve("damaged.zip");
        Files.copy(backup, damaged);
        // Replace the database inside by one whose middle is overwritten with junk.
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + damaged.toUri()), Map.of())) {
            Path inner = fs.getPath("fankeep.mv.db");
            byte[] bytes = Files.readAllBytes(inner);
            for (int i = bytes.length / 4; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 31);
            }
            Files.write(inner, bytes);
        }

        assertThatThrownBy(() -> RestoreService.restore(dir, damaged, clock))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.key()).isEqualTo("backup.error.damaged"));
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(3);
        }
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void restoringIntoAFolderThatIsOpenIsRefused() {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            addOrders(db, "1");
            Path backup = new BackupService(db, clock).backupTo(temp.resolve("b.zip")).file();
            assertThatThrownBy(() -> RestoreService.restore(dir, backup, clock))
                    .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.key()).isEqualTo("backup.error.inUse"));
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(1);
        }
    }

    @Test
    void aDamagedCurrentDatabaseIsKeptAsItIsAndReplaced() throws Exception {
        Path dir = temp.resolve("shop");
        Path backup;
        try (Database db = Database.open(dir)) {
            addOrders(db, "1", "2");
            backup = new BackupService(db, clock).backupNow().file();
        }
        Path file = dir.resolve("fankeep.mv.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(0);
            raf.write(new byte[8192]);
        }

        RestoreResult result = RestoreService.restore(dir, backup, clock);

        assertThat(result.previousKeptAt().getFileName().toString()).startsWith("damaged-");
        assertThat(Files.size(result.previousKeptAt())).isEqualTo(8192);
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(2);
        }
    }

    @Test
    void automaticBackupsRunOncePerDayAndOldOnesAreRotated() {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            addOrders(db, "1");
            new BackupSettings(dir.resolve("backups"), new RetentionPolicy(2, 0, 0)).write(dir);
            Instant start = Instant.parse("2026-11-01T09:00:00Z");
            for (int hour = 0; hour < 24 * 5; hour += 6) {
                Clock at = Clock.fixed(start.plusSeconds(hour * 3600L), ZoneOffset.UTC);
                new BackupService(db, at).backupIfDue();
            }
            List<BackupInfo> left = new BackupService(db, clock).list();
            assertThat(left).extracting(b -> b.createdAt().toString())
                    .containsExactly("2026-11-05T09:00:00Z", "2026-11-04T09:00:00Z");
            assertThat(left).allSatisfy(b -> assertThat(b.reason()).isEqualTo("daily"));
        }
    }

    @Test
    void aRestoreScheduledByTheRunningAppHappensAtTheNextStart() {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            addOrders(db, "1");
            Path backup = new BackupService(db, clock).backupTo(temp.resolve("b.zip")).file();
            addOrders(db, "2");
            BackupInfo info = new BackupService(db, clock).verify(backup);
            new BackupService(db, clock).scheduleRestore(backup);
            assertThat(new BackupService(db, clock).restorePending()).isTrue();
            assertThat(info.rows("shop_order")).isEqualTo(1);
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(2);
        }
        assertThat(RestoreService.applyPending(dir, clock)).isPresent();
        assertThat(RestoreService.applyPending(dir, clock)).isEmpty();
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(1);
        }
    }
}
