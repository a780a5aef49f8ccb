package com.fankeep.ui.customers;

import com.fankeep.core.customer.CustomerRow;
import com.fankeep.core.shared.Messages;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Bulk "referred by": search one customer (name, phone, nickname) and pick them as the referrer of the selection.
 * The search runs off the FX thread; the selected customers themselves are not offered.
 */
final class ReferredByDialog {

    private ReferredByDialog() {
    }

    /** The chosen referrer, or empty when cancelled. */
    static Optional<CustomerRow> pick(Window owner, Messages m, CustomersViewModel vm, List<Long> selected) {
        Dialog<CustomerRow> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.get("referrals.bulk.title"));
        dialog.setHeaderText(m.get("referrals.bulk.header", selected.size()));
        TextField search = new TextField();
        search.setId("referrer-search");
        search.setPromptText(m.get("referrals.bulk.searchPrompt"));
        ListView<CustomerRow> hits = new ListView<>();
        hits.setId("referrer-hits");
        hits.setPrefSize(420, 220);
        hits.setPlaceholder(new Label(m.get("referrals.bulk.none")));
        hits.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CustomerRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : label(r));
            }
        });
        search.textProperty().addListener((o, was, now) -> vm.find(now, 20, rows -> {
            if (now.equals(search.getText())) { // an older search answering late is dropped
                hits.getItems().setAll(rows.stream().filter(r -> !selected.contains(r.id())).toList());
                if (!hits.getItems().isEmpty()) {
                    hits.getSelectionModel().selectFirst();
                }
            }
        }));
        ButtonType set = new ButtonType(m.get("referrals.bulk.set"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(set, new ButtonType(m.get("referrals.bulk.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(set).setId("referrer-set");
        dialog.getDialogPane().lookupButton(set).disableProperty().bind(hits.getSelectionModel().selectedItemProperty().isNull());
        dialog.getDialogPane().setContent(new VBox(8, search, hits));
        dialog.setResultConverter(b -> b == set ? hits.getSelectionModel().getSelectedItem() : null);
        javafx.application.Platform.runLater(search::requestFocus);
        return dialog.showAndWait();
    }

    /** 小林 · 上海 · #12 (a customer without a name shows a nickname). */
    static String label(CustomerRow r) {
        String name = r.name() != null && !r.name().isBlank() ? r.name() : r.nicknames().isEmpty() ? "" : r.nicknames().getFirst();
        return (name.isEmpty() ? "" : name + " · ") + (r.city() == null ? "" : r.city() + " · ") + "#" + r.id();
    }
}
