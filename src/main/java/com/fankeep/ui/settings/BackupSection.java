package com.fankeep.ui.settings;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The backups part of Settings: where they go, the newest one, back up now, restore. */
final class BackupSection {

    private BackupSection() {
    }

    static Node build(BackupViewModel vm, Messages m) {
        Label folder = new Label(m.get("safety.backup.folder", vm.folder()));
        folder.setWrapText(true);
        Label status = new Label();
        status.setId("backup-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(Styles.TEXT_BOLD);

        Button now = new Button(m.get("safety.backup.now"), new FontIcon(MaterialDesignD.DATABASE_EXPORT_OUTLINE));
        now.setId("backup-now");
        now.setOnAction(e -> vm.backupNow());
        Button restore = new Button(m.get("safety.restore.button"), new FontIcon(MaterialDesignR.RESTORE));
        restore.setId("backup-restore");
        restore.setOnAction(e -> vm.restore());
        now.disableProperty().bind(vm.busyProperty());
        restore.disableProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(8, now, restore);
        buttons.setAlignment(Pos.CENTER_LEFT);

        vm.refresh();
        return SettingsView.section(MaterialDesignB.BACKUP_RESTORE, m.get("safety.backup.title"), m.get("safety.backup.hint"),
                new VBox(10, folder, status, buttons));
    }
}
