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

/** The table of imported files: date, file, format, orders, new customers, matched, problems, status. */
final class BatchTable {

    private static final PseudoClass UNDONE = PseudoClass.getPseudoClass("undone");

    private BatchTable() {
    }

    static TableView<ImportBatch> create(ObservableList<ImportBatch> batches, ImportTexts t) {
        var m = t.messages();
        TableView<ImportBatch> table = new TableView<>(batches);
        table.setId("import-batches");
        table.getStyleClass().add("import-batches");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(""));
        table.getColumns().add(text(m.get("imports.column.date"), b -> t.when(b.startedAt()), 130));
        TableColumn<ImportBatch, String> file = text(m.get("imports.column.file"), ImportBatch::fileName, 300);
        file.getStyleClass().add("file-column");
        table.getColumns().add(file);
        table.getColumns().add(text(m.get("imports.column.format"), b -> t.formatName(b.format()), 170));
        table.getColumns().add(number(m, m.get("imports.column.orders"), ImportBatch::orders));
        table.getColumns().add(number(m, m.get("imports.column.newCustomers"), ImportBatch::newCustomers));
        table.getColumns().add(number(m, m.get("imports.column.matched"), ImportBatch::matchedCustomers));
        table.getColumns().add(number(m, m.get("imports.column.problems"), ImportBatch::problems));
        TableColumn<ImportBatch, String> status = text(m.get("imports.column.status"), b -> t.status(b.status()), 90);
        status.setId("status-column");
        table.getColumns().add(status);
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

    private static TableColumn<ImportBatch, String> text(String title, Function<ImportBatch, String> value, double width) {
        TableColumn<ImportBatch, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
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
        c.setPrefWidth(100);
        return c;
    }
}
