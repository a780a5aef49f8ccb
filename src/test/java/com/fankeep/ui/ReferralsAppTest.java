package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.customer.CustomerRow;
import com.fankeep.core.customer.CustomersFixture;
import com.fankeep.core.db.Database;
import com.fankeep.core.referral.TopReferrer;
import com.fankeep.ui.shell.PageId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Referrals in the real app, headless: two customers get "referred by" 王五 in bulk (search picker), the loop back is
 * refused naming both, and the Referrers tab ranks 王五 first with the two he brought.
 */
class ReferralsAppTest extends AppTestBase {

    private static final int SLOW = 60;

    @Test
    void bulkReferredByThenALoopRefusedNamingBothThenTopReferrers(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            CustomersFixture.importSheet(CoreServices.over(db), dir.resolve("in"));
        }
        startApp(data);
        robot.clickOn("#" + PageId.CUSTOMERS.navId());
        waitUntil(SLOW, () -> table().map(t -> t.getItems().size() == 5).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();

        select("张三", "李四");
        pickReferrer("王五");
        waitUntil(SLOW, () -> robot.lookup("#undo-text").tryQuery().map(n -> ((Labeled) n).getText().contains("referred by"))
                .orElse(false));

        select("王五");
        pickReferrer("张三");
        waitUntil(SLOW, () -> robot.lookup("#bulk-error").tryQuery().map(n -> ((Labeled) n).getText()).orElse("")
                .matches("Refused: 张三 \\(#\\d+\\) was referred by 王五 \\(#\\d+\\).*Nothing was changed\\."));

        robot.clickOn("#" + PageId.GROUPS.navId());
        waitUntil(SLOW, () -> robot.lookup("#groups-tabs").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#groups-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "groups-tab-referrers".equals(t.getId())).findFirst().orElseThrow());
        });
        waitUntil(SLOW, () -> !referrers().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TopReferrer first = referrers().getItems().getFirst();
        assertThat(first.name()).isEqualTo("王五");
        assertThat(first.referred()).isEqualTo(2);
        robot.interact(() -> referrers().getSelectionModel().select(0));
        waitUntil(SLOW, () -> robot.lookup("#referrers-brought").queryLabeled().getText().matches("王五 brought: 张三 #\\d+, 李四 #\\d+"));
    }

    /** Opens the bulk "referred by" dialog for the selection, searches {@code name}, picks that customer and sets them. */
    private void pickReferrer(String name) throws TimeoutException {
        Button open = robot.lookup("#bulk-referred-by").queryButton();
        javafx.application.Platform.runLater(open::fire); // the dialog waits for the owner: not waited for here
        waitUntilShown("#referrer-search");
        robot.interact(() -> robot.lookup("#referrer-search").queryAs(TextField.class).setText(name));
        waitUntil(SLOW, () -> {
            ListView<CustomerRow> hits = robot.lookup("#referrer-hits").queryAs(ListView.class);
            CustomerRow chosen = hits.getSelectionModel().getSelectedItem();
            return chosen != null && name.equals(chosen.name());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#referrer-set").queryButton().fire());
        waitUntil(SLOW, () -> robot.lookup("#referrer-search").tryQuery().isEmpty());
    }

    private void select(String... names) {
        robot.interact(() -> {
            TableView<CustomerRow> t = table().orElseThrow();
            t.getSelectionModel().clearSelection();
            for (String n : names) {
                for (int i = 0; i < t.getItems().size(); i++) {
                    if (n.equals(t.getItems().get(i).name())) {
                        t.getSelectionModel().select(i);
                    }
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private Optional<TableView<CustomerRow>> table() {
        return robot.lookup("#customer-table").tryQuery().map(n -> (TableView<CustomerRow>) n);
    }

    @SuppressWarnings("unchecked")
    private TableView<TopReferrer> referrers() {
        return robot.lookup("#referrers-table").queryAs(TableView.class);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
