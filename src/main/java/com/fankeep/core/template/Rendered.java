package com.fankeep.core.template;

import java.util.List;

/** A template filled in for a customer; {@code missing} names the placeholders that had no value (left out of the text). */
public record Rendered(String text, List<String> missing) {

    public Rendered {
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
