package com.fankeep.ui.launches;

import com.fankeep.core.customer.CustomerRow;
import com.fankeep.core.shared.Messages;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/** A quick search by name, phone, nickname or pinyin and the customer it found (the best match chosen at once). */
final class CustomerPicker {

    final TextField query = new TextField();
    final ComboBox<CustomerRow> who;
    private final ObservableList<CustomerRow> found = FXCollections.observableArrayList();

    CustomerPicker(LaunchesViewModel vm, Messages m, String id) {
        query.setId(id + "-search");
        query.setPromptText(m.get("launches.pick.search"));
        who = new ComboBox<>(found);
        who.setId(id + "-who");
        who.setPrefWidth(170);
        query.setMinWidth(120);
        who.setPromptText(m.get("launches.pick.none"));
        who.setConverter(new StringConverter<>() {
            @Override
            public String toString(CustomerRow c) {
                return c == null ? "" : c.name() + " #" + c.id() + (c.tier() == null ? "" : " · " + m.get("launch.tier." + c.tier()));
            }

            @Override
            public CustomerRow fromString(String s) {
                return null;
            }
        });
        query.textProperty().addListener((o, was, now) -> vm.findCustomers(now, rows -> {
            if (now.equals(query.getText())) { // an older answer arriving late is dropped
                found.setAll(rows);
                if (rows.isEmpty()) {
                    who.setValue(null);
                } else {
                    who.getSelectionModel().selectFirst();
                }
            }
        }));
    }

    CustomerRow value() {
        return who.getValue();
    }

    /** Ready for the next entry: the search cleared and focused. */
    void reset() {
        query.clear();
        found.clear();
        who.setValue(null);
        query.requestFocus();
    }
}
