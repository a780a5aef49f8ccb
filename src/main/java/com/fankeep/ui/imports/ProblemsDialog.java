package com.fankeep.ui.imports;

import atlantafx.base.theme.Styles;
import com.fankeep.core.importing.ImportBatch;
import com.fankeep.core.shared.Messages;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** "Show problems": every problem of one imported file, with "Export problems to CSV…" for Excel. */
final class ProblemsDialog {

    private ProblemsDialog() {
    }

    static void show(Window owner, ImportsViewModel vm, ImportBatch batch, List<ProblemRow> rows, Messages m) {
        ImportTexts t = new ImportTexts(m);
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null && owner.isShowing()) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.setTitle(m.get("imports.problems.title", batch.fileName()));
        dialog.setHeaderText(t.count("imports.problems.header", rows.size(), batch.fileName())); // the file, once

        TableView<ProblemRow> table = ProblemTable.create(rows, m);
        table.setId("problem-table");
        table.setPrefHeight(360);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button export = new Button(m.get("imports.problems.export"), new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("export-problems");
        export.setMnemonicParsing(false);
        export.setDisable(rows.isEmpty());
        Label saved = new Label();
        saved.setId("problems-saved");
        saved.getStyleClass().add(Styles.TEXT_MUTED);
        saved.setWrapText(true);
        HBox.setHgrow(saved, Priority.ALWAYS);
        export.setOnAction(e -> vm.exportProblems(batch, saved::setText));
        HBox bottom = new HBox(12, export, saved);
        bottom.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(12, table, bottom);
        content.getStyleClass().add("problems-content");
        content.setPrefWidth(820);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStyleClass().add("wide-dialog");
        dialog.getDialogPane().getStylesheets().add(ProblemsDialog.class.getResource("/css/fankeep.css").toExternalForm());
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(m.get("dialog.close"), ButtonData.CANCEL_CLOSE));
        dialog.show();
    }
}
