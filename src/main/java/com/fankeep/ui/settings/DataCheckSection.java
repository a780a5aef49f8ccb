package com.fankeep.ui.settings;

import com.fankeep.core.shared.Messages;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/** The data check part of Settings: one button and what the last check found. */
public final class DataCheckSection {

    private DataCheckSection() {
    }

    public static Node build(DataCheckViewModel vm, Messages m) {
        Label status = new Label();
        status.setId("datacheck-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Button check = new Button(m.get("datacheck.button"), new FontIcon(MaterialDesignD.DATABASE_CHECK_OUTLINE));
        check.setId("datacheck-now");
        check.setOnAction(e -> vm.checkNow());
        check.disableProperty().bind(vm.busyProperty());
        return SettingsView.section(MaterialDesignD.DATABASE_CHECK_OUTLINE, m.get("datacheck.title"), m.get("datacheck.hint"),
                new VBox(10, check, status));
    }
}
