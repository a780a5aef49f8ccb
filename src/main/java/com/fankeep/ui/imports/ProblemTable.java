package com.fankeep.ui.imports;

import com.fankeep.core.shared.Messages;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** Rows with problems: file, row, column, value, what was wrong (used by the preview and by "Show problems"). */
final class ProblemTable {

    private ProblemTable() {
    }

    static TableView<ProblemRow> create(List<ProblemRow> rows, Messages m) {
        TableView<ProblemRow> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.getStyleClass().add("problem-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("imports.problems.none")));
        table.getColumns().add(column(m.get("imports.problems.column.file"), ProblemRow::file, 170));
        TableColumn<ProblemRow, Object> row = column(m.get("imports.problems.column.row"), ProblemRow::row, 60);
        row.getStyleClass().add("number-column");
        table.getColumns().add(row);
        table.getColumns().add(column(m.get("imports.problems.column.column"), ProblemRow::column, 110));
        table.getColumns().add(column(m.get("imports.problems.column.value"), ProblemRow::value, 130));
        TableColumn<ProblemRow, Object> what = column(m.get("imports.problems.column.what"), ProblemRow::what, 280);
        what.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                setTooltip(empty || item == null ? null : new Tooltip(item.toString()));
            }
        });
        table.getColumns().add(what);
        return table;
    }

    private static TableColumn<ProblemRow, Object> column(String title, Function<ProblemRow, Object> value, double width) {
        TableColumn<ProblemRow, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
