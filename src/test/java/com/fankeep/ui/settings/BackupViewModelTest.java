package com.fankeep.ui.settings;

import com.fankeep.ui.common.FakeDialogs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.backup.BackupService;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupViewModelTest {

    @TempDir
    Path temp;

    private final List<Throwable> unexpected = new ArrayList<>();
    private final UiTasks tasks = UiTasks.direct(unexpected::add);
    private final Messages en = Messages.of(Locale.ENGLISH);

    @Test
    void backUpNowThenRestoreAfterConfirmingClosesTheAppWithTheRestoreScheduled() throws Exception {
        Path dir = temp.resolve("shop");
        FakeDialogs dialogs = new FakeDialogs();
        AtomicInteger closed = new AtomicInteger();
        try (Database db = Database.open(dir)) {
            db.transaction(dsl -> dsl.execute("insert into customer (name) values ('a'), ('b')"));
            BackupService backups = new BackupService(db);
            BackupViewModel vm = new BackupViewModel(backups, tasks, dialogs, () -> en, closed::incrementAndGet);
            vm.refresh();
            assertThat(vm.statusProperty().get()).isEqualTo("No backup yet.");

            vm.backupNow();
            assertThat(vm.statusProperty().get()).startsWith("Backup written and checked:").contains("2 customers");
            assertThat(vm.busyProperty().get()).isFalse();
            Path backup = backups.list().getFirst().file();

            dialogs.filesToOpen = List.of(backup);
            vm.restore();
            assertThat(dialogs.confirmations).extracting(FakeDialogs.Confirmation::message).singleElement().asString().contains("2 customers").contains("kept as a backup");
            assertThat(closed).hasValue(1);
            assertThat(backups.restorePending()).isTrue();
        }
        assertThat(unexpected).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aForeignFileIsRefusedWithAClearMessageAndNothingIsScheduled() throws Exception {
        FakeDialogs dialogs = new FakeDialogs();
        AtomicInteger closed = new AtomicInteger();
        try (Database db = Database.open(temp.resolve("shop"))) {
            BackupService backups = new BackupService(db);
            BackupViewModel vm = new BackupViewModel(backups, tasks, dialogs, () -> en, closed::incrementAndGet);
            dialogs.filesToOpen = List.of(Files.writeString(temp.resolve("photo.zip"), "not a backup"));

            vm.restore();

            assertThat(dialogs.errors).singleElement().asString().contains("is not a FanKeep backup. Nothing was changed.");
            assertThat(dialogs.confirmations).isEmpty();
            assertThat(closed).hasValue(0);
            assertThat(backups.restorePending()).isFalse();
            assertThat(vm.busyProperty().get()).isFalse();
        }
        assertThat(unexpected).isEmpty();
    }
}
