package com.fankeep.core.importing.format;

import com.fankeep.core.shared.CellText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A header row with names normalized the way exports vary them: trimmed (Taobao's "收货地址 "), full-width
 * parentheses made half-width (拼多多 "商家实收金额（元）"), and a repeated name numbered ("分销员", "分销员#2").
 */
public final class Header {

    private final long rowNumber;
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    // find() is called for every cell of every row: remember each spelling asked for, normalized or not
    private final Map<String, Integer> asked = new java.util.concurrent.ConcurrentHashMap<>();

    public Header(long rowNumber, List<String> raw) {
        this.rowNumber = rowNumber;
        List<String> out = new ArrayList<>(raw.size());
        for (String r : raw) {
            String name = normalize(r);
            String key = name;
            for (int n = 2; index.containsKey(key); n++) {
                key = name + "#" + n;
            }
            if (!name.isEmpty()) {
                index.put(key, out.size());
            }
            out.add(key);
        }
        this.names = Collections.unmodifiableList(out);
    }

    public static String normalize(String raw) {
        String s = CellText.clean(raw == null ? "" : raw);
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return s.replaceAll("\\s+", " ").trim();
    }

    public long rowNumber() {
        return rowNumber;
    }

    public List<String> names() {
        return names;
    }

    /** @return the column of the first of {@code candidates} present, or -1 */
    public int find(String... candidates) {
        for (String c : candidates) {
            Integer known = asked.get(c); // a plain get first: computeIfAbsent's lambda was made on every call (JFR, 1M rows)
            int i = known != null ? known : asked.computeIfAbsent(c, k -> index.getOrDefault(normalize(k), -1));
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String... all) {
        for (String c : all) {
            if (find(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** How many of {@code names} are present (for scoring formats). */
    public int count(String... candidates) {
        int n = 0;
        for (String c : candidates) {
            if (find(c) >= 0) {
                n++;
            }
        }
        return n;
    }

    public String name(int column) {
        return column >= 0 && column < names.size() ? names.get(column) : null;
    }

    public int size() {
        return names.size();
    }
}
