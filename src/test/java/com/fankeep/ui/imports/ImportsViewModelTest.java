package com.fankeep.ui.imports;

import com.fankeep.ui.common.FakeDialogs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportBatch;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.SampleData;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.Progress;
import com.fankeep.ui.common.JobHandle;
import com.fankeep.ui.common.JobState;
import com.fankeep.ui.common.UiTasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Imports page's ViewModel and the import flow over a real database; everything runs on the test thread. */
class ImportsViewModelTest {

    private static final Messages EN = Messages.of(Locale.ENGLISH);
    private static final Messages ZH = Messages.of(Locale.SIMPLIFIED_CHINESE);

    @TempDir
    Path temp;
    private Database db;
    private ImportService service;
    private final List<Throwable> unexpected = new ArrayList<>();
    private final UiTasks tasks = UiTasks.direct(unexpected::add);
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicInteger dataChanged = new AtomicInteger();
    private ImportsViewModel vm;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("data"));
        service = new ImportService(db);
        vm = new ImportsViewModel(service, tasks, dialogs, () -> EN, dataChanged::incrementAndGet);
        vm.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
    }

    // ---- the preview in plain words (pure texts) ----

    @Test
    void thePreviewSaysPerFileWhatWillHappenAndNamesTheButtonForTheAction() {
        ImportSummary s = new ImportSummary(List.of(
                new FileSummary("ExportOrderList.csv", "taobao_orders", "CSV GB18030", 33, 31, 0, 0, 31, 0, 25, 0, 0, 3, null, 1L, 1, 0, 0),
                new FileSummary("ExportOrderDetailList.csv", "taobao_details", "CSV GB18030", 38, 0, 1, 0, 38, 0, 0, 2, 0, 0, null, 2L, 0, 4, 0),
                new FileSummary("holiday.jpg", null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "binary_file: holiday.jpg is not a text or Excel file", null, 0, 0, 0)),
                31, 1, 0, 25, 2, 3, List.of(
                        new ImportProblem("ExportOrderList.csv", 2, "订单编号", "", "missing_order_no", "no order number", false),
                        new ImportProblem("ExportOrderList.csv", 3, "订单状态", "奇怪的状态", "unknown_status", "unknown order status", true),
                        new ImportProblem("ExportOrderList.csv", 4, null, "1710468000", "buyer_unidentifiable", "stored without a customer", true)));

        ImportPreview p = ImportPreview.of(s, new ImportTexts(EN));

        assertThat(p.heading()).isEqualTo("2 files ready to import");
        assertThat(p.totals()).isEqualTo("31 new orders, 1 order updated, 25 new customers, "
                + "2 customers already in FanKeep get new orders or contact details, 2 rows with problems, 1 note (nothing lost)");
        assertThat(p.files()).containsExactly(
                new ImportPreview.Line("ExportOrderList.csv", "Taobao / Tmall orders", "31 new orders, 25 new customers, 2 rows with problems, 1 note (nothing lost)"),
                new ImportPreview.Line("ExportOrderDetailList.csv", "Taobao / Tmall order items",
                        "1 order updated, 38 order items, 4 people also in the other files (counted once), "
                                + "2 customers already in FanKeep get new orders or contact details"));
        assertThat(p.refused()).containsExactly(new ImportPreview.Line("holiday.jpg", "", "It is not a CSV or Excel file."));
        assertThat(p.problems()).containsExactly(
                new ProblemRow("ExportOrderList.csv", 2, "订单编号", "", "No order number; the row was left out.", true),
                new ProblemRow("ExportOrderList.csv", 3, "订单状态", "奇怪的状态", "Unknown order status; the order was still imported.", false));
        assertThat(p.notes()).extracting(ProblemRow::what)
                .containsExactly("No buyer to recognise (the receiver is encrypted or masked); the order was stored without a customer.");
        assertThat(p.moreProblems()).isNull();
        assertThat(p.moreNotes()).isNull();
        assertThat(p.importText()).isEqualTo("Import 31 orders");
        assertThat(p.closeText()).isEqualTo("Don't import");
        assertThat(p.note()).isEqualTo("Nothing is saved until you click \u201cImport 31 orders\u201d.");

        ImportPreview zh = ImportPreview.of(s, new ImportTexts(ZH));
        assertThat(zh.importText()).isEqualTo("导入 31 笔订单");
        assertThat(zh.closeText()).isEqualTo("不导入");
        assertThat(zh.files().getFirst().detail()).isEqualTo("31 笔新订单，25 位新客户，2 行有问题，1 条提示（没有丢失数据）");
    }

    @Test
    void oneOfSomethingIsSingularAndProblemsBeyondTheFirstOnesAreCounted() {
        List<ImportProblem> first = List.of(new ImportProblem("a.csv", 7, "实付", "abc", "bad_amount", "not an amount: abc", true));
        ImportSummary s = new ImportSummary(List.of(
                new FileSummary("a.csv", "taobao_orders", "CSV", 1, 1, 0, 0, 1, 0, 1, 0, 0, 2, null, 1L, 0, 0, 0)), 1, 0, 0, 1, 0, 2, first);

        ImportPreview p = ImportPreview.of(s, new ImportTexts(EN));

        assertThat(p.heading()).isEqualTo("1 file ready to import");
        assertThat(p.totals()).isEqualTo("1 new order, 1 new customer, 2 rows with problems");
        assertThat(p.importText()).isEqualTo("Import 1 order");
        assertThat(p.moreProblems()).startsWith("\u2026 and 1 more.");
    }

    @Test
    void aProblemOrRefusalTheBundlesDoNotKnowYetShowsTheEnginesOwnWords() {
        ImportTexts t = new ImportTexts(EN);
        assertThat(t.problem(new ImportProblem("f", 1, "c", "v", "brand_new_code", "something new went wrong", true)))
                .isEqualTo("something new went wrong");
        assertThat(t.refusal("brand_new_code: cannot read it")).isEqualTo("brand_new_code: cannot read it");
        assertThat(t.formatName("jd_orders")).isEqualTo("JD");
        assertThat(t.formatName("taobao_details")).isEqualTo("Taobao / Tmall order items");
        assertThat(t.formatName("martian_orders")).isEqualTo("martian_orders");
        assertThat(t.platformName("taobao_details")).isEqualTo("Taobao / Tmall");
        assertThat(new ImportTexts(ZH).platformName("jd_orders")).isEqualTo("京东");
        assertThat(t.progress("orders.csv: 12000")).isEqualTo("orders.csv: 12,000 rows read");
        assertThat(t.progress("recomputing 25 customers")).isEqualTo("Updating the customers\u2019 totals\u2026");
    }

    // ---- the flow over the real engine ----

    @Test
    void loadingTheSampleShopShowsAPreviewAndStoresNothingUntilTheOwnerImports() throws Exception {
        ImportSummary expected = dryRunOfTheSamples();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.batches()).isEmpty();

        assertThat(vm.loadSampleData()).isTrue();

        ImportPreview p = vm.flow().previewProperty().get();
        assertThat(p).isNotNull();
        assertThat(p.importText()).isEqualTo("Import " + expected.newOrders() + " orders");
        assertThat(p.totals()).startsWith(expected.newOrders() + " new orders")
                .contains(expected.newCustomers() + " new customers");
        assertThat(p.files()).extracting(ImportPreview.Line::file).contains("ExportOrderList202403151030.csv");
        // in the owner's words, on an empty database: nothing "updated", nobody "matched", notes apart from problems
        assertThat(expected.updatedOrders()).as("nothing was in FanKeep to update").isZero();
        assertThat(p.totals()).doesNotContain("updated").doesNotContain("already in FanKeep").doesNotContain(" 0 ");
        assertThat(expected.notes()).isPositive();
        assertThat(p.totals()).contains(expected.notes() + " notes (nothing lost)");
        assertThat(p.notes()).anySatisfy(n -> assertThat(n.what()).contains("without a customer"));
        assertThat(p.problems()).noneSatisfy(r -> assertThat(r.what()).contains("without a customer"));
        assertThat(p.files()).anySatisfy(f -> assertThat(f.detail()).contains("also in the other files (counted once)"));
        assertThat(vm.flow().busyProperty().get()).as("waiting for the owner").isTrue();
        assertThat(service.batches()).as("nothing visible before the owner decides").isEmpty();
        assertThat(new StatsService(db).stats().customers()).isZero();
        assertThat(vm.loadSampleData()).as("one import at a time").isFalse();

        vm.flow().accept();

        assertThat(vm.flow().previewProperty().get()).isNull();
        assertThat(vm.flow().busyProperty().get()).isFalse();
        assertThat(new StatsService(db).stats().customers()).isEqualTo(expected.newCustomers());
        assertThat(vm.batches()).extracting(ImportBatch::fileName)
                .containsExactlyInAnyOrderElementsOf(changedFiles(expected));
        assertThat(vm.noticeProperty().get()).startsWith("Imported: " + expected.newOrders() + " new orders");
        assertThat(dataChanged.get()).as("the status bar is told").isEqualTo(1);
        assertThat(unexpected).isEmpty();
    }

    @Test
    void importingTheSameFilesAgainSaysNothingNewWithOnlyAClose() {
        vm.loadSampleData();
        vm.flow().accept();
        List<ImportBatch> before = List.copyOf(vm.batches());

        vm.loadSampleData();

        ImportPreview p = vm.flow().previewProperty().get();
        assertThat(p.heading()).isEqualTo("Nothing new: everything in these files is already in FanKeep");
        assertThat(p.canImport()).isFalse();
        assertThat(p.importText()).isNull();
        assertThat(p.closeText()).isEqualTo("Close");

        vm.flow().decline();

        assertThat(vm.flow().busyProperty().get()).isFalse();
        assertThat(service.batches()).isEqualTo(before);
        assertThat(vm.noticeProperty().get()).startsWith("Nothing new");
    }

    @Test
    void dontImportRollsEverythingBack() {
        vm.loadSampleData();

        vm.flow().decline();

        assertThat(service.batches()).isEmpty();
        assertThat(new StatsService(db).stats().orders()).isZero();
        assertThat(vm.noticeProperty().get()).isEqualTo("Not imported; nothing was changed.");
        assertThat(dataChanged.get()).isZero();
    }

    @Test
    void theNoticeFollowsALanguageSwitch() {
        java.util.concurrent.atomic.AtomicReference<Messages> language = new java.util.concurrent.atomic.AtomicReference<>(EN);
        ImportsViewModel switching = new ImportsViewModel(service, tasks, dialogs, language::get, () -> { });
        switching.loadSampleData();
        switching.flow().decline();
        assertThat(switching.noticeProperty().get()).isEqualTo("Not imported; nothing was changed.");

        language.set(ZH);
        switching.relocalize(); // what the rebuilt page does

        assertThat(switching.noticeProperty().get()).isEqualTo("没有导入，什么都没有改动。");
    }

    @Test
    void rowsWithProblemsAreShownBeforeImportingAndCanBeListedAndExportedAfterwards() throws Exception {
        Path file = TaobaoFiles.withTwoProblems(temp, 5);

        vm.importFiles(List.of(file));

        ImportPreview p = vm.flow().previewProperty().get();
        assertThat(p.files()).singleElement().satisfies(l -> assertThat(l.detail()).endsWith("2 rows with problems"));
        assertThat(p.problems()).extracting(ProblemRow::row, ProblemRow::what).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "No order number; the row was left out."),
                org.assertj.core.groups.Tuple.tuple(3L, "Unknown order status; the order was still imported."));
        assertThat(p.importText()).isEqualTo("Import 4 orders");
        vm.flow().accept();

        ImportBatch batch = vm.batches().getFirst();
        assertThat(batch.problems()).isEqualTo(2);
        AtomicReference<List<ProblemRow>> shown = new AtomicReference<>();
        vm.problems(batch, shown::set);
        assertThat(shown.get()).extracting(ProblemRow::file, ProblemRow::column, ProblemRow::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ExportOrderList-problems.csv", "订单编号", ""),
                org.assertj.core.groups.Tuple.tuple("ExportOrderList-problems.csv", "订单状态", "奇怪的状态"));

        dialogs.fileToSave = temp.resolve("report.csv");
        AtomicReference<String> saved = new AtomicReference<>();
        vm.exportProblems(batch, saved::set);

        assertThat(dialogs.saveSuggestion).isEqualTo("ExportOrderList-problems problems.csv");
        assertThat(saved.get()).isEqualTo("2 problems saved to " + temp.resolve("report.csv"));
        String csv = Files.readString(temp.resolve("report.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("missing_order_no", "unknown_status", "奇怪的状态");
    }

    @Test
    void cancellingWhileTheEngineReadsStoresNothing() throws Exception {
        Path big = TaobaoFiles.withManyOrders(temp, 2_500);
        AtomicReference<JobHandle> job = cancelAtFirstProgress();

        assertThat(vm.importFiles(List.of(big))).isTrue();

        assertCancelledAndNothingStored(job.get());
        assertThat(job.get().title()).isEqualTo("Reading ExportOrderList-big.csv");
    }

    @Test
    void cancellingRightAsReadingEndsStillStoresNothing() {
        // the sample files are small: the only progress report comes after the engine's last cancel check
        AtomicReference<JobHandle> job = cancelAtFirstProgress();

        vm.loadSampleData();

        assertCancelledAndNothingStored(job.get());
    }

    @Test
    void closingTheAppWhileThePreviewIsOpenRollsTheImportBack() {
        vm.loadSampleData();
        assertThat(vm.flow().previewProperty().get()).isNotNull();

        tasks.close();

        assertThat(service.batches()).isEmpty();
        assertThat(new StatsService(db).stats().customers()).isZero();
    }

    @Test
    void undoAsksNamingWhatDisappearsThenTakesTheFileBackOut() throws Exception {
        ImportSummary expected = dryRunOfTheSamples();
        vm.loadSampleData();
        vm.flow().accept();
        ImportBatch orders = batchNamed("ExportOrderList202403151030.csv");
        long customersBefore = new StatsService(db).stats().customers();

        dialogs.confirmAnswer = false;
        vm.undo(orders, () -> { });
        assertThat(batchNamed("ExportOrderList202403151030.csv").status()).isEqualTo("committed");

        dialogs.confirmAnswer = true;
        AtomicInteger afterRefresh = new AtomicInteger();
        vm.undo(orders, afterRefresh::incrementAndGet);

        assertThat(dialogs.confirmations).hasSize(2).last().isEqualTo(new FakeDialogs.Confirmation(
                "Undo import of ExportOrderList202403151030.csv?",
                "Its " + orders.orders() + " orders and the customers only it brought will be removed. Customers who are also in other imports stay.",
                "Undo import", "Keep it"));
        assertThat(batchNamed("ExportOrderList202403151030.csv").status()).isEqualTo("undone");
        assertThat(afterRefresh.get()).isOne();
        long customersAfter = new StatsService(db).stats().customers();
        assertThat(customersAfter).isLessThan(customersBefore);
        assertThat(vm.noticeProperty().get()).isEqualTo("Import of ExportOrderList202403151030.csv undone; "
                + (customersBefore - customersAfter) + " customers that only it had brought were removed.");
        assertThat(dataChanged.get()).as("after the import and after the undo").isEqualTo(2);
        assertThat(expected.newCustomers()).isEqualTo(customersBefore);
    }

    private AtomicReference<JobHandle> cancelAtFirstProgress() {
        AtomicReference<JobHandle> job = new AtomicReference<>();
        tasks.runningJobs().addListener((ListChangeListener<JobHandle>) c -> {
            while (c.next()) {
                for (JobHandle h : c.getAddedSubList()) {
                    job.set(h);
                    h.messageProperty().addListener((o, was, now) -> h.cancel());
                }
            }
        });
        return job;
    }

    private void assertCancelledAndNothingStored(JobHandle job) {
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(vm.flow().previewProperty().get()).isNull();
        assertThat(vm.flow().busyProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo("Import cancelled; nothing was stored.");
        assertThat(service.batches()).isEmpty();
        assertThat(new StatsService(db).stats().orders()).isZero();
        assertThat(unexpected).isEmpty();
    }

    private ImportBatch batchNamed(String name) {
        return service.batches().stream().filter(b -> b.fileName().equals(name)).findFirst().orElseThrow();
    }

    /** What the engine of this build makes of the samples (other formats may join), from a throwaway database. */
    private ImportSummary dryRunOfTheSamples() throws Exception {
        try (Database other = Database.open(temp.resolve("dry"))) {
            List<Path> files = SampleData.extractTo(temp.resolve("samples"));
            return new ImportService(other).dryRun(new ImportRequest(files, null, null, ImportFlow.SAMPLE_ZONE),
                    Progress.NONE, Cancellation.none());
        }
    }

    private static List<String> changedFiles(ImportSummary s) {
        return s.files().stream().filter(FileSummary::changedSomething).map(FileSummary::file).toList();
    }
}
