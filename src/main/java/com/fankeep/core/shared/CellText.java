package com.fankeep.core.shared;

/**
 * Undoes the wrappers shop exports put around values so Excel keeps them as text: ="123" (Taobao), a leading
 * apostrophe (Taobao phones, Shopify ids), TABs around values (Pinduoduo, Douyin), and trims spaces.
 */
public final class CellText {

    private CellText() {
    }

    /** @return the cleaned text, or null for null */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = strip(value);
        if (s.length() >= 3 && s.startsWith("=\"") && s.endsWith("\"")) {
            s = strip(s.substring(2, s.length() - 1));
        }
        if (s.startsWith("'")) {
            s = strip(s.substring(1));
        }
        return s;
    }

    /** Like {@link #clean} but "-" and "--" (Douyin's empty) and blank become null. */
    public static String cleanOrNull(String value) {
        String s = clean(value);
        if (s == null || s.isEmpty() || s.equals("-") || s.equals("--") || s.equals("——") || s.equalsIgnoreCase("null")) {
            return null;
        }
        return s;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00a0' || c == '\u3000' || c == '\ufeff';
    }
}
