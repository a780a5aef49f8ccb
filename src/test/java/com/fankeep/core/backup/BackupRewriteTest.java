package com.fankeep.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.crypto.EncryptionService;
import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.FolderSwap;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.PlainText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRewriteTest {

    @TempDir
    Path temp;

    @Test
    void aChangeThatFailsHalfwayLeavesTheBackupAsItWasAndNothingBesideIt() throws Exception {
        try (Database db = Database.open(temp.resolve("shop"))) {
            BackupRestoreTest.addOrders(db, "1", "2");
            BackupInfo backup = new BackupService(db, Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC)).backupNow();
            byte[] before = Files.readAllBytes(backup.file());

            assertThatThrownBy(() -> BackupRewrite.apply(backup.file(), null, copy -> {
                copy.dsl().execute("delete from order_line");
                copy.dsl().execute("delete from shop_order");
                throw new IllegalStateException("interrupted");
            })).hasMessage("interrupted");
            assertThat(BackupRewrite.apply(backup.file(), null, copy -> false)).isFalse();

            assertThat(Arrays.equals(Files.readAllBytes(backup.file()), before)).isTrue();
            try (var files = Files.list(backup.file().getParent())) {
                assertThat(files.toList()).containsExactly(backup.file());
            }
        }
    }

    @Test
    void aRewrittenBackupKeepsItsNameDateAndReasonAndHoldsTheChange() throws Exception {
        try (Database db = Database.open(temp.resolve("shop"))) {
            BackupRestoreTest.addOrders(db, "1", "2");
            BackupInfo backup = new BackupService(db, Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC)).backupNow();

            assertThat(BackupRewrite.apply(backup.file(), null, copy -> copy.dsl().execute("delete from shop_order where external_order_id = '2'") == 1))
                    .isTrue();

            BackupInfo after = BackupArchive.readManifest(backup.file());
            assertThat(after.createdAt()).isEqualTo(backup.createdAt());
            assertThat(after.reason()).isEqualTo(backup.reason());
            assertThat(after.rows("shop_order")).isEqualTo(1);
            assertThat(RestoreService.verify(backup.file(), temp.resolve("check")).rows("shop_order")).isEqualTo(1);
        }
    }

    @Test
    void anEncryptedBackupIsRewrittenUnderItsOwnKeyAndStaysEncrypted() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            PlainText.addCustomer(db, PlainText.NAME, PlainText.PHONE);
            BackupRestoreTest.addOrders(db, "1", "2");
        }
        DatabaseKey key = EncryptionService.change(dir, null, "secret words".toCharArray(), Progress.NONE,
                Cancellation.none(), FolderSwap.Steps.NONE).key();
        try (Database db = Database.open(dir, key)) {
            BackupInfo backup = new BackupService(db, Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC)).backupNow();

            assertThatThrownBy(() -> BackupRewrite.apply(backup.file(), null, copy -> true))
                    .isInstanceOf(BackupException.class); // without the key it cannot be opened, and stays as it was
            assertThat(BackupRewrite.apply(backup.file(), key,
                    copy -> copy.dsl().execute("delete from shop_order where external_order_id = '2'") == 1)).isTrue();

            assertThat(PlainText.contains(backup.file(), PlainText.PHONE)).isFalse();
            assertThat(PlainText.contains(backup.file(), "张三丰")).isFalse();
            assertThat(BackupArchive.keyFile(backup.file())).isPresent();
            assertThat(BackupArchive.readManifest(backup.file()).rows("shop_order")).isEqualTo(1);
            assertThat(new BackupService(db).verify(backup.file()).rows("shop_order")).isEqualTo(1);
        }
    }
}
