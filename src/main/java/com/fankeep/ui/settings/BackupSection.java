package com.fankeep.ui.settings;

import atlantafx.base.theme.Styles;
import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.BackupKind;
import com.fankeep.core.shared.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The backups part of Settings: where they go (changeable), what the last "Back up now" did (it stays shown), the
 * list of backups (date, made by, size, customers, orders) to restore or delete one, and "choose another file…".
 */
final class BackupSection {

    private BackupSection() {
    }

    static Node build(BackupViewModel vm, Messages m) {
        Label folder = new Label();
        folder.setId("backup-folder");
        folder.setWrapText(true);
        folder.textProperty().bind(Bindings.createStringBinding(() -> vm.folderProperty().get() == null ? ""
                : m.get("safety.backup.folder", vm.folderProperty().get()), vm.folderProperty()));
        Button changeFolder = new Button(m.get("safety.backup.folder.change"), new FontIcon(MaterialDesignF.FOLDER_MOVE_OUTLINE));
        changeFolder.setId("backup-folder-change");
        changeFolder.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the long folder path gives way, not "Change folde..."
        changeFolder.setOnAction(e -> vm.chooseFolder());
        HBox.setHgrow(folder, Priority.ALWAYS);
        folder.setMaxWidth(Double.MAX_VALUE);
        HBox folderRow = new HBox(8, folder, changeFolder);
        folderRow.setAlignment(Pos.CENTER_LEFT);

        Label result = new Label();
        result.setId("backup-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.lastResultProperty());
        result.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.SUCCESS);
        result.visibleProperty().bind(vm.lastResultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        Label status = new Label();
        status.setId("backup-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(Bindings.isNotEmpty(vm.backups())); // the empty list says "no backup yet"
        status.managedProperty().bind(status.visibleProperty());

        TableView<BackupInfo> table = table(vm, m);

        Button now = new Button(m.get("safety.backup.now"), new FontIcon(MaterialDesignD.DATABASE_EXPORT_OUTLINE));
        now.setId("backup-now");
        now.getStyleClass().add(Styles.ACCENT);
        now.setOnAction(e -> vm.backupNow());
        Button restore = new Button(m.get("safety.restore.selected"), new FontIcon(MaterialDesignR.RESTORE));
        restore.setId("backup-restore");
        restore.setOnAction(e -> vm.restore(vm.selectedProperty().get()));
        Button other = new Button(m.get("safety.restore.other"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        other.setId("backup-restore-other");
        other.setOnAction(e -> vm.restoreOtherFile());
        Button delete = new Button(m.get("safety.backup.delete.button"), new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("backup-delete");
        delete.setOnAction(e -> vm.delete(vm.selectedProperty().get()));
        now.disableProperty().bind(vm.busyProperty());
        other.disableProperty().bind(vm.busyProperty());
        changeFolder.disableProperty().bind(vm.busyProperty());
        restore.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
        delete.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
        FlowPane buttons = new FlowPane(8, 8, now, restore, delete, other);
        buttons.setAlignment(Pos.CENTER_LEFT);

        vm.refresh();
        return SettingsView.section(MaterialDesignB.BACKUP_RESTORE, m.get("safety.backup.title"), m.get("safety.backup.hint"),
                new VBox(10, folderRow, result, status, table, buttons));
    }

    private static TableView<BackupInfo> table(BackupViewModel vm, Messages m) {
        TableView<BackupInfo> table = new TableView<>(vm.backups());
        table.setId("backup-list");
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("safety.backup.none")));
        table.getColumns().add(column(m.get("safety.backup.col.date"), b -> BackupViewModel.WHEN.format(b.createdAt()), 130));
        table.getColumns().add(column(m.get("safety.backup.col.kind"), vm::kind, 110));
        table.getColumns().add(column(m.get("safety.backup.col.size"), b -> size(b.fileBytes()), 80));
        table.getColumns().add(column(m.get("safety.backup.col.customers"), b -> String.format("%,d", b.rows("customer")), 80));
        table.getColumns().add(column(m.get("safety.backup.col.orders"), b -> String.format("%,d", b.rows("shop_order")), 80));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((o, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<BackupInfo> row = new javafx.scene.control.TableRow<>() {
                @Override
                protected void updateItem(BackupInfo item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(MANUAL, !empty && item != null && item.kind() == BackupKind.MANUAL);
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.restore(row.getItem());
                }
            });
            return row;
        });
        return table;
    }

    private static final javafx.css.PseudoClass MANUAL = javafx.css.PseudoClass.getPseudoClass("manual");

    private static TableColumn<BackupInfo, String> column(String title, java.util.function.Function<BackupInfo, String> text,
                                                          double width) {
        TableColumn<BackupInfo, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** 35.2 MB, 812 KB: enough to compare backups. */
    static String size(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format("%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format("%,d KB", Math.max(1, (bytes + 1023) / 1024));
    }
}
