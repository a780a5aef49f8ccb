package com.fankeep.ui.recovery;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Settings page's "Win back old customers" section: after how many quiet days someone is lapsed, the shop's name. */
public final class RecoverySettingsSection {

    private final VBox root;

    public RecoverySettingsSection(RecoveryViewModel vm, Messages m) {
        Label heading = new Label(m.get("recovery.settings.title"), new FontIcon(RecoveryView.ICON));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(m.get("recovery.settings.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);

        Spinner<Integer> days = new Spinner<>(1, 3650, vm.lapseDaysProperty().get(), 30);
        days.setId("settings-lapse-days");
        days.setEditable(true);
        vm.lapseDaysProperty().addListener((o, was, now) -> days.getValueFactory().setValue(now.intValue()));
        TextField shop = new TextField(vm.shopNameProperty().get());
        shop.setId("settings-shop-name");
        shop.setPromptText(m.get("export.vcard.defaultShop"));
        vm.shopNameProperty().addListener((o, was, now) -> shop.setText(now));
        Button save = new Button(m.get("recovery.settings.save"));
        save.setId("settings-recovery-save");
        save.setOnAction(e -> {
            vm.setLapseDays(days.getValue());
            vm.saveShopName(shop.getText());
        });
        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label(m.get("recovery.lapseDays")), days);
        grid.addRow(1, new Label(m.get("recovery.settings.shopName")), shop);
        grid.add(save, 1, 2);
        grid.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, heading, hint, grid);
        root.getStyleClass().add("settings-section");
        vm.loadSettings();
    }

    public Node node() {
        return root;
    }
}
