package com.fankeep.ui.dashboard;

import com.fankeep.core.insight.ChartData;
import com.fankeep.core.insight.DashboardText;
import com.fankeep.ui.common.CountAxis;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/** Builds each chart of the dashboard from its data; a bar with a rule opens the customers behind it. */
final class Charts {

    private Charts() {
    }

    static Node of(ChartData c, DashboardText text, Consumer<ChartData.Row> open, com.fankeep.core.shared.Messages m) {
        return switch (c.key()) {
            case "campaigns", "launches" -> c.rows().isEmpty() ? none(m.get("dashboard.outcomes.none." + c.key()))
                    : bars(c, text, open, 0, com.fankeep.core.insight.Outcomes.COUNT_COLUMNS, false);
            case "tiersOverTime" -> lines(c, text, 0, c.columns().size(), CountAxis.upTo(top(c, 0, c.columns().size(), false)));
            // buyers, then revenue per currency: none before the first order, so no empty money chart
            case "monthly" -> c.columns().size() <= 2 ? stacked(c, text, open, 0, 2)
                    : new VBox(4, stacked(c, text, open, 0, 2), lines(c, text, 2, c.columns().size(), new NumberAxis()));
            case "cohorts" -> heatMap(c, text);
            case "provinces", "cities", "funnel" -> bars(c, text, open, 0, 1, true);
            case "items" -> bars(c, text, open, 0, 1, true);
            case "recovery" -> bars(c, text, open, 0, 2, false);
            default -> new Text(c.key());
        };
    }

    private static LineChart<String, Number> lines(ChartData c, DashboardText text, int from, int to, NumberAxis values) {
        LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), values);
        for (int col = from; col < to; col++) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(text.column(c.columns().get(col)));
            for (ChartData.Row r : c.rows()) {
                BigDecimal v = r.values().get(col);
                s.getData().add(new XYChart.Data<>(r.label(), v == null ? 0 : v.doubleValue()));
            }
            chart.getData().add(s);
        }
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(to - from > 0 && c.key().equals("monthly") ? 170 : 260);
        return chart;
    }

    private static StackedBarChart<String, Number> stacked(ChartData c, DashboardText text, Consumer<ChartData.Row> open, int from, int to) {
        StackedBarChart<String, Number> chart = new StackedBarChart<>(new CategoryAxis(), CountAxis.upTo(top(c, from, to, true)));
        fill(chart, c, text, open, from, to, false);
        chart.setPrefHeight(220);
        return chart;
    }

    private static BarChart<?, ?> bars(ChartData c, DashboardText text, Consumer<ChartData.Row> open, int from, int to, boolean horizontal) {
        BarChart<String, Number> chart;
        if (horizontal) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            BarChart<String, Number> h = (BarChart) new BarChart<Number, String>(CountAxis.upTo(top(c, from, to, false)), new CategoryAxis());
            chart = h;
        } else {
            chart = new BarChart<>(new CategoryAxis(), CountAxis.upTo(top(c, from, to, false)));
        }
        fill(chart, c, text, open, from, to, horizontal);
        chart.setLegendVisible(to - from > 1);
        chart.setPrefHeight(260);
        return chart;
    }

    /** One series per column; horizontal charts put the category on the Y axis, longest first at the top. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void fill(XYChart chart, ChartData c, DashboardText text, Consumer<ChartData.Row> open, int from, int to, boolean horizontal) {
        chart.setAnimated(false);
        for (int col = from; col < to; col++) {
            XYChart.Series s = new XYChart.Series<>();
            s.setName(text.column(c.columns().get(col)));
            for (int i = horizontal ? c.rows().size() - 1 : 0; horizontal ? i >= 0 : i < c.rows().size(); i += horizontal ? -1 : 1) {
                ChartData.Row r = c.rows().get(i);
                String label = shorten(text.row(c, r.label()));
                Number v = r.values().get(col) == null ? 0 : r.values().get(col).doubleValue();
                XYChart.Data d = horizontal ? new XYChart.Data<>(v, label) : new XYChart.Data<>(label, v);
                String tip = to < c.columns().size() ? everyColumn(c, r, text) : text.row(c, r.label()) + ": " + v;
                // a bar of its own column's customers when a rule names them (a campaign's claims), else the row's
                ChartData.Row bar = Objects.equals(r.rule(col), r.rule()) ? r : new ChartData.Row(r.label(), r.values(), r.rule(col), r.link());
                String id = "dashboard-bar-" + c.key() + "-" + i + "-" + col;
                d.nodeProperty().addListener((o, old, node) -> {
                    if (node != null) {
                        ((Node) node).setId(id);
                        Tooltip.install((Node) node, new Tooltip(tip));
                        if (bar.rule() != null || bar.link() != null) {
                            ((Node) node).setOnMouseClicked(e -> open.accept(bar));
                            ((Node) node).setCursor(javafx.scene.Cursor.HAND);
                        }
                    }
                });
                s.getData().add(d);
            }
            chart.getData().add(s);
        }
    }

    /** The highest bar of columns {@code from} to {@code to} (every bar chart counts: buyers, claims, fans), stacked or side by side. */
    static long top(ChartData c, int from, int to, boolean stacked) {
        long top = 0;
        for (ChartData.Row r : c.rows()) {
            long sum = 0;
            for (int col = from; col < to; col++) {
                BigDecimal v = r.values().get(col);
                long n = v == null ? 0 : v.setScale(0, java.math.RoundingMode.CEILING).longValue();
                sum = stacked ? sum + n : Math.max(sum, n);
            }
            top = Math.max(top, sum);
        }
        return top;
    }

    private static Node none(String message) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(message);
        l.setWrapText(true);
        return l;
    }

    /** A row with more columns than bars (money beside the counts): all of them in the tooltip. */
    private static String everyColumn(ChartData c, ChartData.Row r, DashboardText text) {
        StringBuilder b = new StringBuilder(text.row(c, r.label()));
        for (int i = 0; i < c.columns().size(); i++) {
            BigDecimal v = r.values().get(i);
            b.append('\n').append(text.column(c.columns().get(i))).append(": ").append(v == null ? "" : v.toPlainString());
        }
        return b.toString();
    }

    private static String shorten(String s) {
        return s.length() > 16 ? s.substring(0, 15) + "…" : s;
    }

    /** Cohort × months since: a grid of shaded cells with the share in percent (Text, so nothing is cut). */
    private static Node heatMap(ChartData c, DashboardText text) {
        GridPane grid = new GridPane();
        grid.setHgap(2);
        grid.setVgap(2);
        for (int k = 0; k < c.columns().size(); k++) {
            grid.add(new Text(text.column(c.columns().get(k))), k + 1, 0);
        }
        for (int i = 0; i < c.rows().size(); i++) {
            ChartData.Row r = c.rows().get(i);
            grid.add(new Text(r.label()), 0, i + 1);
            for (int k = 0; k < r.values().size(); k++) {
                BigDecimal v = r.values().get(k);
                Rectangle cell = new Rectangle(34, 16);
                cell.setFill(v == null ? Color.TRANSPARENT : Color.rgb(33, 150, 83, Math.min(1, 0.08 + v.doubleValue())));
                Text t = new Text(v == null ? "" : v.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP) + "%");
                t.setStyle("-fx-font-size: 10px;");
                StackPane cellPane = new StackPane(cell, t);
                cellPane.setAlignment(Pos.CENTER);
                grid.add(cellPane, k + 1, i + 1);
            }
        }
        return grid;
    }
}
