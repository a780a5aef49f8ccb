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
    private static final double SCROLL_BAR_ROOM = 16;
    private static final String FITTED = Tables.class.getName();
    private static final String FIXED = Tables.class.getName() + ".fixed";

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
        // The columns are sized here, not by a constrained policy (those shrink columns that have a maximum width,
        // JDK-8361210): fixed ones keep their width, flexible ones share the rest; when the minimums do not fit, it scrolls.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Filler filler = new Filler(table);
        table.getProperties().put(Filler.class, filler);
        InvalidationListener[] attach = new InvalidationListener[1];
        attach[0] = o -> {
            if (table.getScene() != null && table.getScene().getWindow() != null) {
                LayoutMemory.of(table).ifPresent(memory -> remember(table, "table-" + name, memory, filler));
                table.sceneProperty().removeListener(attach[0]);
            }
        };
        table.sceneProperty().addListener(attach[0]);
        attach[0].invalidated(null);
        return table;
    }

    /** Sizes the columns to the table's width; a column the owner drags keeps the width given (others make room). */
    private static final class Filler {
        private final TableView<?> table;
        private final Map<TableColumn<?, ?>, Double> weights = new HashMap<>();
        private boolean filling;
        private Runnable userChanged = () -> { };

        Filler(TableView<?> table) {
            this.table = table;
            for (TableColumn<?, ?> c : table.getColumns()) {
                weights.put(c, c.getPrefWidth());
                c.widthProperty().addListener((o, was, now) -> {
                    if (!filling && table.getWidth() > 0 && Math.abs(now.doubleValue() - was.doubleValue()) > 0.5
                            && table.getSkin() != null) {
                        weights.put(c, now.doubleValue()); // dragged by the owner: keep it, make the others fit around it
                        fill(c);
                        userChanged.run();
                    }
                });
            }
            table.widthProperty().addListener(o -> fill(null));
            table.getColumns().addListener((InvalidationListener) o -> fill(null));
            table.skinProperty().addListener(o -> fill(null));
        }

        void fill(TableColumn<?, ?> pinned) {
            double available = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset()
                    - Math.max(scrollBarWidth(), SCROLL_BAR_ROOM) - 2; // room for the bar rows bring, before it shows
            if (available <= 0) {
                return;
            }
            List<TableColumn<?, ?>> flexible = new ArrayList<>();
            Map<TableColumn<?, ?>, Double> widths = new HashMap<>();
            double left = available;
            for (TableColumn<?, ?> c : table.getColumns()) {
                double w = weights.getOrDefault(c, c.getPrefWidth());
                if (c == pinned || Boolean.TRUE.equals(c.getProperties().get(FIXED))) {
                    widths.put(c, Math.clamp(w, c.getMinWidth(), Math.max(c.getMinWidth(), c.getMaxWidth())));
                    left -= widths.get(c);
                } else {
                    flexible.add(c);
                }
            }
            // share what is left by weight; a column that would fall below its minimum gets the minimum, the rest re-share
            boolean again = true;
            while (again && !flexible.isEmpty()) {
                again = false;
                double total = flexible.stream().mapToDouble(c -> weights.getOrDefault(c, c.getPrefWidth())).sum();
                for (TableColumn<?, ?> c : List.copyOf(flexible)) {
                    double share = Math.max(0, left) * weights.getOrDefault(c, c.getPrefWidth()) / total;
                    if (share < c.getMinWidth() || share > c.getMaxWidth()) {
                        double bound = share < c.getMinWidth() ? c.getMinWidth() : c.getMaxWidth();
                        widths.put(c, bound);
                        left -= bound;
                        flexible.remove(c);
                        again = true;
                        break;
                    }
                    widths.put(c, share);
                }
            }
            filling = true;
            try {
                widths.forEach((c, w) -> c.setPrefWidth(Math.floor(w)));
            } finally {
                filling = false;
            }
        }

        private double scrollBarWidth() {
            for (javafx.scene.Node n : table.lookupAll(".scroll-bar")) {
                if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL
                        && bar.isVisible()) {
                    return bar.getWidth();
                }
            }
            return 0;
        }
    }

    /** A column that keeps the width {@code sample} (its longest usual value) and its header need, and grows little. */
    public static <C extends TableColumn<?, ?>> C fixed(C column, String sample) {
        double width = Math.max(headerWidth(column.getText()), textWidth(sample, false) + PADDING);
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(Math.ceil(width * FIXED_SLACK));
        column.getProperties().put(FIXED, true);
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

    private static <S> void remember(TableView<S> table, String key, LayoutMemory memory, Filler filler) {
        memory.get(key).ifPresent(saved -> {
            restore(table, saved);
            table.getColumns().forEach(c -> filler.weights.put(c, c.getPrefWidth()));
            filler.fill(null);
        });
        PauseTransition settle = new PauseTransition(Duration.millis(600));
        settle.setOnFinished(e -> memory.put(key, describe(table)));
        filler.userChanged = settle::playFromStart;
        table.getColumns().addListener((InvalidationListener) o -> settle.playFromStart());
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
