package com.fankeep.core.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text. {@link #mask} (masked exports and logs): phone numbers and e-mail addresses,
 * 13800138000 → 138****8000. {@link #maskLog} (the log file) also names and addresses: any Chinese text but file names,
 * and the quoted values H2 puts in its error messages. Counts, ids, amounts, dates and file names stay readable, so
 * only phone-shaped numbers are masked, not every long digit run.
 */
public final class PersonalDataMask {

    // Not inside a longer run of digits or digit groups (a timestamp 20240315-130012-13800, an 18-digit order number).
    private static final String BEFORE = "(?<![\\d+])(?<!\\d[ -])";
    private static final String AFTER = "(?!\\d)(?![ -]\\d)";
    /** A Chinese mobile, 1[3-9] and 11 digits, optionally +86 / 86 first and spaces or dashes between the digits. */
    private static final String CN_MOBILE = "(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d){8}";
    /** A Chinese landline with its area code: 021-12345678, 0755-1234567. */
    private static final String CN_LANDLINE = "0\\d{2,3}-\\d{7,8}";
    /** An international number written with its +: +1 415-555-0134, +44 (0)20 7946 0958, +4915112345678. */
    private static final String FOREIGN = "\\+\\d(?:[ \\-()]{0,2}\\d){6,14}";
    private static final Pattern PHONE = Pattern.compile(BEFORE + "(?:" + CN_MOBILE + "|" + CN_LANDLINE + "|" + FOREIGN + ")" + AFTER);
    /**
     * An e-mail address: the local part may hold any letter (José.Pérez), an apostrophe (o'brien) and the other
     * characters RFC 5322 allows but = and /, so "email=li@x.cn" keeps its label; all of it but its first character goes.
     */
    private static final Pattern EMAIL = Pattern.compile("([\\p{L}\\p{N}._%+'!#$&*^`{|}~-])[\\p{L}\\p{N}._%+'!#$&*^`{|}~-]*"
            + "@([\\p{L}\\p{N}.-]+\\.\\p{L}{2,})");
    /** Chinese text with what follows it in a name or an address (张三丰, 上海市浦东新区世纪大道100号3室). */
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}[\\p{IsHan}\\p{Alnum}\\-#·（）()]*");
    private static final Pattern FILE_NAME_TAIL = Pattern.compile("[^\\s/\\\\:'\"]*\\.(?i:csv|tsv|txt|xlsx|xls|vcf|zip|json|sql|log|properties)\\b");
    /**
     * A string literal in an H2 message, perhaps cut short: {@code "'Emily Chen, 12 Main St... (120)"},
     * {@code "U&'\\5f20\\4e09...'"} (non-ASCII text escaped), {@code VALUES ( /* 1 *}{@code / 'Emily Chen' )}.
     */
    private static final Pattern SQL_LITERAL = Pattern.compile("([\"(,=]\\s?|\\*/\\s|U&)'(?:[^'\\n\"]|'')*'?");

    private PersonalDataMask() {
    }

    /** Phones and e-mail addresses. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // e-mail first: a mobile used as an address (13800138000@163.com) is masked whole, not digit by digit
        String masked = EMAIL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***@" + m.group(2)));
        return PHONE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(maskPhone(m.group())));
    }

    /** For the log file: phones, e-mail addresses, names and addresses (Chinese text, quoted SQL values). */
    public static String maskLog(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = SQL_LITERAL.matcher(mask(text)).replaceAll("$1'***'");
        Matcher m = CHINESE.matcher(masked);
        StringBuilder sb = new StringBuilder(masked.length());
        while (m.find()) {
            boolean fileName = FILE_NAME_TAIL.matcher(masked).region(m.end(), masked.length()).lookingAt();
            String run = m.group();
            String replacement = fileName || run.length() < 2 ? run : run.charAt(0) + "**";
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Keeps the first three and last four digits when there are 11 or more, fewer otherwise: never the whole number. */
    public static String maskPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 13 && digits.startsWith("86") && digits.charAt(2) == '1') {
            digits = digits.substring(2); // +86 138…: the mobile itself
        }
        if (digits.length() < 7) {
            return "****";
        }
        int keepHead = digits.length() >= 11 ? 3 : 2;
        int keepTail = digits.length() >= 11 ? 4 : 2;
        return digits.substring(0, keepHead) + "****" + digits.substring(digits.length() - keepTail);
    }
}
