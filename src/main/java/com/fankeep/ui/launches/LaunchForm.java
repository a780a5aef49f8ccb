package com.fankeep.ui.launches;

import atlantafx.base.theme.Styles;
import com.fankeep.core.launch.NewLaunch;
import com.fankeep.core.shared.Messages;
import java.math.BigDecimal;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A new launch: its name, the product and how its orders are recognised, the currency, planned quantity and cost. */
final class LaunchForm {

    private final ScrollPane root;

    LaunchForm(LaunchesViewModel vm, Messages m) {
        TextField name = field("launch-new-name");
        TextField product = field("launch-new-product");
        TextField sku = field("launch-new-sku");
        sku.setPromptText(m.get("launches.new.skuPrompt"));
        TextField currency = field("launch-new-currency");
        currency.setText("CNY");
        TextField quantity = field("launch-new-quantity");
        TextField cost = field("launch-new-cost");
        TextField expiry = field("launch-new-expiry");
        expiry.setText("48");

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // labels whole; the inputs give way
        ColumnConstraints input = new ColumnConstraints();
        input.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(label, input, label, input);
        g.addRow(0, new Label(m.get("launches.new.name")), name, new Label(m.get("launches.new.product")), product);
        g.addRow(1, new Label(m.get("launches.new.sku")), sku, new Label(m.get("launches.new.currency")), currency);
        g.addRow(2, new Label(m.get("launches.new.quantity")), quantity, new Label(m.get("launches.new.cost")), cost);
        g.addRow(3, new Label(m.get("launches.new.expiry")), expiry);
        Label hint = new Label(m.get("launches.new.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Button create = new Button(m.get("launches.new.create"));
        create.setId("launch-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> {
            try {
                vm.create(new NewLaunch(name.getText(), product.getText(), sku.getText(), currency.getText(), integer(quantity),
                        cost.getText().isBlank() ? null : new BigDecimal(cost.getText().strip()), integer(expiry)));
            } catch (NumberFormatException bad) {
                vm.showError(m.get("launches.badNumber"));
            }
        });
        VBox box = new VBox(10, g, hint, create);
        root = new ScrollPane(box);
        root.setFitToWidth(true);
    }

    Node node() {
        return root;
    }

    static Integer integer(TextField f) {
        return f.getText() == null || f.getText().isBlank() ? null : Integer.valueOf(f.getText().strip());
    }

    static BigDecimal decimal(TextField f) {
        return f.getText() == null || f.getText().isBlank() ? null : new BigDecimal(f.getText().strip());
    }

    static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }
}
