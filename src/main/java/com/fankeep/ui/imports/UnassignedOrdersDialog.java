package com.fankeep.ui.imports;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.unassigned.BuyerGroup;
import com.fankeep.core.unassigned.Evidence;
import com.fankeep.core.unassigned.Suggestion;
import com.fankeep.ui.common.Tables;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * "Review…" of orders without a customer: one row per unidentified buyer with the strongest suggestion and its
 * evidence; "Attach to this customer" attaches all the buyer's orders, "Create customer…" makes a new customer for the
 * buyer with them ({@link NewBuyerCustomerDialog}), "Undo last attach" takes either back.
 */
final class UnassignedOrdersDialog {

    private UnassignedOrdersDialog() {
    }

    static void show(Window owner, UnassignedOrdersModel model, Messages m) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null && owner.isShowing()) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.setTitle(m.get("orders.unassigned.title"));
        Label hint = new Label(m.get("orders.unassigned.hint"));
        hint.setWrapText(true);
        // the dialog keeps its height once shown: without this, a long evidence line squeezes the wrapped labels to
        // one line each ("… Pick a ...") instead of taking the room from the table
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add(Styles.TEXT_MUTED);

        TableView<BuyerGroup> table = new TableView<>(model.groups());
        table.setId("unassigned-table");
        table.getColumns().add(column(m.get("orders.unassigned.column.buyer"),
                g -> String.join("  ", nz(g.name()), nz(g.phone())).strip()));
        table.getColumns().add(column(m.get("orders.unassigned.column.place"), g -> nz(g.place())));
        table.getColumns().add(column(m.get("orders.unassigned.column.orders"), g -> Integer.toString(g.orders().size())));
        table.getColumns().add(column(m.get("orders.unassigned.column.suggestion"), g -> top(g) == null
                ? m.get("orders.unassigned.none") : "#" + top(g).customerId() + " " + nz(top(g).name())));
        Tables.fit(table, "unassigned-orders");
        table.setPrefHeight(340);
        VBox.setVgrow(table, Priority.ALWAYS);

        var selected = table.getSelectionModel().selectedItemProperty();
        // the evidence of the selected buyer's strongest suggestion, wrapped under the table (it can be long)
        Label evidence = new Label();
        evidence.setId("unassigned-evidence");
        evidence.setWrapText(true);
        evidence.setMinHeight(Region.USE_PREF_SIZE);
        evidence.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null || top(selected.get()) == null
                ? "" : m.get("common.labelValue", m.get("orders.unassigned.column.evidence"),
                Evidence.text(m, top(selected.get()).evidence())), selected));
        Button attach = new Button(m.get("orders.unassigned.attach"), new FontIcon(MaterialDesignA.ACCOUNT_ARROW_LEFT_OUTLINE));
        attach.setId("attach-unassigned");
        attach.setMnemonicParsing(false);
        attach.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null || top(selected.get()) == null,
                selected));
        attach.setOnAction(e -> model.attach(selected.get(), top(selected.get()).customerId()));
        Button make = new Button(m.get("orders.unassigned.new"), new FontIcon(MaterialDesignA.ACCOUNT_PLUS_OUTLINE));
        make.setId("new-customer-unassigned");
        make.setMnemonicParsing(false);
        make.disableProperty().bind(selected.isNull());
        make.setOnAction(e -> {
            BuyerGroup group = selected.get();
            NewBuyerCustomerDialog.show(dialog.getDialogPane().getScene().getWindow(), group, m,
                    (name, phone) -> model.createFor(group, name, phone));
        });
        Button undo = new Button(m.get("orders.unassigned.undo"), new FontIcon(MaterialDesignU.UNDO));
        undo.setId("undo-unassigned");
        undo.setMnemonicParsing(false);
        undo.setOnAction(e -> model.undoLast());
        Label status = new Label();
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setId("unassigned-status");
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bottom = new HBox(12, attach, make, undo, status);
        bottom.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(12, hint, table, evidence, bottom);
        content.setPrefWidth(900);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStyleClass().add("wide-dialog");
        dialog.getDialogPane().getStylesheets().add(UnassignedOrdersDialog.class.getResource("/css/fankeep.css").toExternalForm());
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(m.get("dialog.close"), ButtonData.CANCEL_CLOSE));
        model.loadGroups();
        dialog.show();
    }

    private static Suggestion top(BuyerGroup g) {
        return g.suggestions().isEmpty() ? null : g.suggestions().getFirst();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static TableColumn<BuyerGroup, String> column(String title, Function<BuyerGroup, String> value) {
        TableColumn<BuyerGroup, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
