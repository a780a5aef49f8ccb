package com.fankeep.ui.imports;

import com.fankeep.core.importing.ImportBatch;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import java.text.NumberFormat;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** The table of imported files: date, file, format, orders, new customers, matched, problems, status. */
final class BatchTable {

    private static final PseudoClass UNDONE = PseudoClass.getPseudoClass("undone");
    /** The theme's table header: 14px bold, about 8px padding each side. */
    private static final double HEADER_FONT_SIZE = 14;
    private static final double HEADER_PADDING = 20;

    private BatchTable() {
    }

    static TableView<ImportBatch> create(ObservableList<ImportBatch> batches, ImportTexts t) {
        var m = t.messages();
        TableView<ImportBatch> table = new TableView<>(batches);
        table.setId("import-batches");
        table.getStyleClass().add("import-batches");
        table.setPlaceholder(new Label(""));
        table.getColumns().add(fixed(text(m.get("imports.column.date"), b -> t.when(b.startedAt())), 96));
        TableColumn<ImportBatch, String> file = text(m.get("imports.column.file"), ImportBatch::fileName);
        file.setMinWidth(160);
        file.setPrefWidth(320);
        file.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty ? null : name);
                setTooltip(empty || name == null ? null : new Tooltip(name));
            }
        });
        file.getStyleClass().add("file-column");
        table.getColumns().add(file);
        TableColumn<ImportBatch, String> format = text(m.get("imports.column.format"), b -> t.platformName(b.format()));
        format.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty ? null : name);
                setTooltip(empty || name == null ? null : new Tooltip(name));
            }
        });
        table.getColumns().add(com.fankeep.ui.common.Tables.flexible(format, com.fankeep.ui.common.Tables.widthOf("WooCommerce"), 180));
        table.getColumns().add(fixed(number(m, m.get("imports.column.orders"), ImportBatch::orders), 60));
        table.getColumns().add(fixed(number(m, m.get("imports.column.newCustomers"), ImportBatch::newCustomers), 60));
        table.getColumns().add(fixed(number(m, m.get("imports.column.matched"), ImportBatch::matchedCustomers), 60));
        table.getColumns().add(fixed(number(m, m.get("imports.column.problems"), ImportBatch::problems), 60));
        TableColumn<ImportBatch, String> status = fixed(text(m.get("imports.column.status"), b -> t.status(b.status())), 80);
        status.setId("status-column");
        table.getColumns().add(status);
        // The file name takes what the other columns leave; they keep the width their headers and values need.
        com.fankeep.ui.common.Tables.fit(table, "imports-files");
        table.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(ImportBatch item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(UNDONE, item != null && !ImportsViewModel.BATCH_COMMITTED.equals(item.status()));
            }
        });
        return table;
    }

    /** Selects the file with this id again after the list was reloaded (e.g. right after undoing it). */
    static void select(TableView<ImportBatch> table, long id) {
        for (ImportBatch b : table.getItems()) {
            if (b.id() == id) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
                return;
            }
        }
    }

    private static TableColumn<ImportBatch, String> text(String title, Function<ImportBatch, String> value) {
        TableColumn<ImportBatch, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    /** At least as wide as its values need ({@code width}) and its header needs, in either language. */
    private static <T> TableColumn<ImportBatch, T> fixed(TableColumn<ImportBatch, T> c, double valueWidth) {
        Text header = new Text(c.getText());
        header.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, HEADER_FONT_SIZE));
        double width = Math.max(valueWidth, Math.ceil(header.getLayoutBounds().getWidth()) + HEADER_PADDING);
        c.setMinWidth(width);
        c.setPrefWidth(width);
        c.setMaxWidth(width);
        return c;
    }

    private static TableColumn<ImportBatch, Number> number(com.fankeep.core.shared.Messages m, String title,
                                                           ToLongFunction<ImportBatch> value) {
        NumberFormat format = NumberFormat.getIntegerInstance(m.locale());
        TableColumn<ImportBatch, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : format.format(n));   // 3,204 like the rest of the app
            }
        });
        c.getStyleClass().add("number-column");
        return c;
    }
}
