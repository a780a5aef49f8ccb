package com.fankeep.ui.launches;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Text columns and the few formats the Launches page shows (money with its currency, local times). */
final class Cells {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private Cells() {
    }

    static <S> TableColumn<S, String> column(String header, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(header);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return c;
    }

    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        return ("CNY".equals(currency) ? "¥" : currency + " ") + amount.toPlainString();
    }

    static String when(OffsetDateTime t, ZoneId zone) {
        return t == null ? "" : WHEN.format(t.atZoneSameInstant(zone));
    }

    static String day(OffsetDateTime t, ZoneId zone) {
        return t == null ? "" : DAY.format(t.atZoneSameInstant(zone));
    }

    static String number(Integer n) {
        return n == null ? "" : n.toString();
    }
}
