package com.fankeep.core.unassigned;

/**
 * What a platform left visible of a masked phone ({@code 189****1011}, {@code 1******8021}, {@code 138******02}):
 * the digits before the stars, the digits after, and how many digits the whole number has.
 */
record MaskedPhone(String head, String tail, int length) {

    /** The visible parts, or null when the value is not a masked number with a tail of at least two digits. */
    static MaskedPhone of(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("[\\s-]", "");
        if (v.startsWith("+86")) {
            v = v.substring(3);
        } else if (v.startsWith("86") && v.length() > 11) {
            v = v.substring(2);
        }
        if (!v.matches("\\d*\\*+\\d{2,}")) {
            return null;
        }
        int first = v.indexOf('*');
        int last = v.lastIndexOf('*');
        return new MaskedPhone(v.substring(0, first), v.substring(last + 1), v.length());
    }

    /** Whether a known number (E.164 +86… or national digits) fits what is visible. */
    boolean fits(String known) {
        String digits = known == null ? "" : known.replaceAll("\\D", "");
        if (digits.length() == length + 2 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return digits.length() == length && digits.startsWith(head) && digits.endsWith(tail);
    }

    /** "189****1011" again, for the owner and for a group key. */
    String shown() {
        return head + "*".repeat(Math.max(0, length - head.length() - tail.length())) + tail;
    }
}
