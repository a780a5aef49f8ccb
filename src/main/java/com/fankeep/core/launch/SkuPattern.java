package com.fankeep.core.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which order lines are the launched product: comma-separated alternatives, each compared with a line's SKU and title
 * ignoring case; {@code *} matches anything, and an alternative without {@code *} matches a SKU exactly or a title
 * containing it (e.g. {@code TEA-2026*, 春茶礼盒}).
 */
public final class SkuPattern {

    private final List<Pattern> globs = new ArrayList<>();
    private final List<String> plain = new ArrayList<>();

    public SkuPattern(String text) {
        for (String part : (text == null ? "" : text).split("[,，]")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.contains("*")) {
                StringBuilder re = new StringBuilder();
                for (String piece : p.split("\\*", -1)) {
                    if (!re.isEmpty()) {
                        re.append(".*");
                    }
                    re.append(Pattern.quote(piece));
                }
                globs.add(Pattern.compile(re.toString(), Pattern.DOTALL));
            } else {
                plain.add(p);
            }
        }
    }

    public boolean isEmpty() {
        return globs.isEmpty() && plain.isEmpty();
    }

    public boolean matches(String sku, String title) {
        String s = sku == null ? "" : sku.strip().toLowerCase(Locale.ROOT);
        String t = title == null ? "" : title.strip().toLowerCase(Locale.ROOT);
        for (String p : plain) {
            if (s.equals(p) || t.contains(p)) {
                return true;
            }
        }
        for (Pattern g : globs) {
            if ((!s.isEmpty() && g.matcher(s).matches()) || (!t.isEmpty() && g.matcher(t).matches())) {
                return true;
            }
        }
        return false;
    }
}
