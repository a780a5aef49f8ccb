package com.fankeep.ui.launches;

import atlantafx.base.theme.Styles;
import com.fankeep.core.launch.LaunchTimes;
import com.fankeep.core.launch.Reservation;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.RefusedException;
import com.fankeep.ui.common.Tables;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The first batch's requests: record one (customer, quantity, time — now when blank —, channel) and list them all. */
final class ReservationsPane {

    private final VBox root;

    ReservationsPane(LaunchesViewModel vm, Messages m) {
        CustomerPicker picker = new CustomerPicker(vm, m, "launch-reserve");
        TextField quantity = LaunchForm.field("launch-reserve-quantity");
        quantity.setText("1");
        quantity.setPrefWidth(48);
        quantity.setMinWidth(Region.USE_PREF_SIZE); // its "1" stays readable when the row is tight (English, 1366 px)
        TextField at = LaunchForm.field("launch-reserve-at");
        at.setPromptText(m.get("launches.reserve.atPrompt"));
        at.setPrefWidth(150);
        com.fankeep.ui.common.Fields.fitPrompt(at); // "Time (blank: now)" was clipped to 132 px in English; now "Time: now"
        ComboBox<String> channel = LaunchesView.channels(m, "launch-reserve-channel");
        Button record = new Button(m.get("launches.reserve.record"));
        record.setId("launch-reserve-record");
        record.getStyleClass().add(Styles.ACCENT);
        record.disableProperty().bind(picker.who.valueProperty().isNull());
        Runnable submit = () -> {
            if (picker.value() == null) {
                return;
            }
            try {
                vm.reserve(picker.value(), Integer.parseInt(quantity.getText().strip()), LaunchTimes.parse(at.getText(), vm.zone(), false),
                        channel.getValue(), () -> {
                            at.clear();
                            picker.reset();
                        });
            } catch (NumberFormatException bad) {
                vm.showError(m.get("launches.badNumber"));
            } catch (RefusedException bad) {
                vm.showError(bad.localized(m));
            }
        };
        record.setOnAction(e -> submit.run());
        quantity.setOnAction(e -> submit.run());
        HBox.setHgrow(picker.query, Priority.ALWAYS);
        // the search prompt showed "Name, phone or nickn" in English at 1366×768
        com.fankeep.ui.common.Fields.fitPrompt(picker.query);
        Label qty = new Label(m.get("launches.reserve.quantity"));
        HBox entry = LaunchesView.row(picker.query, picker.who, qty, quantity, at, channel, record);

        TableView<Reservation> table = new TableView<>(vm.reservations());
        table.setId("launch-reservations");
        table.setPlaceholder(new Label(m.get("launches.reserve.none")));
        table.getColumns().add(Cells.column(m.get("launches.col.customer"), Reservation::name));
        table.getColumns().add(Cells.column(m.get("launches.col.tier"), r -> m.get("launch.tier." + (r.tier() == null ? "none" : r.tier()))));
        table.getColumns().add(Cells.column(m.get("launches.col.requested"), r -> Integer.toString(r.quantity())));
        table.getColumns().add(Cells.column(m.get("launches.col.asked"), r -> Cells.when(r.requestedAt(), vm.zone())));
        table.getColumns().add(Cells.column(m.get("launches.col.channel"), r -> r.channel() == null ? ""
                : m.get("launches.channel." + r.channel())));
        table.getColumns().add(Cells.column(m.get("launches.col.state"), r -> m.get("launches.state." + r.state())));
        table.getColumns().add(Cells.column(m.get("launches.col.allocated"), r -> Integer.toString(r.allocated())));
        table.getColumns().add(Cells.column(m.get("launches.col.waitlist"), r -> Cells.number(r.waitlistPosition())));
        Tables.fit(table, "launch-reservations");
        VBox.setVgrow(table, Priority.ALWAYS);
        Label count = new Label();
        count.setId("launch-reserve-count");
        vm.reservations().addListener((javafx.collections.ListChangeListener<Reservation>) c -> count.setText(m.get(
                "launches.reserve.count", vm.reservations().stream().filter(r -> !r.state().equals("cancelled")).count(),
                vm.reservations().stream().filter(r -> !r.state().equals("cancelled")).mapToInt(Reservation::quantity).sum())));
        root = new VBox(8, entry, count, table);
    }

    Node node() {
        return root;
    }
}
