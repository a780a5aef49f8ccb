package com.fankeep.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.BackupService;
import com.fankeep.core.backup.RestoreService;
import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.Database;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.SqlDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasedInBackupsTest {

    @TempDir
    Path temp;

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** A customer with a name, a phone and an order holding their receiver details; returns its id. */
    private static long customer(Database db, String name, String phone) {
        return db.transactionResult(dsl -> {
            long id = dsl.fetchOne("select id from final table (insert into customer (name, city) values (?, '杭州'))", name)
                    .get(0, Long.class);
            dsl.execute("insert into contact_channel (customer_id, kind, raw_value, normalized_value) values (?, 'phone', ?, ?)",
                    id, phone, "+86" + phone);
            dsl.execute("insert into shop_order (platform, external_order_id, customer_id, status, receiver_name, receiver_phone, "
                    + "receiver_address) values ('taobao', ?, ?, 'cancelled', ?, ?, ?)", "T-" + phone.substring(7), id, name, phone,
                    name + "家 文三路 1 号");
            com.fankeep.core.db.CustomerSortKeys.refresh(dsl, java.util.List.of(id)); // as the services do after a write
            return id;
        });
    }

    /** Everything a backup holds, as SQL text (restored into a folder of its own). */
    private String contents(Path backup) throws Exception {
        Path dir = Files.createTempDirectory(temp, "open");
        RestoreService.restore(dir, backup, at("2026-11-24T00:00:00Z"));
        try (Database db = Database.open(dir)) {
            assertThat(new IntegrityService(db).check().problems()).as("integrity of %s", backup.getFileName()).isEmpty();
            return SqlDump.of(db, dir);
        }
    }

    @Test
    void anErasedCustomerIsErasedFromTheBackupsThatHoldThemAndOtherBackupsStayAsTheyWere() throws Exception {
        Path dir = temp.resolve("shop");
        BackupInfo beforeCustomer;
        BackupInfo withCustomer;
        BackupInfo foreign;
        try (Database other = Database.open(temp.resolve("other-shop"))) {
            // another shop's backup in the folder: its customer #1 is someone else (created at another time)
            customer(other, "路人甲", "13911112222");
            foreign = new BackupService(other, at("2026-11-20T09:00:00Z")).backupTo(temp.resolve("foreign.zip"));
        }
        Thread.sleep(20); // a different creation time for this shop's customer #1
        try (Database db = Database.open(dir)) {
            long keptId = customer(db, "李四", "13800001111");
            beforeCustomer = new BackupService(db, at("2026-11-21T09:00:00Z")).backupNow();
            long erasedId = customer(db, "王小明", "13812345678");
            withCustomer = new BackupService(db, at("2026-11-22T09:00:00Z")).backupNow();
            Path foreignInFolder = Files.copy(foreign.file(), beforeCustomer.file().resolveSibling("fankeep-20261120-090000.zip"));
            byte[] untouched = Files.readAllBytes(beforeCustomer.file());
            byte[] foreignBytes = Files.readAllBytes(foreignInFolder);
            assertThat(contents(withCustomer.file())).contains("王小明", "13812345678");

            new ErasureService(db, CustomerChangeListener.NONE).erase(erasedId, ErasureReason.REQUEST);
            ErasedInBackups.Report report = new ErasedInBackups(new ErasureService(db, CustomerChangeListener.NONE),
                    new BackupService(db)).purge(Progress.NONE, Cancellation.none());

            assertThat(report.backups()).isEqualTo(3);
            assertThat(report.rewritten()).isEqualTo(1);
            assertThat(report.recordsErased()).isEqualTo(1);
            assertThat(report.failed()).isEmpty();
            String purged = contents(withCustomer.file());
            assertThat(purged).doesNotContain("王小明", "13812345678").contains("李四", "13800001111", "李四家 文三路", "T-5678");
            assertThat(purged).contains("customer #" + erasedId);
            // same name, same date and retention slot; nothing left beside it
            BackupInfo after = new BackupService(db).inspect(withCustomer.file());
            assertThat(after.createdAt()).isEqualTo(withCustomer.createdAt());
            assertThat(after.rowCounts()).isEqualTo(withCustomer.rowCounts().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                            e -> e.getKey().equals("contact_channel") ? e.getValue() - 1
                                    : e.getKey().equals("erasure_log") ? e.getValue() + 1 : e.getValue())));
            try (var files = Files.list(withCustomer.file().getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                        "fankeep-20261120-090000.zip", "fankeep-20261121-090000-manual.zip", "fankeep-20261122-090000-manual.zip");
            }
            assertThat(Arrays.equals(Files.readAllBytes(beforeCustomer.file()), untouched)).as("backup without the customer").isTrue();
            assertThat(Arrays.equals(Files.readAllBytes(foreignInFolder), foreignBytes)).as("another shop's backup").isTrue();
            assertThat(keptId).isNotEqualTo(erasedId);

            // a second run finds nothing left to do
            assertThat(new ErasedInBackups(new ErasureService(db, CustomerChangeListener.NONE), new BackupService(db))
                    .purge(Progress.NONE, Cancellation.none()).rewritten()).isZero();
        }
    }

    @Test
    void aBackupThatCannotBeChangedIsReportedAndLeftWhole() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            long id = customer(db, "王小明", "13812345678");
            BackupInfo backup = new BackupService(db, at("2026-11-22T09:00:00Z")).backupNow();
            new ErasureService(db, CustomerChangeListener.NONE).erase(id, ErasureReason.REQUEST);
            // damaged: the manifest still reads, the database inside does not match it
            Path damaged = backup.file().resolveSibling("fankeep-20261123-090000.zip");
            Files.copy(backup.file(), damaged);
            try (var fs = java.nio.file.FileSystems.newFileSystem(damaged)) {
                Files.write(fs.getPath("fankeep.mv.db"), new byte[] {1, 2, 3});
            }
            byte[] damagedBytes = Files.readAllBytes(damaged);

            ErasedInBackups.Report report = new ErasedInBackups(new ErasureService(db, CustomerChangeListener.NONE),
                    new BackupService(db)).purge(Progress.NONE, Cancellation.none());

            assertThat(report.rewritten()).isEqualTo(1);
            assertThat(report.failed()).singleElement().asString().startsWith("fankeep-20261123-090000.zip");
            assertThat(Arrays.equals(Files.readAllBytes(damaged), damagedBytes)).isTrue();
            try (var files = Files.list(damaged.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                        .containsExactly("fankeep-20261122-090000-manual.zip", "fankeep-20261123-090000.zip");
            }
        }
    }
}
