package com.fankeep.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice box or combo box shows its values: as text, never parsed back (none of ours is editable). */
public final class Shown {

    private Shown() {
    }

    /** Shows each value as {@code text} gives it, and nothing for no value. */
    public static <T> StringConverter<T> as(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
