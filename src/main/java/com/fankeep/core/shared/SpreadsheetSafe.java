package com.fankeep.core.shared;

/**
 * Keeps exported text from being run as a formula by Excel, WPS or LibreOffice (OWASP CSV injection): a cell that
 * starts with = + - @ TAB CR LF (or their full-width forms) gets a leading apostrophe.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n' || c == '\0'
                || c == '＝' || c == '＋' || c == '－' || c == '＠';
        return risky ? "'" + value : value;
    }
}
