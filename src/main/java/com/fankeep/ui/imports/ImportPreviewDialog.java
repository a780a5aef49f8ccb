package com.fankeep.ui.imports;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The preview of a prepared import: what each file brings in plain words, the files that could not be read and why,
 * the first rows with problems, and two buttons named for what they do ("Import 31 orders" / "Don't import"). Lives
 * at window level, so it appears whichever page the owner is on when reading has finished.
 */
public final class ImportPreviewDialog {

    /** Refused files beyond this many start folded, so a folder full of unknown files does not push the rest away. */
    private static final int REFUSED_SHOWN_OPEN = 3;
    private static final double MAX_CONTENT_HEIGHT = 440;
    private static final int PROBLEM_ROWS_SHOWN = 5;
    private static final double WIDTH = 780;

    private ImportPreviewDialog() {
    }

    /** Shows a preview whenever {@code flow} has one; the answer goes back to the flow (closing the dialog = don't import). */
    public static void showWhenReady(Stage owner, ImportFlow flow, Supplier<Messages> messages) {
        flow.previewProperty().addListener((o, was, preview) -> {
            if (preview != null) {
                show(owner, flow, preview, messages.get());
            }
        });
    }

    private static void show(Stage owner, ImportFlow flow, ImportPreview p, Messages m) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner.isShowing()) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.setTitle(m.get("imports.preview.title"));
        dialog.setHeaderText(p.heading());
        dialog.getDialogPane().setId("import-preview");
        dialog.getDialogPane().getStyleClass().addAll("import-preview", "wide-dialog");
        dialog.getDialogPane().getStylesheets().add(ImportPreviewDialog.class.getResource("/css/fankeep.css").toExternalForm());
        String[] reread = new String[1];
        Node currency = flow.currency() == null || !p.canImport() ? null
                : CurrencyChoice.node(flow.currency(), m, code -> {
                    reread[0] = code;
                    dialog.close();
                });
        dialog.getDialogPane().setContent(content(p, m, currency));
        dialog.getDialogPane().setPrefWidth(WIDTH);

        ButtonType importType = p.canImport() ? new ButtonType(p.importText(), ButtonData.OK_DONE) : null;
        ButtonType closeType = new ButtonType(p.closeText(), ButtonData.CANCEL_CLOSE);
        if (importType != null) {
            dialog.getDialogPane().getButtonTypes().add(importType);
            Button importButton = (Button) dialog.getDialogPane().lookupButton(importType);
            importButton.setId("preview-import");
            importButton.getStyleClass().add(Styles.ACCENT);
            importButton.setMnemonicParsing(false);
        }
        dialog.getDialogPane().getButtonTypes().add(closeType);
        Button close = (Button) dialog.getDialogPane().lookupButton(closeType);
        close.setId("preview-close");
        close.setMnemonicParsing(false);

        dialog.setOnHidden(e -> {
            if (reread[0] != null) {
                flow.rereadIn(reread[0]);
            } else if (importType != null && dialog.getResult() == importType) {
                flow.accept();
            } else {
                flow.decline();
            }
        });
        dialog.show();
    }

    private static Node content(ImportPreview p, Messages m, Node currency) {
        VBox box = new VBox(14);
        box.getStyleClass().add("preview-content");
        if (p.totals() != null) {
            Label totals = new Label(p.totals());
            totals.setId("preview-totals");
            totals.getStyleClass().addAll(Styles.TITLE_4, "preview-totals");
            totals.setWrapText(true);
            box.getChildren().add(totals);
        }
        if (currency != null) {
            box.getChildren().add(currency);
        }
        VBox files = new VBox(8);
        for (ImportPreview.Line f : p.files()) {
            files.getChildren().add(fileLine(f, new FontIcon(MaterialDesignF.FILE_CHECK_OUTLINE), "preview-file"));
        }
        box.getChildren().add(files);
        if (!p.refused().isEmpty()) {
            // One reason, the files it applies to: a folder of unknown files should not repeat the same sentence.
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            p.refused().forEach(f -> byReason.computeIfAbsent(f.detail(), k -> new ArrayList<>()).add(f.file()));
            VBox refused = new VBox(10);
            byReason.forEach((reason, names) -> refused.getChildren().add(
                    fileLine(new ImportPreview.Line(reason, "", String.join(", ", names)),
                            new FontIcon(MaterialDesignF.FILE_CANCEL_OUTLINE), "preview-refused-reason")));
            TitledPane pane = new TitledPane(new ImportTexts(m).count("imports.preview.refused", p.refused().size()), refused);
            pane.setId("preview-refused");
            pane.setExpanded(p.refused().size() <= REFUSED_SHOWN_OPEN);
            box.getChildren().add(pane);
        }
        rowsByFile(box, p.problems(), p.moreProblems(), "preview-problems",
                new Label(m.get("imports.preview.problems"), new FontIcon(MaterialDesignA.ALERT_OUTLINE)), m);
        rowsByFile(box, p.notes(), p.moreNotes(), "preview-notes",
                new Label(m.get("imports.preview.notes"), new FontIcon(MaterialDesignI.INFORMATION_OUTLINE)), m);
        if (p.note() != null) {
            Label note = new Label(p.note(), new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
            note.getStyleClass().add(Styles.TEXT_MUTED);
            note.setWrapText(true);
            box.getChildren().add(note);
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        // As tall as what it shows, up to a limit, measured once before the dialog opens; taller content scrolls.
        // (Resizing the window from a height listener left the content unlaid in a window that had grown.)
        box.applyCss();
        scroll.setPrefViewportHeight(Math.min(box.prefHeight(WIDTH - 40), MAX_CONTENT_HEIGHT));
        scroll.getStyleClass().add("preview-scroll");
        return scroll;
    }

    /** A heading, then for each file its name once and a table of its rows (the file is not repeated per row). */
    private static void rowsByFile(VBox box, List<ProblemRow> rows, String more, String id, Label heading, Messages m) {
        if (rows.isEmpty()) {
            return;
        }
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.setWrapText(true);
        heading.setId(id + "-heading");
        box.getChildren().add(heading);
        Map<String, List<ProblemRow>> byFile = new LinkedHashMap<>();
        rows.forEach(r -> byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r));
        byFile.forEach((file, fileRows) -> {
            Label name = new Label(file, new FontIcon(MaterialDesignF.FILE_OUTLINE));
            name.getStyleClass().add("preview-problem-file");
            TableView<ProblemRow> table = ProblemTable.create(fileRows, m);
            table.setId(id);
            table.setPrefHeight(ProblemTable.heightFor(Math.min(fileRows.size(), PROBLEM_ROWS_SHOWN)));
            table.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().addAll(name, table);
        });
        if (more != null) {
            Label moreLabel = new Label(more);
            moreLabel.getStyleClass().add(Styles.TEXT_MUTED);
            moreLabel.setWrapText(true);
            box.getChildren().add(moreLabel);
        }
    }

    private static Node fileLine(ImportPreview.Line f, FontIcon icon, String styleClass) {
        Label name = new Label(f.file(), icon);
        name.getStyleClass().addAll(Styles.TEXT_BOLD, "preview-file-name");
        name.setWrapText(true);
        Node title = name;
        if (!f.kind().isEmpty()) {
            Label kind = new Label(f.kind());
            kind.getStyleClass().add("format-chip");
            HBox row = new HBox(10, name, kind);
            row.setAlignment(Pos.CENTER_LEFT);
            title = row;
        }
        Label detail = new Label(f.detail());
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, "preview-file-detail");
        detail.setWrapText(true);
        VBox line = new VBox(2, title, detail);
        line.getStyleClass().add(styleClass);
        return line;
    }
}
