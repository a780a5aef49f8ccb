package com.fankeep.ui.settings;

import com.fankeep.core.shared.Messages;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** "Make the database smaller": one button, and the size before and after. */
public final class CompactSection {

    private CompactSection() {
    }

    public static Node build(CompactViewModel vm, Messages m) {
        Label status = new Label();
        status.setId("compact-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Button compact = new Button(m.get("settings.compact.button"), new FontIcon(MaterialDesignA.ARROW_COLLAPSE_VERTICAL));
        compact.setId("compact-now");
        compact.setOnAction(e -> vm.compactNow());
        compact.disableProperty().bind(vm.busyProperty());
        return SettingsView.section(MaterialDesignA.ARROW_COLLAPSE_VERTICAL, m.get("settings.compact.title"),
                m.get("settings.compact.hint"), new VBox(10, compact, status));
    }
}
