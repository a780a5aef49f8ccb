package com.fankeep.ui.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.campaign.CampaignEntry;
import com.fankeep.core.campaign.EntryState;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.Progress;
import com.fankeep.ui.common.FakeDialogs;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Campaigns page headless: a campaign from a saved segment, two quick claims, the shipping list exported. */
@ExtendWith(ApplicationExtension.class)
class CampaignsViewTest {

    @TempDir
    static Path temp;
    private Path dir;
    private Database db;
    private UiTasks tasks;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(temp, "shop");
        db = Database.open(dir.resolve("data"));
        FanData data = new FanData(db);
        for (String[] fan : new String[][] {{"王铁柱", "13800000001"}, {"李小花", "13800000002"}, {"赵大宝", "13800000003"}}) {
            long id = data.customer(fan[0], "杭州", "iron_fan", false, 3, "CNY", "300.00");
            data.exec("insert into shop_order (platform, external_order_id, customer_id, status, currency, ordered_at, receiver_name, "
                    + "receiver_phone, receiver_province, receiver_city, receiver_district, receiver_address) values ('taobao', ?, ?, "
                    + "'completed', 'CNY', current_timestamp, ?, ?, '浙江省', '杭州市', '西湖区', '文三路8号')", "T" + fan[1], id, fan[0], fan[1]);
        }
        data.customer("常客", "上海", "regular", false, 1, "CNY", "10.00");
        CoreServices core = CoreServices.over(db);
        core.segments().save("铁粉", "tier = iron_fan");
        core.search().build(Progress.NONE, Cancellation.none());
        tasks = UiTasks.background(unexpected::add);
        CampaignsViewModel vm = new CampaignsViewModel(core.campaigns(), core.search(), core.groups(), tasks, dialogs,
                () -> Messages.of(Locale.ENGLISH));
        CampaignsView view = new CampaignsView(vm, Messages.of(Locale.ENGLISH));
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1140, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void aCampaignFromASegmentTwoClaimsAndTheShippingList(FxRobot robot) throws Exception {
        robot.clickOn("#campaign-tab-new");
        robot.interact(() -> {
            robot.lookup("#campaign-new-name").queryAs(TextField.class).setText("铁粉贺卡");
            robot.lookup("#campaign-new-gift").queryAs(TextField.class).setText("新年贺卡");
            robot.lookup("#campaign-new-unit").queryAs(TextField.class).setText("1.50");
            robot.lookup("#campaign-new-shipping").queryAs(TextField.class).setText("6.00");
            robot.lookup("#campaign-new-quantity").queryAs(TextField.class).setText("2");
            robot.lookup("#campaign-new-segment").queryAs(TextField.class).setText("铁粉");
        });
        robot.clickOn("#campaign-create");
        waitUntil(() -> robot.lookup("#campaign-title").queryLabeled().getText().startsWith("铁粉贺卡"));
        waitUntil(() -> entries(robot).getItems().size() == 3);
        assertThat(entries(robot).getItems()).extracting(CampaignEntry::state).containsOnly(EntryState.INVITED);

        robot.clickOn("#campaign-announce");
        waitUntil(() -> robot.lookup("#campaign-title").queryLabeled().getText().contains("Announced"));

        claim(robot, "王铁柱");
        waitUntil(() -> robot.lookup("#campaign-stock-text").queryLabeled().getText().startsWith("1 of 2 left"));
        claim(robot, "李小花");
        waitUntil(() -> robot.lookup("#campaign-stock-text").queryLabeled().getText().startsWith("0 of 2 left"));
        assertThat(robot.lookup("#campaign-stock-text").queryLabeled().getText()).contains("spent ¥15.00 of ¥15.00");
        assertThat(robot.lookup("#campaign-stock-bar").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#campaign-count-claimed").queryLabeled().getText()).isEqualTo("Claimed 2");

        Path out = dir.resolve("sf.xlsx");
        dialogs.fileToSave = out;
        robot.interact(() -> robot.lookup("#campaign-layout").queryAs(ComboBox.class).getSelectionModel().select(1)); // SF
        robot.clickOn("#campaign-export");
        waitUntil(() -> robot.lookup("#campaign-notice").queryLabeled().getText().startsWith("Wrote 2 parcels"));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("用户订单号");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("王铁柱");
        }
    }

    private static void claim(FxRobot robot, String name) throws TimeoutException {
        robot.interact(() -> robot.lookup("#campaign-claim-search").queryAs(TextField.class).setText(name));
        waitUntil(() -> {
            Object v = robot.lookup("#campaign-claim-who").queryAs(ComboBox.class).getValue();
            return v != null && v.toString().contains(name);
        });
        robot.clickOn("#campaign-claim");
        waitUntil(() -> robot.lookup("#campaign-notice").queryLabeled().getText().startsWith(name + " claimed"));
    }

    @SuppressWarnings("unchecked")
    private static TableView<CampaignEntry> entries(FxRobot robot) {
        return (TableView<CampaignEntry>) robot.lookup("#campaign-entries").query();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
