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
        table.getColumns().add(column(m.get("imports.problems.column.file"), ProblemRow::file, 120, 200));
        TableColumn<ProblemRow, Object> row = column(m.get("imports.problems.column.row"), ProblemRow::row, 56, 56);
        row.getStyleClass().add("number-column");
        table.getColumns().add(row);
        table.getColumns().add(column(m.get("imports.problems.column.column"), ProblemRow::column, 100, 140));
        table.getColumns().add(column(m.get("imports.problems.column.value"), ProblemRow::value, 110, Double.MAX_VALUE));
        TableColumn<ProblemRow, Object> what = column(m.get("imports.problems.column.what"), ProblemRow::what, 240, Double.MAX_VALUE);
        what.setPrefWidth(420);
        what.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                setTooltip(empty || item == null ? null : new Tooltip(item.toString()));
            }
        });
        table.getColumns().add(what);
        // "What was wrong" and the value take the room the short columns leave.
        return com.fankeep.ui.common.Tables.fit(table, "import-problems");
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
