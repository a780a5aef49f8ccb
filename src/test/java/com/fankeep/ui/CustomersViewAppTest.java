package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.customer.CustomerRow;
import com.fankeep.core.customer.CustomersFixture;
import com.fankeep.core.db.Database;
import com.fankeep.ui.shell.PageId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Customers page in the real app, headless: search "zs", open 张三, add a WeChat id, see it, undo it. */
class CustomersViewAppTest extends AppTestBase {

    private static final int SLOW = 60;

    @Test
    void searchingZsOpensZhangSanAndAWechatIdAddedThereShowsOnTheProfile(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            CustomersFixture.importSheet(CoreServices.over(db), dir.resolve("in"));
        }
        startApp(data);
        robot.clickOn("#" + PageId.CUSTOMERS.navId());
        waitUntil(SLOW, () -> table().map(t -> t.getItems().size() == 5).orElse(false));

        robot.clickOn("#customer-search").write("zs");
        waitUntil(SLOW, () -> names().equals(List.of("张三")));

        robot.interact(() -> table().orElseThrow().getSelectionModel().select(0));
        robot.clickOn("#customer-open");
        waitUntil(SLOW, () -> robot.lookup("#profile-name").tryQuery().map(n -> ((Labeled) n).getText().equals("张三")).orElse(false));

        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            robot.lookup("#channel-value").<TextField>query().setText("zs@");
            robot.lookup("#channel-kind").<String>queryComboBox().setValue("email");
        });
        waitUntil(10, () -> !((Labeled) robot.lookup("#channel-error").query()).getText().isEmpty());
        assertThat(robot.lookup("#channel-add").queryButton().isDisabled()).as("an e-mail without a domain is refused inline").isTrue();

        robot.interact(() -> {
            robot.lookup("#channel-kind").<String>queryComboBox().setValue("wechat");
            robot.lookup("#channel-value").<TextField>query().setText("zhangsan_wx");
        });
        robot.interact(() -> robot.lookup("#channel-add").queryButton().fire());
        waitUntil(SLOW, () -> channelValues().contains("zhangsan_wx"));
        waitUntil(10, () -> robot.lookup("#undo-text").tryQuery().map(n -> ((Labeled) n).getText().startsWith("Saved: channel added"))
                .orElse(false));

        robot.interact(() -> robot.lookup("#undo-edit").queryButton().fire());
        waitUntil(SLOW, () -> !channelValues().contains("zhangsan_wx") && channelValues().contains("138 0013 8000")); // the shop's national form
    }

    @SuppressWarnings("unchecked")
    private Optional<TableView<CustomerRow>> table() {
        return robot.lookup("#customer-table").tryQuery().map(n -> (TableView<CustomerRow>) n);
    }

    private List<String> names() {
        return table().map(t -> t.getItems().stream().map(CustomerRow::name).toList()).orElse(List.of());
    }

    private List<String> channelValues() {
        return robot.lookup("#profile-channels .channel-value").queryAll().stream()
                .map(n -> n instanceof TextField t ? t.getText() : ((Labeled) n).getText()).toList();
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

}
