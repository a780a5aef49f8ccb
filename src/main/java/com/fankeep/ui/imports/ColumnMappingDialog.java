package com.fankeep.ui.imports;

import atlantafx.base.theme.Styles;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.shared.Messages;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * The column-mapping step: a file FanKeep does not know shows its first rows; the owner picks the header row, maps
 * each column to a field or "ignore", names the mapping, and the import goes on with it. Lives at window level, like
 * the preview that follows it.
 */
public final class ColumnMappingDialog {

    /** Rows the table of first rows is tall enough for; it scrolls to the rest (up to the rows read for detection). */
    private static final int PREVIEW_ROWS = 6;
    private static final double WIDTH = 820;

    private ColumnMappingDialog() {
    }

    /** Opens the step whenever {@code flow} asks for a mapping; the answer goes back to the flow (closing = skip the file). */
    public static void showWhenReady(Stage owner, ImportFlow flow, Supplier<Messages> messages) {
        flow.mappingProperty().addListener((o, was, model) -> {
            if (model != null) {
                show(owner, flow, model, messages.get());
            }
        });
    }

    private static void show(Stage owner, ImportFlow flow, ColumnMappingModel model, Messages m) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner.isShowing()) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.setTitle(m.get("importextras.mapping.title"));
        dialog.setHeaderText(m.get("importextras.mapping.header", model.sheet().file().getFileName()));
        dialog.getDialogPane().setId("column-mapping");
        dialog.getDialogPane().getStylesheets().add(ColumnMappingDialog.class.getResource("/css/fankeep.css").toExternalForm());
        dialog.getDialogPane().setPrefWidth(WIDTH);
        dialog.getDialogPane().setContent(content(model, m));

        ButtonType save = new ButtonType(m.get("importextras.mapping.save"), ButtonData.OK_DONE);
        ButtonType skip = new ButtonType(m.get("importextras.mapping.skip"), ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(save, skip);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("mapping-save");
        saveButton.getStyleClass().add(Styles.ACCENT);
        saveButton.setMnemonicParsing(false);
        saveButton.disableProperty().bind(model.validProperty().not());
        Button skipButton = (Button) dialog.getDialogPane().lookupButton(skip);
        skipButton.setId("mapping-skip");
        skipButton.setMnemonicParsing(false);

        dialog.setOnHidden(e -> {
            if (dialog.getResult() == save) {
                flow.saveMapping();
            } else {
                flow.skipMapping();
            }
        });
        dialog.show();
    }

    private static Node content(ColumnMappingModel model, Messages m) {
        List<SheetRow> rows = model.sheet().rows();
        ComboBox<Integer> headerRow = new ComboBox<>();
        headerRow.setId("mapping-header-row");
        for (int i = 0; i < rows.size(); i++) {
            headerRow.getItems().add(i);
        }
        headerRow.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return i == null ? "" : m.get("importextras.mapping.row", rows.get(i).number(), firstCells(rows.get(i)));
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        headerRow.setValue(model.headerRowProperty().get());
        headerRow.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.headerRowProperty().set(now);
            }
        });
        Label headerLabel = new Label(m.get("importextras.mapping.headerRow"));
        headerLabel.setLabelFor(headerRow);
        headerLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox headerLine = new HBox(10, headerLabel, headerRow);
        headerLine.setAlignment(Pos.CENTER_LEFT);

        GridPane columns = new GridPane();
        columns.setHgap(12);
        columns.setVgap(6);
        columns.setId("mapping-columns");
        fillColumns(columns, model, m);
        model.columns().addListener((javafx.collections.ListChangeListener<ColumnMappingModel.Column>) c -> fillColumns(columns, model, m));

        Label need = new Label(m.get("importextras.mapping.needIdentifying"));
        need.getStyleClass().add(Styles.WARNING);
        need.setWrapText(true);
        need.visibleProperty().bind(model.identifiesProperty().not());
        need.managedProperty().bind(need.visibleProperty());

        TextField name = new TextField();
        name.setId("mapping-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        Label nameLabel = new Label(m.get("importextras.mapping.name"));
        nameLabel.setLabelFor(name);
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        name.setPrefColumnCount(24);
        HBox nameLine = new HBox(10, nameLabel, name);
        nameLine.setAlignment(Pos.CENTER_LEFT);
        Label nameHint = new Label(m.get("importextras.mapping.nameHint"));
        nameHint.getStyleClass().add(Styles.TEXT_MUTED);
        nameHint.setWrapText(true);

        Label rowsHeading = new Label(m.get("importextras.mapping.firstRows"));
        rowsHeading.getStyleClass().add(Styles.TEXT_BOLD);
        Label columnsHeading = new Label(m.get("importextras.mapping.columns"));
        columnsHeading.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(10, rowsHeading, firstRows(rows), headerLine, columnsHeading, columns, need, nameLine, nameHint);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(480);
        return scroll;
    }

    private static void fillColumns(GridPane grid, ColumnMappingModel model, Messages m) {
        grid.getChildren().clear();
        int r = 0;
        for (ColumnMappingModel.Column c : model.columns()) {
            Label name = new Label(c.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label samples = new Label(c.samples());
            samples.getStyleClass().add(Styles.TEXT_MUTED);
            samples.setMaxWidth(360);
            ComboBox<String> field = new ComboBox<>();
            field.setId("mapping-field-" + r);
            field.getItems().setAll(ColumnMappingModel.FIELDS);
            field.setConverter(new StringConverter<>() {
                @Override
                public String toString(String code) {
                    return code == null ? "" : m.get("importextras.field." + code.replace(':', '.'));
                }

                @Override
                public String fromString(String s) {
                    return null;
                }
            });
            field.valueProperty().bindBidirectional(c.fieldProperty());
            grid.addRow(r++, name, field, samples);
        }
    }

    private static TableView<SheetRow> firstRows(List<SheetRow> rows) {
        TableView<SheetRow> table = new TableView<>();
        table.setId("mapping-first-rows");
        int width = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        TableColumn<SheetRow, String> number = new TableColumn<>("#");
        number.setCellValueFactory(d -> new ReadOnlyStringWrapper(Long.toString(d.getValue().number())));
        number.setSortable(false);
        table.getColumns().add(number);
        for (int i = 0; i < width; i++) {
            int col = i;
            TableColumn<SheetRow, String> c = new TableColumn<>(columnLetter(i));
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().cell(col)));
            c.setSortable(false);
            String longest = rows.stream().map(r -> r.cell(col)).filter(v -> v != null).reduce("", (a, b) -> b.length() > a.length() ? b : a);
            c.setMinWidth(Math.min(220, com.fankeep.ui.common.Tables.widthOf(longest)));
            table.getColumns().add(c);
        }
        number.setMinWidth(com.fankeep.ui.common.Tables.widthOf("9999"));
        com.fankeep.ui.common.Tables.fit(table, "import-mapping");
        table.getItems().setAll(rows);
        // header + rows at the theme's row height, and room for the horizontal scroll bar of a wide sheet
        table.setPrefHeight(60 + 40 * Math.min(rows.size(), PREVIEW_ROWS));
        table.setMinHeight(Region.USE_PREF_SIZE);
        return table;
    }

    private static String firstCells(SheetRow row) {
        StringBuilder sb = new StringBuilder();
        for (String c : row.cells()) {
            if (c != null && !c.isBlank()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(c.strip());
                if (sb.length() > 40) {
                    return sb.substring(0, 40) + "…";
                }
            }
        }
        return sb.toString();
    }

    /** A, B, … Z, AA, AB … as spreadsheets name columns. */
    static String columnLetter(int index) {
        StringBuilder sb = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            sb.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return sb.toString();
    }
}
