package com.fankeep.ui.templates;

import com.fankeep.core.shared.Messages;
import java.util.List;

/** Template placeholders by their names in the owner's language ("收件人称呼" for {name}), never as raw "[{name}, …]". */
public final class PlaceholderNames {

    private PlaceholderNames() {
    }

    /** "Customer's name" for {@code name}; a placeholder the bundles do not know keeps its braces. */
    public static String name(Messages m, String placeholder) {
        String key = "templates.placeholder." + placeholder;
        return m.bundle().containsKey(key) ? m.get(key) : "{" + placeholder + "}";
    }

    /** "tracking number, carrier" / "快递单号、快递公司". */
    public static String list(Messages m, List<String> placeholders) {
        return String.join(m.get("templates.placeholder.separator"), placeholders.stream().map(p -> name(m, p)).toList());
    }
}
