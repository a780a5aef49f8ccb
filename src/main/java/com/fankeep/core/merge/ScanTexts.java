package com.fankeep.core.merge;

import java.text.Normalizer;
import java.util.Locale;

/** The texts the duplicates scan compares: a name, a city, a nickname, an address as its keys hold them. */
final class ScanTexts {

    private ScanTexts() {
    }

    /** 张伟 stays 张伟 (two characters at least); "Émily  CARTER" → "emily carter" (two words at least); else null. */
    static String nameKey(String name) {
        if (name == null || name.contains("*")) {
            return null;
        }
        String fast = plainNameKey(name);
        if (fast != null) {
            return fast.isEmpty() ? null : fast;
        }
        return generalNameKey(name);
    }

    /** The rule itself, for any name ({@link #nameKey} takes a shortcut for the common ones). */
    static String generalNameKey(String name) {
        if (name == null || name.contains("*")) {
            return null;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        boolean han = n.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        if (han) {
            n = n.replace(" ", "");
            return n.codePointCount(0, n.length()) >= 2 ? n : null;
        }
        return n.split(" ").length >= 2 ? n : null;
    }

    /**
     * {@link #nameKey} without Unicode normalization or regular expressions for the two common forms, a name of common
     * Han characters only and a name of ASCII only (300,000 of them in a full scan); "" for no key, null for any other
     * name (the general rule then decides).
     */
    private static String plainNameKey(String name) {
        int n = name.length();
        boolean han = n > 0;
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char ch = name.charAt(i);
            han &= ch >= '\u4e00' && ch <= '\u9fff';
            ascii &= ch < 0x80;
        }
        if (han) {
            return n >= 2 ? name : "";
        }
        if (!ascii) {
            return null;
        }
        StringBuilder b = new StringBuilder(n);
        int words = 0;
        boolean gap = true;
        for (int i = 0; i < n; i++) {
            char ch = name.charAt(i);
            boolean alnum = ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'Z';
            if (alnum) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                if (gap) {
                    words++;
                }
                b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
            }
            gap = !alnum;
        }
        return words >= 2 ? b.toString() : "";
    }

    /** 上海市 and 上海 are one city; case and accents do not matter. */
    static String cityKey(String city) {
        if (city == null || city.contains("*")) {
            return null;
        }
        String c = Normalizer.normalize(city, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[\\s,.-]", "");
        if (c.endsWith("市") && c.length() > 2) {
            c = c.substring(0, c.length() - 1);
        }
        return c.isEmpty() ? null : c;
    }

    /** Case, full-width forms, spaces and punctuation do not tell two nicknames apart. */
    static String nicknameKey(String nickname) {
        String n = Normalizer.normalize(nickname, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** A username as the owner sees it, the same on every platform. */
    static String username(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    static String squash(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s,，。.#号-]", "");
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
