package com.fankeep.core.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills placeholders in. A placeholder without a value is left out (never "{tracking_no}" in a message to a
 * customer) and reported, so the owner sees a warning; unknown names in braces are reported the same way. A
 * doubled space or a space before Chinese or Western punctuation left by a removed value is tidied.
 */
public final class TemplateRenderer {

    public static final List<String> PLACEHOLDERS = List.of("name", "nickname", "last_item", "last_order_date",
            "tracking_no", "carrier", "shop_name", "days_since_last_order", "birthday");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_]+)}");

    private TemplateRenderer() {
    }

    public static Rendered render(String body, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                if (!missing.contains(name)) {
                    missing.add(name);
                }
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String text = missing.isEmpty() ? out.toString()
                : out.toString().replaceAll("[ \\t]{2,}", " ").replaceAll(" ([,.!?;:，。！？；：])", "$1").strip();
        return new Rendered(text, missing);
    }
}
