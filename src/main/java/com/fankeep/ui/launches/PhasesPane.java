package com.fankeep.ui.launches;

import atlantafx.base.theme.Styles;
import com.fankeep.core.launch.Launch;
import com.fankeep.core.launch.LaunchPhase;
import com.fankeep.core.launch.LaunchTimes;
import com.fankeep.core.launch.PhaseKind;
import com.fankeep.core.launch.PhaseSpec;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.RefusedException;
import com.fankeep.ui.common.Shown;
import com.fankeep.ui.common.Tables;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The phases: a timeline with today marked, the phases in a table, a form to add or change one, and Start. */
final class PhasesPane {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String NONE = "none";

    private final VBox root;

    PhasesPane(LaunchesViewModel vm, Messages m) {
        Timeline timeline = new Timeline(m);
        TableView<LaunchPhase> table = new TableView<>();
        table.setId("launch-phases");
        table.setPlaceholder(new Label(m.get("launches.phases.empty")));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.phase"), p -> m.get("launches.kind." + p.kind().code())),
                m.get("launches.kind.first_batch")));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.from"), p -> Cells.when(p.from(), vm.zone())), "12-31 23:59"));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.to"), p -> Cells.when(p.to(), vm.zone())), "12-31 23:59"));
        table.getColumns().add(Tables.flexible(Cells.column(m.get("launches.col.audience"), p -> p.audienceKind() == null ? ""
                : m.get("launches.audience." + p.audienceKind()) + ": " + ("tier".equals(p.audienceKind())
                ? m.get("launch.tier." + p.audienceValue()) : p.audienceValue())), 140, 160));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.quota"), p -> Cells.number(p.quota())), "9999"));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.perCustomer"), p -> Cells.number(p.perCustomer())), "99"));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.price"), p -> Cells.money(p.price(), currency(vm))), "¥1999.00"));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.started"), p -> p.startedAt() == null ? ""
                : m.get("launches.phases.startedOn", Cells.when(p.startedAt(), vm.zone()), Cells.number(p.reached()))),
                m.get("launches.phases.startedOn", "12-31 23:59", "999")));
        Tables.fit(table, "launch-phases");
        table.setPrefHeight(170);

        ComboBox<PhaseKind> kind = new ComboBox<>(FXCollections.observableArrayList(PhaseKind.values()));
        kind.setId("launch-phase-kind");
        kind.setValue(PhaseKind.WARMUP);
        kind.setConverter(Shown.as(k -> m.get("launches.kind." + k.code())));
        TextField from = LaunchForm.field("launch-phase-from");
        from.setPromptText("2026-12-01");
        TextField to = LaunchForm.field("launch-phase-to");
        to.setPromptText("2026-12-07T20:00");
        ComboBox<String> audienceKind = new ComboBox<>(FXCollections.observableArrayList(NONE, "segment", "group", "tier"));
        audienceKind.setId("launch-phase-audience-kind");
        audienceKind.setValue(NONE);
        audienceKind.setConverter(Shown.as(a -> m.get("launches.audience." + a)));
        audienceKind.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        kind.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField audience = LaunchForm.field("launch-phase-audience");
        com.fankeep.ui.common.Fields.fitPrompt(audience); // "e.g. iron_fan, or a group name" was clipped in English
        audience.setPromptText(m.get("launches.phase.audiencePrompt"));
        audience.disableProperty().bind(audienceKind.valueProperty().isEqualTo(NONE));
        TextField quota = LaunchForm.field("launch-phase-quota");
        TextField per = LaunchForm.field("launch-phase-per");
        TextField price = LaunchForm.field("launch-phase-price");
        for (TextField f : new TextField[] {quota, per, price}) {
            f.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> kind.getValue() == null
                    || !kind.getValue().sells(), kind.valueProperty()));
        }

        table.getSelectionModel().selectedItemProperty().addListener((o, was, p) -> {
            if (p == null) {
                return;
            }
            ZoneId zone = vm.zone();
            kind.setValue(p.kind());
            from.setText(p.from() == null ? "" : INPUT.format(p.from().atZoneSameInstant(zone)));
            to.setText(p.to() == null ? "" : INPUT.format(p.to().atZoneSameInstant(zone)));
            audienceKind.setValue(p.audienceKind() == null ? NONE : p.audienceKind());
            audience.setText(p.audienceValue() == null ? "" : p.audienceValue());
            quota.setText(Cells.number(p.quota()));
            per.setText(Cells.number(p.perCustomer()));
            price.setText(p.price() == null ? "" : p.price().toPlainString());
        });

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // labels whole; the inputs give way
        ColumnConstraints input = new ColumnConstraints();
        input.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(label, input, label, input, label, input);
        g.addRow(0, new Label(m.get("launches.phase.kind")), kind, new Label(m.get("launches.phase.from")), from,
                new Label(m.get("launches.phase.to")), to);
        g.addRow(1, new Label(m.get("launches.phase.audience")), audienceKind, new Label(m.get("launches.phase.audienceValue")), audience);
        g.addRow(2, new Label(m.get("launches.phase.quota")), quota, new Label(m.get("launches.phase.per")), per,
                new Label(m.get("launches.phase.price")), price);

        Button save = new Button(m.get("launches.phase.save"));
        save.setId("launch-phase-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> {
            try {
                ZoneId zone = vm.zone();
                boolean sells = kind.getValue().sells();
                String ak = NONE.equals(audienceKind.getValue()) ? null : audienceKind.getValue();
                vm.savePhase(new PhaseSpec(kind.getValue(), LaunchTimes.parse(from.getText(), zone, false),
                        LaunchTimes.parse(to.getText(), zone, true), ak, ak == null ? null : audience.getText().strip(),
                        sells ? LaunchForm.integer(quota) : null, sells ? LaunchForm.integer(per) : null,
                        sells ? LaunchForm.decimal(price) : null));
            } catch (NumberFormatException bad) {
                vm.showError(m.get("launches.badNumber"));
            } catch (RefusedException bad) {
                vm.showError(bad.localized(m));
            }
        });
        Button start = new Button(m.get("launches.phase.start"));
        start.setId("launch-phase-start");
        start.setOnAction(e -> vm.start(kind.getValue()));
        Label hint = new Label(m.get("launches.phase.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox actions = new HBox(8, save, start, hint);
        actions.setAlignment(Pos.CENTER_LEFT);

        java.util.function.Consumer<Launch> show = l -> {
            timeline.show(l, vm.zone(), vm.today());
            table.getItems().setAll(l == null ? java.util.List.of() : l.phases());
        };
        vm.launchProperty().addListener((o, was, l) -> show.accept(l));
        show.accept(vm.launchProperty().get()); // built anew with a launch chosen
        root = new VBox(8, timeline, table, g, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private static String currency(LaunchesViewModel vm) {
        Launch l = vm.launchProperty().get();
        return l == null ? "CNY" : l.currency();
    }

    Node node() {
        return root;
    }
}
