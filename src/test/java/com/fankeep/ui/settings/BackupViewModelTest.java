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
            java.util.concurrent.atomic.AtomicReference<Messages> language = new java.util.concurrent.atomic.AtomicReference<>(en);
            BackupViewModel vm = new BackupViewModel(backups, tasks, dialogs, language::get, closed::incrementAndGet);
            vm.refresh();
            assertThat(vm.statusProperty().get()).isEqualTo("No backup yet.");

            vm.backupNow();
            assertThat(vm.lastResultProperty().get()).startsWith("Backup written and checked:").contains("2 customers")
                    .contains("-manual.zip").contains("kept until you delete it");
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.backups()).singleElement().satisfies(b -> assertThat(vm.kind(b)).isEqualTo("Made by you"));
            assertThat(vm.selectedProperty().get()).isSameAs(vm.backups().getFirst());
            vm.refresh(); // coming back to Settings: the result is still there
            assertThat(vm.lastResultProperty().get()).startsWith("Backup written and checked:");
            language.set(Messages.of(Locale.SIMPLIFIED_CHINESE));
            vm.refresh(); // after a language switch the page is built again
            assertThat(vm.lastResultProperty().get()).startsWith("备份已写入并校验：").contains("2 位客户");
            language.set(en);

            vm.restore(vm.selectedProperty().get());
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

            vm.restoreOtherFile();

            assertThat(dialogs.errors).singleElement().asString().contains("is not a FanKeep backup. Nothing was changed.");
            assertThat(dialogs.confirmations).isEmpty();
            assertThat(closed).hasValue(0);
            assertThat(backups.restorePending()).isFalse();
            assertThat(vm.busyProperty().get()).isFalse();
        }
        assertThat(unexpected).isEmpty();
    }

    @Test
    void aBackupIsDeletedOnlyAfterAskingAndTheFolderMovesWithItsBackups() throws Exception {
        FakeDialogs dialogs = new FakeDialogs();
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            BackupService backups = new BackupService(db);
            BackupViewModel vm = new BackupViewModel(backups, tasks, dialogs, () -> en, () -> { });
            vm.backupNow();
            vm.backupNow();
            assertThat(vm.backups()).hasSize(2);

            dialogs.confirmAnswer = false;
            vm.delete(vm.backups().getFirst());
            assertThat(vm.backups()).hasSize(2);
            dialogs.confirmAnswer = true;
            Path gone = vm.backups().getFirst().file();
            vm.delete(vm.backups().getFirst());
            assertThat(gone).doesNotExist();
            assertThat(vm.backups()).hasSize(1);
            assertThat(vm.lastResultProperty().get()).isEqualTo("Deleted " + gone.getFileName() + ".");
            assertThat(dialogs.confirmations.getLast().message()).contains("Made by you").contains("deleted for good");

            Path usb = temp.resolve("usb");
            dialogs.folderToChoose = usb;
            vm.chooseFolder();
            assertThat(vm.folderProperty().get()).isEqualTo(usb.toAbsolutePath());
            assertThat(vm.backups()).singleElement().satisfies(b -> assertThat(b.file().getParent()).isEqualTo(usb.toAbsolutePath()));
            assertThat(vm.lastResultProperty().get()).contains(usb.toString()).contains("1 backups were moved");
        }
        assertThat(unexpected).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }
}
