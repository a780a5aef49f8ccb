package com.fankeep.core.importing;

import com.fankeep.core.shared.CellText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** Reads amounts as exported: 128.50, 128.50元, ¥1,280.00, $45.99, -12.50, （12.50） → exact decimals, 2 places. */
public final class MoneyParser {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    /** Amounts are stored as DECIMAL(14, 2): anything from a trillion up is a damaged cell, not an order. */
    private static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");

    private MoneyParser() {
    }

    /** @return the amount, or null for an empty cell */
    public static BigDecimal parse(String value) throws ParseException {
        String s = CellText.cleanOrNull(value);
        if (s == null) {
            return null;
        }
        return isPlainNumber(s) ? exact(new BigDecimal(s), false, value) : byPatterns(s, value);
    }

    /** {@link #parse} of a cleaned cell without its fast path (ReadingFastPathsTest compares the two). */
    static BigDecimal byPatterns(String cleaned, String value) throws ParseException {
        String s = Normalizer.normalize(cleaned, Normalizer.Form.NFKC).trim();
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        s = s.replace("元", "").replace("¥", "").replace("￥", "").replace("$", "").replace("£", "").replace("€", "")
                .replace("RMB", "").replace("CNY", "").replace("USD", "").replace(",", "").replace(" ", "").trim();
        if (!NUMBER.matcher(s).matches()) {
            throw new ParseException("bad_amount", "not an amount: " + value);
        }
        return exact(new BigDecimal(s), negative, value);
    }

    /**
     * [-+]?digits[.digits] in ASCII: {@code NUMBER} matches it as it is, and nothing {@link #byPatterns} strips or
     * normalizes is in it (JFR: the pattern was a tenth of the reading thread).
     */
    private static boolean isPlainNumber(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        int dot = -1;
        for (int k = start; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch == '.' && dot < 0) {
                dot = k;
            } else if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return s.length() > start && dot != start && dot != s.length() - 1;
    }

    private static BigDecimal exact(BigDecimal amount, boolean negative, String value) throws ParseException {
        if (amount.scale() > 2) {
            amount = amount.setScale(2, RoundingMode.HALF_UP);
        } else {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        }
        if (amount.abs().compareTo(TOO_LARGE) >= 0) {
            throw new ParseException("bad_amount", "amount too large to be real: " + value);
        }
        return negative ? amount.negate() : amount;
    }
}
