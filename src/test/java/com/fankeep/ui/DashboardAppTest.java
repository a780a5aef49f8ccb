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

    /** A campaign's "shipped" bar opens the Customers page filtered to the one customer whose gift was shipped. */
    @Test
    void aCampaignOutcomeBarOpensTheCustomersBehindIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        long iron;
        try (Database db = Database.open(data)) {
            com.fankeep.core.group.FanData fans = new com.fankeep.core.group.FanData(db);
            iron = fans.customer("铁粉甲", "杭州", "iron_fan", false, 5, "CNY", "900.00");
            fans.customer("贵宾乙", "杭州", "vip", false, 4, "CNY", "700.00");
            fans.customer("群友丙", "上海", "regular", false, 1, "CNY", "50.00");
        }
        java.time.LocalDate today = java.time.LocalDate.now();
        cli(data, "segment", "save", "铁粉和贵宾", "tier = iron_fan OR tier = vip");
        cli(data, "campaign", "create", "新年贺卡", "--kind", "card", "--gift", "手写贺卡", "--unit-cost", "1.50", "--shipping-cost", "4.00", "--currency", "CNY",
                "--quantity", "5", "--per-customer", "1", "--opens", today.toString(), "--closes", today.plusDays(7).toString(),
                "--audience", "铁粉和贵宾", "--message", "{name}");
        cli(data, "campaign", "announce", "1");
        cli(data, "campaign", "claim", "1", Long.toString(iron));
        cli(data, "campaign", "ship", "1", Long.toString(iron), "--carrier", "顺丰速运", "--tracking", "SF1");

        startApp(data);
        String shipped = "#dashboard-bar-campaigns-0-2"; // row 0 (the campaign), column 2 (shipped)
        waitUntil(() -> robot.lookup(shipped).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup(shipped).query().getOnMouseClicked().handle(null));
        waitUntil(() -> robot.lookup("#customer-count").tryQuery().isPresent()
                && "1 customers".equals(robot.lookup("#customer-count").queryAs(Labeled.class).getText()));
    }

    private static void cli(Path data, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--data-dir", data.toString()));
        all.addAll(java.util.List.of(args));
        java.io.StringWriter out = new java.io.StringWriter();
        int code = com.fankeep.cli.Cli.run(all.toArray(String[]::new), java.util.Locale.ENGLISH, new java.io.PrintWriter(out),
                new java.io.PrintWriter(out), d -> { });
        assertThat(code).as(String.join(" ", args) + "\n" + out).isZero();
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
