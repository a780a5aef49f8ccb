package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.testing.SampleShop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app opens on the dashboard; with the sample shop its figures fill in (in English and in Chinese, each saved as a
 * snapshot picture in target/), and clicking a figure opens the Customers page filtered to the customers behind it.
 */
class DashboardAppTest extends AppTestBase {

    @Test
    void opensOnTheDashboardWithFiguresInBothLanguagesAndAClickOpensItsCustomers(@TempDir Path dir) throws Exception {
        long repeaters;
        long customers;
        try (Database db = Database.open(dir.resolve("data"))) {
            SampleShop.load(new ImportService(db), dir);
            CoreServices s = CoreServices.over(db);
            // the sample's import ran without the app's listeners: the app sees the aggregates out of date and rebuilds
            customers = s.stats().stats().customers();
            repeaters = db.dsl().fetchOne("select count(*) from customer where order_count >= 2 and merged_into_id is null"
                    + " and erased_at is null").get(0, Long.class);
        }
        startApp(dir.resolve("data"));
        waitUntil(() -> value("#figure-customers").equals(Long.toString(customers)));
        assertThat(robot.lookup("#nav-dashboard").queryAs(Labeled.class).getText()).isEqualTo("Dashboard");
        assertThat(name("#figure-repeatRate")).isEqualTo("Repeat-purchase rate");
        waitUntil(() -> robot.lookup("#chart-monthly .chart").tryQuery().isPresent());
        snapshot(Path.of("target", "dashboard-en.png"));

        // the repeat-purchase rate's customers: those with 2+ orders
        robot.interact(() -> robot.lookup("#figure-repeatRate").query().getOnMouseClicked().handle(null));
        waitUntil(() -> robot.lookup("#customer-count").tryQuery().isPresent()
                && (repeaters + " customers").equals(robot.lookup("#customer-count").queryAs(Labeled.class).getText()));

        robot.clickOn("#nav-settings");
        robot.clickOn("#language-zh_CN");
        waitUntil(() -> "数据看板".equals(robot.lookup("#nav-dashboard").queryAs(Labeled.class).getText()));
        robot.clickOn("#nav-dashboard");
        waitUntil(() -> value("#figure-customers").equals(Long.toString(customers)));
        assertThat(name("#figure-repeatRate")).isEqualTo("复购率");
        assertThat(name("#figure-retention")).isEqualTo("客户存留率");
        waitUntil(() -> robot.lookup("#chart-monthly .chart").tryQuery().isPresent());
        snapshot(Path.of("target", "dashboard-zh.png"));
    }

    private String value(String tile) {
        return robot.lookup(tile + " .title-2").tryQueryAs(Labeled.class).map(Labeled::getText).orElse("").replace(",", "");
    }

    /** A tile's name, once the tile is there: the figures arrive one group after another. */
    private String name(String tile) throws Exception {
        waitUntil(() -> robot.lookup(tile + " .text-muted").tryQuery().isPresent());
        return robot.lookup(tile + " .text-muted").queryAs(Labeled.class).getText();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private void snapshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        javafx.stage.Stage stage = org.testfx.api.FxToolkit.toolkitContext().getRegisteredStage();
        var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
