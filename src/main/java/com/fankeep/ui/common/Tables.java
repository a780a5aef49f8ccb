package com.fankeep.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * Tables whose columns fill their width: every table calls {@link #fit} once. Columns made {@link #flexible} take the
 * room the others leave; {@link #fixed} ones keep the width their header and a sample value need (dates, money), so
 * nothing reads "2024-03-…". Widths and order the owner sets by dragging are remembered per table (ADR 0018).
 */
public final class Tables {

    /** The theme's header and cell text: 14px, about 10px padding each side and room for the sort arrow. */
    private static final double FONT_SIZE = 14;
    private static final double PADDING = 26;
    private static final double FIXED_SLACK = 1.5;
    private static final String FITTED = Tables.class.getName();

    private Tables() {
    }

    /**
     * Makes the columns fill the table, gives each at least the width its header needs, and remembers widths and
     * order under {@code name} once the table is shown in a window that has a {@link LayoutMemory}.
     */
    public static <S> TableView<S> fit(TableView<S> table, String name) {
        if (table.getProperties().put(FITTED, name) != null) {
            return table;
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        List<TableColumn<S, ?>> columns = table.getColumns();
        for (int i = 0; i < columns.size(); i++) {
            TableColumn<S, ?> c = columns.get(i);
            if (c.getId() == null) {
                c.setId(name + "-" + i); // stable in either language: the order is remembered by id
            }
            c.setMinWidth(Math.max(c.getMinWidth(), headerWidth(c.getText())));
            c.setMaxWidth(Math.max(c.getMaxWidth(), c.getMinWidth()));
            c.setPrefWidth(Math.max(c.getPrefWidth(), c.getMinWidth()));
        }
        InvalidationListener[] attach = new InvalidationListener[1];
        attach[0] = o -> {
            if (table.getScene() != null && table.getScene().getWindow() != null) {
                LayoutMemory.of(table).ifPresent(memory -> remember(table, "table." + name, memory));
                table.sceneProperty().removeListener(attach[0]);
            }
        };
        table.sceneProperty().addListener(attach[0]);
        attach[0].invalidated(null);
        return table;
    }

    /** A column that keeps the width {@code sample} (its longest usual value) and its header need, and grows little. */
    public static <C extends TableColumn<?, ?>> C fixed(C column, String sample) {
        double width = Math.max(headerWidth(column.getText()), textWidth(sample, false) + PADDING);
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(Math.ceil(width * FIXED_SLACK));
        return column;
    }

    /** A column that takes a share of the spare width ({@code share} against the others' preferred widths). */
    public static <C extends TableColumn<?, ?>> C flexible(C column, double minWidth, double share) {
        column.setMinWidth(Math.max(minWidth, headerWidth(column.getText())));
        column.setPrefWidth(Math.max(share, column.getMinWidth()));
        column.setMaxWidth(Double.MAX_VALUE);
        return column;
    }

    /** The width a cell needs to show {@code sample} whole. */
    public static double widthOf(String sample) {
        return textWidth(sample, false) + PADDING;
    }

    static double headerWidth(String text) {
        return textWidth(text, true) + PADDING;
    }

    private static double textWidth(String text, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text t = new Text(text);
        t.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, FONT_SIZE));
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    // --- remembered widths and order: "id=width,id=width,…" in the order shown

    private static <S> void remember(TableView<S> table, String key, LayoutMemory memory) {
        memory.get(key).ifPresent(saved -> restore(table, saved));
        PauseTransition settle = new PauseTransition(Duration.millis(600));
        settle.setOnFinished(e -> memory.put(key, describe(table)));
        InvalidationListener changed = o -> settle.playFromStart();
        table.getColumns().addListener(changed);
        for (TableColumn<S, ?> c : table.getColumns()) {
            c.widthProperty().addListener(changed);
        }
    }

    static String describe(TableView<?> table) {
        List<String> parts = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getColumns()) {
            parts.add(c.getId() + "=" + Math.round(c.getWidth()));
        }
        return String.join(",", parts);
    }

    static <S> void restore(TableView<S> table, String saved) {
        Map<String, Double> widths = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (String part : saved.split(",")) {
            int eq = part.lastIndexOf('=');
            if (eq > 0) {
                try {
                    widths.put(part.substring(0, eq), Double.parseDouble(part.substring(eq + 1)));
                    order.add(part.substring(0, eq));
                } catch (NumberFormatException e) {
                    return; // not ours: keep the defaults
                }
            }
        }
        List<TableColumn<S, ?>> sorted = new ArrayList<>(table.getColumns());
        // columns the saved layout does not know (a newer version added them) keep their place at the end
        sorted.sort(java.util.Comparator.comparingInt(c -> order.contains(c.getId()) ? order.indexOf(c.getId()) : order.size()));
        for (TableColumn<S, ?> c : sorted) {
            Double w = widths.get(c.getId());
            if (w != null && w > 0) {
                c.setPrefWidth(Math.min(Math.max(w, c.getMinWidth()), Math.max(c.getMinWidth(), c.getMaxWidth())));
            }
        }
        if (!sorted.equals(table.getColumns())) {
            List<TableColumn<S, ?>> sortOrder = new ArrayList<>(table.getSortOrder());
            table.getColumns().setAll(sorted);
            table.getSortOrder().setAll(sortOrder);
        }
    }
}
