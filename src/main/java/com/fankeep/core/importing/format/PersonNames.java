package com.fankeep.core.importing.format;

/** Names and street lines as overseas exports split them into first/last and line 1/line 2. */
final class PersonNames {

    private PersonNames() {
    }

    /**
     * "Emily" + "Carter" → "Emily Carter"; a Chinese name typed into the two fields ("美玲" + "陈", WooCommerce) →
     * "陈美玲", family name first and no space, as it is written.
     */
    static String join(String first, String last) {
        if (first == null) {
            return last;
        }
        if (last == null) {
            return first;
        }
        return isHan(first) && isHan(last) ? last + first : first + " " + last;
    }

    /** Two street lines as one ("2150 Mission St" + "Apt 4" → "2150 Mission St, Apt 4"). */
    static String street(String line1, String line2) {
        if (line1 == null) {
            return line2;
        }
        return line2 == null ? line1 : line1 + ", " + line2;
    }

    private static boolean isHan(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
