package com.fankeep.ui.settings;

import com.fankeep.core.importing.currency.ShopCurrencies;
import com.fankeep.core.shared.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Each platform with the currency its exports' unlabelled amounts are read in; a pick is saved at once. */
public final class CurrencySection {

    private CurrencySection() {
    }

    public static Node build(CurrencySettingsModel vm, Messages m) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        grid.setAlignment(Pos.CENTER_LEFT);
        Map<String, ComboBox<String>> boxes = new LinkedHashMap<>();
        boolean[] filling = new boolean[1];   // values set from the model are not picks
        int row = 0;
        for (String platform : ShopCurrencies.PLATFORMS) {
            String key = "customers.platform." + platform;
            Label name = new Label(m.bundle().containsKey(key) ? m.get(key) : platform);
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(ShopCurrencies.COMMON));
            box.setId("currency-" + platform);
            box.setPromptText(m.get("import.currency.none"));
            box.setOnAction(e -> {
                if (!filling[0] && box.getValue() != null) {
                    vm.set(platform, box.getValue());
                }
            });
            boxes.put(platform, box);
            grid.addRow(row++, name, box);
        }
        Runnable fill = () -> {
            filling[0] = true;
            try {
                vm.codesProperty().get().forEach((platform, code) -> {
                    ComboBox<String> box = boxes.get(platform);
                    if (box != null) {
                        if (code != null && !box.getItems().contains(code)) {
                            box.getItems().add(code);
                        }
                        box.setValue(code);
                    }
                });
            } finally {
                filling[0] = false;
            }
        };
        vm.codesProperty().addListener((o, was, now) -> fill.run());
        fill.run();
        Label status = new Label();
        status.setId("currency-status");
        status.textProperty().bind(vm.statusProperty());
        vm.load();
        return SettingsView.section(MaterialDesignC.CASH_MULTIPLE, m.get("import.currency.title"),
                m.get("import.currency.hint"), new VBox(10, grid, status));
    }
}
