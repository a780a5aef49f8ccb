package com.fankeep.ui.imports;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.unassigned.BuyerGroup;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * "Create customer…" for one unidentified buyer: the name (filled with what the export showed, e.g. 张**, for the owner
 * to type the real one) and the phone if they know it. Not waited for: the answer goes to {@code create}.
 */
final class NewBuyerCustomerDialog {

    private NewBuyerCustomerDialog() {
    }

    static void show(Window owner, BuyerGroup group, Messages m, BiConsumer<String, String> create) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null && owner.isShowing()) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(m.get("orders.unassigned.new.title"));
        String shown = String.join("  ", nz(group.name()), nz(group.phone()), nz(group.place())).strip();
        Label hint = new Label(m.get("orders.unassigned.new.hint", shown, group.orders().size()));
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        TextField name = new TextField(nz(group.name()));
        name.setId("new-customer-name");
        name.setPrefColumnCount(20);
        TextField phone = new TextField();
        phone.setId("new-customer-phone");
        phone.setPromptText(nz(group.phone()));
        phone.setPrefColumnCount(20);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(m.get("orders.unassigned.new.name")), name);
        form.addRow(1, new Label(m.get("orders.unassigned.new.phone")), phone);
        dialog.getDialogPane().setContent(new VBox(12, hint, form));
        dialog.getDialogPane().getStylesheets().add(NewBuyerCustomerDialog.class.getResource("/css/fankeep.css").toExternalForm());
        ButtonType createType = new ButtonType(m.get("orders.unassigned.new.create", group.orders().size()), ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(createType, new ButtonType(m.get("orders.unassigned.new.cancel"), ButtonData.CANCEL_CLOSE));
        Node createButton = dialog.getDialogPane().lookupButton(createType);
        createButton.setId("new-customer-create");
        createButton.disableProperty().bind(Bindings.createBooleanBinding(() -> name.getText().isBlank(), name.textProperty()));
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == createType) {
                create.accept(name.getText().strip(), phone.getText().isBlank() ? null : phone.getText().strip());
            }
        });
        dialog.show();
        name.requestFocus();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
