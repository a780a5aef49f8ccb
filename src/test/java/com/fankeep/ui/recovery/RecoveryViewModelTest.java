package com.fankeep.ui.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.export.CustomerExportService;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.recovery.RecoveryService;
import com.fankeep.core.recovery.RecoveryState;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Messages;
import com.fankeep.testing.SampleShop;
import com.fankeep.testing.TestDatabases;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.FileType;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Recovery page's ViewModel over the imported sample shop (orders from 2022–2024: everyone is lapsed today). */
class RecoveryViewModelTest {

    private static final Messages EN = Messages.of(Locale.ENGLISH);

    @TempDir
    Path temp;
    private Database db;
    private final List<Throwable> unexpected = new ArrayList<>();
    private final UiTasks tasks = UiTasks.direct(unexpected::add);
    private Path saveTo;
    private RecoveryViewModel vm;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.fresh(temp);
        SampleShop.load(new ImportService(db), temp);
        SettingsService settings = new SettingsService(db);
        Dialogs dialogs = new Dialogs() {
            @Override
            public CompletionStage<Void> showError(String title, String message, String details) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Boolean> confirm(String title, String message, String actionText, String keepText) {
                return CompletableFuture.completedFuture(true);
            }

            @Override
            public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
                return List.of();
            }

            @Override
            public Path chooseFileToSave(String title, String suggestedName, FileType type) {
                return saveTo;
            }
        };
        vm = new RecoveryViewModel(new RecoveryService(db, settings, ids -> { }, Clock.systemDefaultZone()),
                new CustomerExportService(db, settings, Clock.systemDefaultZone()), tasks, dialogs, () -> EN, settings);
        vm.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void movingAlongThePipelineUpdatesTheCounts() {
        int lapsed = vm.boardProperty().get().counts().get(RecoveryState.NONE);
        assertThat(lapsed).isPositive();
        List<Long> top = vm.boardProperty().get().columns().get(RecoveryState.NONE).stream().limit(3).map(c -> c.id()).toList();

        vm.move(top, RecoveryState.TO_CONTACT);
        assertThat(vm.boardProperty().get().counts()).containsEntry(RecoveryState.NONE, lapsed - 3).containsEntry(RecoveryState.TO_CONTACT, 3);
        assertThat(vm.noticeProperty().get()).isEqualTo("3 moved to To contact.");

        vm.move(List.of(top.getFirst()), RecoveryState.ADDED);
        assertThat(vm.boardProperty().get().columns().get(RecoveryState.ADDED)).extracting(c -> c.id()).containsExactly(top.getFirst());
    }

    @Test
    void aSelectionGoesToThePhoneAsVcardsInBatches() throws Exception {
        List<Long> ids = vm.boardProperty().get().columns().get(RecoveryState.NONE).stream().filter(c -> c.hasPhone())
                .limit(5).map(c -> c.id()).toList();
        saveTo = temp.resolve("phone/old.vcf");
        vm.batchSizeProperty().set(2);

        vm.exportVcards(ids);

        assertThat(Files.list(saveTo.getParent()).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("old-01.vcf", "old-02.vcf", "old-03.vcf");
        assertThat(vm.noticeProperty().get()).startsWith("5 contacts written to 3 file(s)");
    }

    @Test
    void theSettingsSectionSavesTheLapseDaysAndTheShopName() {
        vm.loadSettings();
        assertThat(vm.lapseDaysProperty().get()).isEqualTo(180);
        assertThat(vm.shopNameProperty().get()).isEmpty();

        vm.setLapseDays(30);
        vm.saveShopName("  小鱼手作 ");

        SettingsService stored = new SettingsService(db);
        assertThat(stored.recoveryLapseDays()).isEqualTo(30);
        assertThat(stored.shopName()).isEqualTo("小鱼手作");
        assertThat(vm.boardProperty().get().lapseDays()).isEqualTo(30);
    }
}
