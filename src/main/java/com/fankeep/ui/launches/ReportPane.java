package com.fankeep.ui.launches;

import com.fankeep.core.launch.LaunchReport;
import com.fankeep.core.launch.PhaseReport;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.CountAxis;
import com.fankeep.ui.common.Tables;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The launch's report from core, one row per phase, with requests/allocated/paid per phase and revenue per price as charts. */
final class ReportPane {

    private final VBox root;

    ReportPane(LaunchesViewModel vm, Messages m) {
        TableView<PhaseReport> table = new TableView<>();
        table.setId("launch-report");
        table.setPlaceholder(new Label(m.get("launches.phases.empty")));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.phase"), p -> m.get("launches.kind." + p.kind().code())),
                m.get("launches.kind.first_batch")));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.price"), p -> Cells.money(p.price(), currency(vm))), "¥1999.00"));
        table.getColumns().add(Cells.column(m.get("launches.col.reached"), p -> Cells.number(p.reached())));
        table.getColumns().add(Cells.column(m.get("launches.col.votes"), p -> p.votes() == 0 ? "" : p.wantVotes() + " / " + p.votes()
                + (p.guessMedian() == null ? "" : " · " + Cells.money(p.guessMedian(), currency(vm)))));
        table.getColumns().add(Cells.column(m.get("launches.col.requestsAllocated"), p -> p.requests() + " / " + p.allocated()));
        table.getColumns().add(Cells.column(m.get("launches.col.paidUnits"), p -> p.paidOrders() + " / " + p.units()));
        table.getColumns().add(Cells.column(m.get("launches.col.revenue"), p -> Cells.money(p.revenue(), currency(vm))));
        table.getColumns().add(Cells.column(m.get("launches.col.buyers"), p -> p.buyers() + " (" + p.newBuyers() + " / " + p.returningBuyers() + ")"));
        table.getColumns().add(Cells.column(m.get("launches.col.after"), p -> p.vipBoughtAfter() == 0 ? ""
                : p.vipBoughtAfter() + " · " + Cells.money(p.vipSpendAfter(), currency(vm))));
        Tables.fit(table, "launch-report");
        table.setPrefHeight(300);
        table.setMinHeight(200);
        Label note = new Label();
        note.setId("launch-report-note");
        note.setWrapText(true);

        NumberAxis counts = CountAxis.make(); // requests, allocated and paid are whole units: no 0.5 steps
        counts.setId("launch-report-flow-counts");
        BarChart<String, Number> flow = new BarChart<>(new CategoryAxis(), counts);
        flow.setId("launch-report-flow");
        flow.setTitle(m.get("launches.report.flow"));
        flow.setAnimated(false);
        flow.setPrefHeight(200);
        flow.setMinHeight(160);
        BarChart<String, Number> revenue = new BarChart<>(new CategoryAxis(), new NumberAxis());
        revenue.setId("launch-report-revenue");
        revenue.setTitle(m.get("launches.report.revenue"));
        revenue.setAnimated(false);
        revenue.setLegendVisible(false);
        revenue.setPrefHeight(200);
        revenue.setMinHeight(160);
        HBox.setHgrow(flow, Priority.ALWAYS);
        HBox.setHgrow(revenue, Priority.ALWAYS);
        HBox charts = new HBox(8, flow, revenue);
        VBox.setVgrow(charts, Priority.ALWAYS);

        java.util.function.Consumer<LaunchReport> show = r -> {
            table.getItems().setAll(r == null ? List.of() : r.phases());
            note.setText(r == null ? "" : note(r, m));
            flow.getData().setAll(r == null ? List.of() : flow(r, m));
            CountAxis.fit(counts, r == null ? 1 : r.phases().stream().filter(p -> p.kind().sells())
                    .mapToLong(p -> Math.max(p.requests(), Math.max(p.allocated(), p.units()))).max().orElse(1));
            revenue.getData().setAll(r == null ? List.of() : List.of(revenue(r, m)));
        };
        vm.reportProperty().addListener((o, was, r) -> show.accept(r));
        show.accept(vm.reportProperty().get()); // built anew (language, back from another page) with a launch chosen
        VBox.setVgrow(table, Priority.SOMETIMES);
        javafx.scene.control.Button export = new javafx.scene.control.Button(m.get("launches.report.export"));
        export.setId("launch-report-export");
        export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        export.setOnAction(e -> vm.exportReport());
        note.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox head = new HBox(8, note, export);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root = new VBox(8, head, table, charts);
    }

    private static String note(LaunchReport r, Messages m) {
        return r.allocationPolicy() == null ? m.get("launches.report.note")
                : m.get("launches.report.noteCommitted", m.get("launches.policy." + r.allocationPolicy()), String.valueOf(r.allocationSeed()));
    }

    private static List<XYChart.Series<String, Number>> flow(LaunchReport r, Messages m) {
        XYChart.Series<String, Number> requests = new XYChart.Series<>();
        requests.setName(m.get("launches.report.requests"));
        XYChart.Series<String, Number> allocated = new XYChart.Series<>();
        allocated.setName(m.get("launches.report.allocated"));
        XYChart.Series<String, Number> paid = new XYChart.Series<>();
        paid.setName(m.get("launches.report.paid"));
        for (PhaseReport p : r.phases()) {
            if (!p.kind().sells()) {
                continue;
            }
            String k = m.get("launches.kind." + p.kind().code());
            requests.getData().add(new XYChart.Data<>(k, p.requests()));
            allocated.getData().add(new XYChart.Data<>(k, p.allocated()));
            paid.getData().add(new XYChart.Data<>(k, p.units()));
        }
        return List.of(requests, allocated, paid);
    }

    private static XYChart.Series<String, Number> revenue(LaunchReport r, Messages m) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(m.get("launches.report.revenue"));
        Map<BigDecimal, BigDecimal> byPrice = new java.util.TreeMap<>();
        r.phases().forEach(p -> p.revenueByPrice().forEach((price, total) -> byPrice.merge(price, total, BigDecimal::add)));
        byPrice.forEach((price, total) -> s.getData().add(new XYChart.Data<>(Cells.money(price, r.launch().currency()), total.doubleValue())));
        return s;
    }

    private static String currency(LaunchesViewModel vm) {
        return vm.launchProperty().get() == null ? "CNY" : vm.launchProperty().get().currency();
    }

    Node node() {
        return root;
    }
}
