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

/**
 * Rows with problems of one file: row, column, value, what was wrong (used by the preview, one table per file under
 * the file's name, and by "Show problems", whose header names the file). Long texts show whole in a tooltip.
 */
final class ProblemTable {

    /** Row height, fixed so a short table can be exactly as tall as its rows. */
    static final double ROW_HEIGHT = 34;
    static final double HEADER_HEIGHT = 44;

    private ProblemTable() {
    }

    static TableView<ProblemRow> create(List<ProblemRow> rows, Messages m) {
        TableView<ProblemRow> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.getStyleClass().add("problem-table");
        table.setPlaceholder(new Label(m.get("imports.problems.none")));
        table.setFixedCellSize(ROW_HEIGHT);
        TableColumn<ProblemRow, Object> row = column(m.get("imports.problems.column.row"), ProblemRow::row, 56, 56);
        row.getStyleClass().add("number-column");
        table.getColumns().add(row);
        table.getColumns().add(withTooltip(column(m.get("imports.problems.column.column"), ProblemRow::column, 100, 140)));
        table.getColumns().add(withTooltip(column(m.get("imports.problems.column.value"), ProblemRow::value, 110, Double.MAX_VALUE)));
        TableColumn<ProblemRow, Object> what = column(m.get("imports.problems.column.what"), ProblemRow::what, 240, Double.MAX_VALUE);
        what.setPrefWidth(420);
        table.getColumns().add(withTooltip(what));
        // "What was wrong" and the value take the room the short columns leave.
        return com.fankeep.ui.common.Tables.fit(table, "import-problems");
    }

    /** A cut text shows whole when pointed at (an order number, a long address, the reason). */
    private static TableColumn<ProblemRow, Object> withTooltip(TableColumn<ProblemRow, Object> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? null : item.toString();
                setText(text);
                setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return column;
    }

    /** Tall enough for {@code rows} rows (then it scrolls). */
    static double heightFor(int rows) {
        return HEADER_HEIGHT + ROW_HEIGHT * Math.max(1, rows) + 2;
    }

    private static TableColumn<ProblemRow, Object> column(String title, Function<ProblemRow, Object> value, double width,
                                                          double maxWidth) {
        TableColumn<ProblemRow, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setMinWidth(Math.min(width, 60));
        c.setPrefWidth(width);
        c.setMaxWidth(maxWidth);
        return c;
    }
}
