package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.BackupService;
import com.fankeep.core.backup.RestoreService;
import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseOpenException;
import com.fankeep.core.shared.Messages;
import com.fankeep.testing.PlainText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The backup promises as the app keeps them: a backup when it closes, and the offer of the newest backup when the
 * start-up check finds damage or the file will not open (never a restore without asking).
 */
class SafetyAppTest extends AppTestBase {

    private static final Messages EN = Messages.of(Locale.ENGLISH);

    @Test
    void closingTheAppLeavesAVerifiedBackup(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir)) {
            PlainText.addCustomer(db, "王小明", "13912345678");
        }
        startApp(dir);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#nav-today").tryQuery().isPresent());
        assertThat(RestoreService.newestBackup(dir)).as("no backup before closing").isEmpty();

        closeApp();

        BackupInfo b = RestoreService.newestBackup(dir).orElseThrow(() -> new AssertionError("no backup after closing"));
        assertThat(b.reason()).isEqualTo("exit");
        assertThat(RestoreService.verify(b.file(), dir.resolve("check")).rows("customer")).isEqualTo(1);
    }

    @Test
    void aFileThatWillNotOpenGetsTheNewestBackupOffered(@TempDir Path dir) throws Exception {
        backups(dir);
        startApp(dir, d -> {
            throw new DatabaseOpenException(d, "Cannot open the database in " + d + ": File corrupted while reading record",
                    new IllegalStateException("File corrupted while reading record"));
        });

        DialogPane offer = waitForDialog();
        assertThat(offer.getHeaderText()).isEqualTo(EN.get("safety.start.title"));
        assertThat(offer.getContentText()).as("the newer of the two backups: 2 customers")
                .startsWith("FanKeep cannot open your data. Your newest backup is from").contains(", 2 customers, 0 orders");
        robot.clickOn(EN.get("safety.start.notNow"));

        waitForDialog("FanKeep cannot start");
        robot.clickOn("Close");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exitCode.get() == 1);
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("customer"))).as("nothing restored without asking").isEqualTo(3);
        }
    }

    @Test
    void aFailedStartUpCheckGetsTheNewestBackupOffered(@TempDir Path dir) throws Exception {
        backups(dir);
        try (Database db = Database.open(dir)) {
            // damage the quick check finds: a contact channel of a customer that is not there
            db.dsl().execute("set referential_integrity false");
            db.dsl().execute("insert into contact_channel (customer_id, kind, raw_value) values (999999, 'phone', '13700001111')");
            db.dsl().execute("set referential_integrity true");
        }
        startApp(dir);

        DialogPane offer = waitForDialog();
        assertThat(offer.getHeaderText()).isEqualTo(EN.get("safety.check.title"));
        assertThat(offer.getContentText()).startsWith("The start-up check found problems in the database:")
                .contains("Your newest backup is from").contains(", 2 customers, 0 orders");
        robot.clickOn(EN.get("safety.restore.keep"));
        assertThat(RestoreService.newestBackup(dir).orElseThrow().rows("customer")).isEqualTo(2);
    }

    /** Two backups in the folder, the newer with 2 customers; then a third customer in the database. */
    private static void backups(Path dir) {
        try (Database db = Database.open(dir)) {
            PlainText.addCustomer(db, "王小明", "13912345678");
            new BackupService(db, Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC)).backupNow();
            PlainText.addCustomer(db, "李四", "13800001111");
            new BackupService(db, Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC)).backupNow();
            PlainText.addCustomer(db, "张三", "13600001111");
        }
    }
}
