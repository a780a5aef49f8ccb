package com.fankeep.core.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks phone numbers and e-mail addresses in free text (logs, masked exports): 13800138000 → 138****8000. */
public final class PersonalDataMask {

    // A run of 7+ digits, optionally with +, spaces or dashes inside: mobiles, landlines, international numbers.
    private static final Pattern PHONE = Pattern.compile("(?<![\\d])\\+?\\d[\\d \\-]{5,}\\d(?![\\d])");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}( \\d{1,2})?");
    // A time stamp yyyyMMdd-HHmmss, as in backup file names (fankeep-20261206-110329.zip): not a phone number.
    private static final Pattern STAMP = Pattern.compile("(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])-([01]\\d|2[0-3])[0-5]\\d[0-5]\\d");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = maskPhones(text);
        return EMAIL.matcher(masked).replaceAll("$1***@$2");
    }

    private static String maskPhones(String text) {
        Matcher m = PHONE.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String found = m.group();
            String replacement = looksLikePhone(found) ? maskPhone(found) : found;
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean looksLikePhone(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        String trimmed = candidate.trim();
        return digits >= 7 && !DATE.matcher(trimmed).matches() && !STAMP.matcher(trimmed).matches();
    }

    /** Keeps the first three and last four digits when there are 11 or more, fewer otherwise: never the whole number. */
    public static String maskPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return "****";
        }
        int keepHead = digits.length() >= 11 ? 3 : 2;
        int keepTail = digits.length() >= 11 ? 4 : 2;
        return digits.substring(0, keepHead) + "****" + digits.substring(digits.length() - keepTail);
    }
}
