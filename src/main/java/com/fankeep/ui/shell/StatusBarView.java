package com.fankeep.ui.shell;

import com.fankeep.core.insight.Stats;
import com.fankeep.core.shared.Messages;
import java.util.function.ToLongFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** The bottom line of the window: where the data is, and how many customers and orders it holds. */
final class StatusBarView {

    private final HBox root = new HBox();

    StatusBarView(StatusBarViewModel vm, Messages m) {
        String folder = vm.dataFolder().toString();
        Label dataFolder = new Label(m.get("status.dataFolder", folder), new FontIcon(MaterialDesignF.FOLDER_OUTLINE));
        dataFolder.setId("status-data-folder");
        // The end of a long path says most (…/FanKeep), so the start is what gets cut.
        dataFolder.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        dataFolder.setTooltip(new Tooltip(folder));
        dataFolder.setMinWidth(0);
        HBox.setHgrow(dataFolder, Priority.ALWAYS);
        dataFolder.setMaxWidth(Double.MAX_VALUE);

        Label customers = count(vm, m, "status.customers", Stats::customers, MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE);
        customers.setId("status-customers");
        Label orders = count(vm, m, "status.orders", Stats::orders, MaterialDesignC.CART_OUTLINE);
        orders.setId("status-orders");

        root.getChildren().addAll(dataFolder, customers, orders);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("status-bar");
    }

    private static Label count(StatusBarViewModel vm, Messages m, String key, ToLongFunction<Stats> value,
                               Ikon icon) {
        Label label = new Label("", new FontIcon(icon));
        label.setMinWidth(Label.USE_PREF_SIZE);
        StringBinding text = Bindings.createStringBinding(() -> {
            Stats s = vm.statsProperty().get();
            if (vm.failedProperty().get()) {
                return m.get(key, m.get("status.unavailable"));
            }
            return s == null ? m.get(key, m.get("status.loading")) : m.get(key, value.applyAsLong(s));
        }, vm.statsProperty(), vm.failedProperty());
        label.textProperty().bind(text);
        return label;
    }

    Node node() {
        return root;
    }
}
