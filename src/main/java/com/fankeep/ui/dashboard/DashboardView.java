package com.fankeep.ui.dashboard;

import com.fankeep.core.insight.ChartData;
import com.fankeep.core.insight.Dashboard;
import com.fankeep.core.insight.DashboardText;
import com.fankeep.core.insight.Figure;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Shown;
import java.math.BigDecimal;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The first page: how the fan base is doing. Opens at once with placeholders; the figures, then the charts, fill in
 * from the background. Every figure and bar with customers behind it opens the Customers page filtered to them.
 */
public final class DashboardView {

    public static final Ikon ICON = MaterialDesignC.CHART_BOX_OUTLINE;
    static final List<String> PLATFORMS = List.of("taobao", "tmall", "jd", "pinduoduo", "youzan", "douyin", "wechat",
            "shopify", "woocommerce", "etsy", "ebay", "manual", "other");
    /** The figures shown as tiles, in order; revenue and average order per currency follow "returningBuyers". */
    static final List<String> TILES = List.of("customers", "active", "lapsed", "recovered", "repeatRate", "retention", "buyers",
            "newBuyers", "returningBuyers");

    private static final List<String> OUTCOMES = List.of("campaigns", "launches");

    private final DashboardViewModel vm;
    private final Messages m;
    private final DashboardText text;
    private final FlowPane tiles = new FlowPane(10, 10);
    private final FlowPane tierTiles = new FlowPane(10, 10);
    private final FlowPane charts = new FlowPane(14, 14);
    private final ScrollPane root;

    public DashboardView(DashboardViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        this.text = new DashboardText(m);
        Label title = new Label(m.get("dashboard.title"));
        title.getStyleClass().add("title-3");
        VBox page = new VBox(12, title, toolbar(), tiles, tierTiles, charts);
        page.setPadding(new Insets(16));
        page.setId("dashboard");
        tiles.setId("dashboard-figures");
        charts.setId("dashboard-charts");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        charts.prefWrapLengthProperty().bind(root.widthProperty().subtract(40));
        tiles.prefWrapLengthProperty().bind(root.widthProperty().subtract(40));
        tierTiles.prefWrapLengthProperty().bind(root.widthProperty().subtract(40));
        vm.figures().addListener((o, a, d) -> showFigures(d));
        vm.charts().addListener((javafx.collections.ListChangeListener<ChartData>) c -> showCharts());
        showFigures(vm.figures().get());
        showCharts();
        vm.start();
    }

    private Node toolbar() {
        ComboBox<DashboardViewModel.Period> period = new ComboBox<>();
        period.setId("dashboard-period");
        period.getItems().setAll(DashboardViewModel.Period.values());
        period.setConverter(Shown.as(p -> m.get("dashboard.period." + switch (p) {
            case LAST_30 -> "last30";
            case THIS_MONTH -> "thisMonth";
            case LAST_90 -> "last90";
            case LAST_365 -> "last365";
            case THIS_YEAR -> "thisYear";
            case CUSTOM -> "custom";
        })));
        period.setValue(vm.period().get());
        DatePicker from = new DatePicker(vm.customFrom().get());
        DatePicker to = new DatePicker(vm.customTo().get());
        com.fankeep.ui.common.IsoDates.apply(from);
        com.fankeep.ui.common.IsoDates.apply(to);
        from.setPrefWidth(130);
        to.setPrefWidth(130);
        Button show = new Button(m.get("dashboard.apply"));
        HBox custom = new HBox(6, new Label(m.get("dashboard.from")), from, new Label(m.get("dashboard.to")), to, show);
        custom.setAlignment(Pos.CENTER_LEFT);
        custom.visibleProperty().bind(period.valueProperty().isEqualTo(DashboardViewModel.Period.CUSTOM));
        custom.managedProperty().bind(custom.visibleProperty());
        period.setOnAction(e -> {
            vm.period().set(period.getValue());
            if (period.getValue() != DashboardViewModel.Period.CUSTOM) {
                vm.load();
            }
        });
        show.setOnAction(e -> {
            vm.customFrom().set(from.getValue());
            vm.customTo().set(to.getValue());
            vm.load();
        });
        ComboBox<String> platform = new ComboBox<>();
        platform.setId("dashboard-platform");
        platform.getItems().add("");
        platform.getItems().addAll(PLATFORMS);
        platform.setConverter(Shown.as(p -> p == null || p.isEmpty() ? m.get("dashboard.platform.all") : m.get("customers.platform." + p)));
        platform.setValue(vm.platform().get() == null ? "" : vm.platform().get());
        platform.setOnAction(e -> {
            vm.platform().set(platform.getValue() == null || platform.getValue().isEmpty() ? null : platform.getValue());
            vm.load();
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busy());
        Label status = new Label();
        status.setId("dashboard-status");
        status.textProperty().bind(vm.status());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Button all = new Button(m.get("dashboard.exportAll"));
        all.setId("dashboard-export-all");
        all.setOnAction(e -> vm.exportAll());
        all.disableProperty().bind(vm.busy());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label(m.get("dashboard.period")), period, custom, new Label(m.get("dashboard.platform")), platform,
                busy, grow, all);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, bar, status);
    }

    private void showFigures(Dashboard d) {
        tiles.getChildren().clear();
        tierTiles.getChildren().clear();
        if (d == null) {
            for (String key : TILES) {
                tiles.getChildren().add(tile(key, null));
            }
            return;
        }
        for (String key : TILES) {
            tiles.getChildren().add(tile(key, d.figure(key)));
        }
        for (Figure f : d.figures()) {
            if (f.key().startsWith("revenue.") || f.key().startsWith("aov.") || f.key().startsWith("followUps")) {
                tiles.getChildren().add(tile(f.key(), f));
            }
            if (f.key().startsWith("tier.") || f.key().startsWith("tierIn.")) {
                tierTiles.getChildren().add(tile(f.key(), f));
            }
        }
    }

    /** One figure: its name, value and change against the previous period; a button when customers are behind it. */
    private Node tile(String key, Figure f) {
        Label name = new Label(text.figure(key));
        name.getStyleClass().add("text-muted");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label value = new Label(f == null ? "…" : format(key, f.value()));
        value.getStyleClass().add("title-2");
        value.setMinWidth(Region.USE_PREF_SIZE);
        Label trend = new Label(f == null ? m.get("dashboard.loading") : trend(key, f));
        trend.setMinWidth(Region.USE_PREF_SIZE);
        if (f != null && f.change() != null && f.change().signum() != 0) {
            trend.getStyleClass().add(f.change().signum() > 0 ? "success" : "danger");
        }
        VBox box = new VBox(2, name, value, trend);
        box.setPadding(new Insets(8, 12, 8, 12));
        box.setMinWidth(150);
        box.getStyleClass().add("dashboard-tile");
        box.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6; -fx-border-color: -color-border-muted;"
                + " -fx-border-radius: 6;");
        box.setId("figure-" + key.replace('.', '-'));
        if (f != null && f.rule() != null) {
            box.setOnMouseClicked(e -> vm.open(f.rule()));
            box.setCursor(javafx.scene.Cursor.HAND);
            Tooltip.install(box, new Tooltip(m.get("dashboard.openCustomers")));
        }
        return box;
    }

    private String trend(String key, Figure f) {
        if (f.previous() == null) {
            return m.get("dashboard.noPrevious");
        }
        BigDecimal change = f.change();
        String sign = change.signum() > 0 ? "▲ +" : change.signum() < 0 ? "▼ " : "= ";
        return sign + format(key, change) + "  " + m.get("dashboard.previous", format(key, f.previous()));
    }

    static String format(String key, BigDecimal v) {
        if (key.equals("repeatRate") || key.equals("retention")) {
            return v.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
        }
        if (v.scale() > 0) {
            return String.format("%,.2f", v);
        }
        return String.format("%,d", v.longValue());
    }

    private void showCharts() {
        charts.getChildren().clear();
        if (vm.charts().isEmpty()) {
            for (String key : List.of("tiersOverTime", "monthly", "cohorts", "provinces", "cities", "items", "funnel", "recovery",
                    "campaigns", "launches")) {
                Label wait = new Label(m.get("dashboard.loading"));
                charts.getChildren().add(box(key, wait, null));
            }
            return;
        }
        // campaign and launch outcomes side by side, on a line of their own (one under the other when narrow)
        FlowPane outcomes = new FlowPane(14, 14);
        outcomes.setId("dashboard-outcomes");
        outcomes.prefWrapLengthProperty().bind(root.widthProperty().subtract(40));
        for (ChartData c : vm.charts()) {
            Node box = box(c.key(), Charts.of(c, text, vm::open, m), c);
            if (OUTCOMES.contains(c.key())) {
                outcomes.getChildren().add(box);
            } else {
                charts.getChildren().add(box);
            }
        }
        if (!outcomes.getChildren().isEmpty()) {
            charts.getChildren().add(outcomes);
        }
    }

    private Node box(String key, Node chart, ChartData data) {
        Label title = new Label(text.chart(key));
        title.getStyleClass().add("title-4");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, title, grow);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, head, chart);
        if (data != null) {
            Button png = new Button(m.get("dashboard.exportPng"));
            png.setMinWidth(Region.USE_PREF_SIZE);
            png.setOnAction(e -> vm.savePicture(key, chart.snapshot(null, null)));
            Button xlsx = new Button(m.get("dashboard.exportXlsx"));
            xlsx.setMinWidth(Region.USE_PREF_SIZE);
            xlsx.setOnAction(e -> vm.exportChart(data));
            head.getChildren().addAll(png, xlsx);
        }
        box.setPadding(new Insets(8));
        box.setPrefWidth(540);
        box.setMinHeight(320);
        box.setId("chart-" + key);
        box.setStyle("-fx-border-color: -color-border-muted; -fx-border-radius: 6;");
        VBox.setVgrow(chart, Priority.ALWAYS);
        return box;
    }

    public Node node() {
        return root;
    }
}
