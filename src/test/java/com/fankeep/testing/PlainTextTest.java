package com.fankeep.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.BackupService;
import com.fankeep.core.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The negative control of every "this file holds no phone or name" check (encryption tests): on a plain database and a
 * plain backup the same search must find them, or those checks prove nothing.
 */
class PlainTextTest {

    @TempDir
    Path temp;

    @Test
    void aPlainBackupAndDatabaseHoldThePhoneAndNameForTheSearch() throws Exception {
        Path dir = temp.resolve("shop");
        BackupInfo backup;
        try (Database db = Database.open(dir)) {
            PlainText.addCustomer(db, PlainText.NAME, PlainText.PHONE);
            backup = new BackupService(db).backupNow();
        }
        assertThat(PlainText.contains(dir.resolve("fankeep.mv.db"), PlainText.PHONE)).isTrue();
        assertThat(PlainText.contains(dir.resolve("fankeep.mv.db"), "张三丰")).isTrue();
        assertThat(PlainText.contains(backup.file(), PlainText.PHONE)).as("unpacked plain backup holds the phone").isTrue();
        assertThat(PlainText.contains(backup.file(), "张三丰")).isTrue();
        assertThat(PlainText.contains(backup.file(), "Zhang Sanfeng")).isTrue();
        // why the raw-byte search was blind: the deflated entry hides both
        assertThat(PlainText.rawBytesContain(backup.file(), PlainText.PHONE)).isFalse();
    }
}
