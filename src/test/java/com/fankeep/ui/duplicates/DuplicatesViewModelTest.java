package com.fankeep.ui.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.merge.DuplicateSuggestion;
import com.fankeep.core.merge.MergePreview;
import com.fankeep.core.merge.MergeService;
import com.fankeep.core.shared.Messages;
import com.fankeep.testing.SampleShop;
import com.fankeep.testing.TestDatabases;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Duplicates page's ViewModel over the imported sample shop, every call on the test thread. */
class DuplicatesViewModelTest {

    private static final Messages EN = Messages.of(Locale.ENGLISH);

    @TempDir
    Path temp;
    private Database db;
    private final List<Throwable> unexpected = new ArrayList<>();
    private final UiTasks tasks = UiTasks.direct(unexpected::add);
    private final AtomicInteger changed = new AtomicInteger();
    private DuplicatesViewModel vm;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.fresh(temp);
        SampleShop.load(new ImportService(db), temp);
        vm = new DuplicatesViewModel(new MergeService(db, ids -> { }), tasks, () -> EN, changed::incrementAndGet);
        vm.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void mergeFromThePreviewThenUndoBringsThePairBack() throws Exception {
        int pairs = vm.suggestions().size();
        assertThat(pairs).isPositive();
        DuplicateSuggestion first = vm.suggestions().getFirst();
        String before = SampleShop.dump(db, Set.of("audit_log", "duplicate_key_mark"));

        AtomicReference<MergePreview> preview = new AtomicReference<>();
        vm.preview(List.of(first.a().id(), first.b().id()), preview::set);
        vm.merge(preview.get().request());

        assertThat(vm.suggestions()).hasSize(pairs - 1);
        assertThat(vm.noticeProperty().get()).startsWith("2 customers merged into #");
        assertThat(vm.lastMergeProperty().get()).isPositive();
        assertThat(changed).hasValue(1);

        vm.undoLastMerge();
        assertThat(vm.suggestions()).hasSize(pairs);
        assertThat(vm.lastMergeProperty().get()).isEqualTo(-1);
        assertThat(vm.noticeProperty().get()).contains("Merge undone");
        assertThat(SampleShop.diff(before, SampleShop.dump(db, Set.of("audit_log", "duplicate_key_mark")))).isEmpty();
    }

    @Test
    void notTheSamePersonTakesThePairOffAndAScanDoesNotBringItBack() {
        DuplicateSuggestion first = vm.suggestions().getFirst();
        vm.dismiss(first);
        assertThat(vm.suggestions()).doesNotContain(first);

        vm.scan();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).contains("possible duplicate pairs found");
        assertThat(vm.suggestions()).noneMatch(s -> s.a().id() == first.a().id() && s.b().id() == first.b().id());
    }
}
