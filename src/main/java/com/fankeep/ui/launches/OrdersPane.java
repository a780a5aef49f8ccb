package com.fankeep.ui.launches;

import com.fankeep.core.launch.FanConversion;
import com.fankeep.core.launch.WindowOrder;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Tables;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The first batch's orders: each allocated fan allocated → paid → delivered, and the window's unmatched orders to assign. */
final class OrdersPane {

    private final VBox root;

    OrdersPane(LaunchesViewModel vm, Messages m) {
        TableView<FanConversion> fans = new TableView<>(vm.fans());
        fans.setId("launch-orders-fans");
        fans.setPlaceholder(new Label(m.get("launches.orders.noFans")));
        fans.getColumns().add(Cells.column(m.get("launches.col.customer"), FanConversion::name));
        fans.getColumns().add(Cells.column(m.get("launches.col.allocated"), f -> Integer.toString(f.allocated())));
        fans.getColumns().add(Cells.column(m.get("launches.col.state"), f -> m.get("launches.conv." + f.state())));
        fans.getColumns().add(Cells.column(m.get("launches.col.order"), f -> f.externalOrderId() == null ? ""
                : f.externalOrderId() + (f.byHand() ? " " + m.get("launches.orders.byHand") : "")));
        fans.getColumns().add(Cells.column(m.get("launches.col.paid"), f -> Cells.money(f.paidAmount(), currency(vm))));
        fans.getColumns().add(Cells.column(m.get("launches.col.paidAt"), f -> Cells.when(f.paidAt(), vm.zone())));
        Tables.fit(fans, "launch-orders-fans");
        VBox.setVgrow(fans, Priority.ALWAYS);

        TableView<WindowOrder> unmatched = new TableView<>(vm.unmatched());
        unmatched.setId("launch-orders-unmatched");
        unmatched.setPlaceholder(new Label(m.get("launches.orders.noUnmatched")));
        unmatched.getColumns().add(Cells.column(m.get("launches.col.order"), WindowOrder::externalId));
        unmatched.getColumns().add(Cells.column(m.get("launches.col.buyer"), o -> o.buyer() == null ? "" : o.buyer()));
        unmatched.getColumns().add(Cells.column(m.get("launches.col.ordered"), o -> Cells.when(o.orderedAt(), vm.zone())));
        unmatched.getColumns().add(Cells.column(m.get("launches.col.paid"), o -> o.paid() ? Cells.money(o.paidAmount(), o.currency()) : ""));
        unmatched.getColumns().add(Cells.column(m.get("launches.col.lines"), o -> o.lines().stream()
                .map(l -> (l.title() == null ? l.sku() : l.title()) + " ×" + l.quantity()).collect(Collectors.joining("; "))));
        Tables.fit(unmatched, "launch-orders-unmatched");
        VBox.setVgrow(unmatched, Priority.ALWAYS);

        CustomerPicker picker = new CustomerPicker(vm, m, "launch-assign");
        Button assign = new Button(m.get("launches.orders.assign"));
        assign.setId("launch-assign");
        assign.disableProperty().bind(Bindings.createBooleanBinding(() -> picker.value() == null
                || unmatched.getSelectionModel().getSelectedItem() == null, picker.who.valueProperty(),
                unmatched.getSelectionModel().selectedItemProperty()));
        assign.setOnAction(e -> vm.assign(unmatched.getSelectionModel().getSelectedItem(), picker.value()));
        HBox.setHgrow(picker.query, Priority.ALWAYS);
        HBox row = LaunchesView.row(new Label(m.get("launches.orders.assignTo")), picker.query, picker.who, assign);
        Label fansTitle = new Label(m.get("launches.orders.fans"));
        fansTitle.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
        Label unmatchedTitle = new Label(m.get("launches.orders.unmatched"));
        unmatchedTitle.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
        root = new VBox(6, fansTitle, fans, unmatchedTitle, unmatched, row);
    }

    private static String currency(LaunchesViewModel vm) {
        return vm.launchProperty().get() == null ? "CNY" : vm.launchProperty().get().currency();
    }

    Node node() {
        return root;
    }
}
