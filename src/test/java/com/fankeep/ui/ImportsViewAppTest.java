package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportBatch;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.SampleData;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.ui.shell.PageId;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The import flow in the real app, headless: load the sample shop, preview, import, see the files and counts, undo. */
class ImportsViewAppTest extends AppTestBase {

    private static final String ORDER_FILE = "ExportOrderList202403151030.csv";
    /** Reading the samples on a busy 2-core machine may take a while. */
    private static final int SLOW = 60;

    @Test
    void theSampleShopIsPreviewedImportedListedCountedAndOneFileUndone(@TempDir Path dir) throws Exception {
        ImportSummary expected = dryRunOfTheSamples(dir);
        startApp(dir.resolve("data"));
        waitForText("#status-customers", "Customers: 0");

        robot.clickOn("#" + PageId.IMPORTS.navId());
        robot.clickOn("#load-sample-data");

        waitUntilShown("#preview-import");
        assertThat(text("#preview-import")).isEqualTo("Import " + expected.newOrders() + " orders");
        assertThat(text("#preview-close")).isEqualTo("Don't import");
        assertThat(text("#preview-totals")).startsWith(expected.newOrders() + " new orders, ")
                .contains(", " + expected.newCustomers() + " new customers, ");
        robot.clickOn("#preview-import");

        waitUntil(SLOW, () -> batchTable().map(t -> !t.getItems().isEmpty()).orElse(false));
        assertThat(batchTable().orElseThrow().getItems()).extracting(ImportBatch::fileName)
                .containsExactlyInAnyOrderElementsOf(changedFiles(expected))
                .contains(ORDER_FILE, "ExportOrderDetailList202403151030.csv");
        // the table renders its rows a pulse after its items change, and shows only as many as fit: bring the row in
        robot.interact(() -> batchTable().orElseThrow().scrollTo(batchTable().orElseThrow().getItems().stream()
                .filter(b -> b.fileName().equals(ORDER_FILE)).findFirst().orElseThrow()));
        waitUntil(10, () -> shownCellTexts().contains(ORDER_FILE));
        assertThat(shownCellTexts()).contains(ORDER_FILE, "Taobao / Tmall", "Imported");
        waitForText("#status-customers", "Customers: " + expected.newCustomers());
        waitForText("#status-orders", "Orders: " + expected.newOrders());

        robot.clickOn(cell(ORDER_FILE));
        robot.clickOn("#undo-import");
        DialogPane confirm = dialogWith("#confirm-action");
        assertThat(confirm.getHeaderText()).isEqualTo("Undo import of " + ORDER_FILE + "?");
        assertThat(confirm.getContentText()).startsWith("Its " + expected.files().stream()
                .filter(f -> f.file().equals(ORDER_FILE)).findFirst().orElseThrow().newOrders() + " orders and the customers only it brought");
        robot.clickOn("#confirm-action");

        waitUntil(SLOW, () -> batchTable().orElseThrow().getItems().stream()
                .anyMatch(b -> b.fileName().equals(ORDER_FILE) && b.status().equals("undone")));
        waitUntil(10, () -> shownCellTexts().contains("Undone"));
        waitUntil(SLOW, () -> customersShown().filter(n -> n < expected.newCustomers()).isPresent());
        assertThat(text("#imports-notice")).startsWith("Import of " + ORDER_FILE + " undone;");
        assertThat(robot.lookup("#undo-import").queryButton().isDisabled()).as("an undone file cannot be undone again").isTrue();
    }

    @Test
    void loadSampleDataOnTheCustomersPageGoesToImportsAndDontImportKeepsNothing(@TempDir Path dir) throws Exception {
        startApp(dir);
        robot.clickOn("#" + PageId.CUSTOMERS.navId());
        waitForText(".empty-state-title", "No customers yet");

        robot.clickOn("#load-sample-data");

        waitForText(".empty-state-title", "Bring in your order exports");
        waitUntilShown("#preview-close");
        robot.clickOn("#preview-close");

        waitForText("#imports-notice", "Not imported; nothing was changed.");
        assertThat(robot.lookup("#import-batches").tryQuery()).isEmpty();
        assertThat(text("#status-customers")).isEqualTo("Customers: 0");
    }

    @Test
    void closingTheWindowWhileThePreviewIsOpenStoresNothing(@TempDir Path dir) throws Exception {
        startApp(dir);
        robot.clickOn("#" + PageId.IMPORTS.navId());
        robot.clickOn("#load-sample-data");
        waitUntilShown("#preview-import");

        closeApp();

        try (Database db = Database.open(dir)) {
            assertThat(new ImportService(db).batches()).isEmpty();
            assertThat(new StatsService(db).stats().customers()).isZero();
        }
    }

    /** What this build's engine makes of the samples (other formats may join), from a throwaway database. */
    private static ImportSummary dryRunOfTheSamples(Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("dry"))) {
            List<Path> files = SampleData.extractTo(dir.resolve("samples"));
            return new ImportService(db).dryRun(new ImportRequest(files, null, null, ZoneId.of("Asia/Shanghai")),
                    Progress.NONE, Cancellation.none());
        }
    }

    private static List<String> changedFiles(ImportSummary s) {
        return s.files().stream().filter(FileSummary::changedSomething).map(FileSummary::file).toList();
    }

    @SuppressWarnings("unchecked")
    private Optional<TableView<ImportBatch>> batchTable() {
        return robot.lookup("#import-batches").tryQuery().map(n -> (TableView<ImportBatch>) n);
    }

    private List<String> shownCellTexts() {
        return robot.lookup("#import-batches .table-cell").queryAll().stream().filter(Node::isVisible)
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).toList();
    }

    private Node cell(String text) {
        return robot.lookup("#import-batches .table-cell").queryAll().stream()
                .filter(n -> text.equals(((Labeled) n).getText())).findFirst().orElseThrow();
    }

    private Optional<Long> customersShown() {
        return Optional.ofNullable(text("#status-customers")).map(t -> t.replaceAll("\\D", ""))
                .filter(t -> !t.isEmpty()).map(Long::parseLong);
    }

    private String text(String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private DialogPane dialogWith(String buttonQuery) throws TimeoutException {
        waitUntilShown(buttonQuery);
        Node n = robot.lookup(buttonQuery).query();
        while (!(n instanceof DialogPane)) {
            n = n.getParent();
        }
        return (DialogPane) n;
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private void waitForText(String query, String expected) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownText(query).filter(expected::equals).isPresent());
        } catch (TimeoutException e) {
            assertThat(shownText(query)).as(query).contains(expected);
        }
    }

    private Optional<String> shownText(String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).map(n -> ((Labeled) n).getText());
    }
}
