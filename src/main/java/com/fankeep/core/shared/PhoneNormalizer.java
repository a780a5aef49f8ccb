package com.fankeep.core.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the many ways a phone is written in shop exports into E.164 (libphonenumber), and tells which numbers may
 * serve as identity keys. The region comes from the row when the platform gives one: "+1 415…" is American.
 */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern MASK = Pattern.compile("[*＊xX]{2,}|\\*");
    // A platform privacy number: an 11-digit number with an extension, e.g. 19512345678-1234 or 18400001234转5678.
    private static final Pattern WITH_EXTENSION = Pattern.compile("^\\+?(86)?1\\d{10}\\s*(-|转|ext\\.?|#|,)\\s*\\d{1,6}$");
    private static final Pattern CN_MOBILE = Pattern.compile("^(?:\\+?86|0086)?(1[3-9]\\d{9})$");
    // Prefixes of China's mobile virtual network operators, often handed out as platform privacy numbers.
    private static final List<String> CN_VIRTUAL_PREFIXES = List.of("170", "171", "162", "165", "167");
    // compiled once: String.replaceAll compiled them for every phone of every row (JFR, 1M rows: 1 GB of garbage)
    private static final Pattern SEPARATORS = Pattern.compile("[\\s()\\-.\u00a0]");
    private static final Pattern SPACES_AND_PARENTHESES = Pattern.compile("[\\s()]");
    private static final Pattern SPLIT = Pattern.compile("\\s*[/、,，;；|\\n]\\s*|\\s{2,}");

    private PhoneNormalizer() {
    }

    /** @param defaultRegion ISO country of the row ("CN", "US"…); null means China, the usual case */
    public static NormalizedPhone normalize(String value, String defaultRegion) {
        String raw = CellText.clean(value);
        if (raw == null || raw.isEmpty()) {
            return new NormalizedPhone(raw == null ? "" : raw, null, NormalizedPhone.Kind.INVALID, false);
        }
        if (isPlainMobile(raw) && (defaultRegion == null || defaultRegion.isBlank() || defaultRegion.equalsIgnoreCase("CN"))) {
            return chinaMobile(raw, raw); // what the patterns below give a plain mainland mobile, without them
        }
        return byPatterns(raw, defaultRegion);
    }

    /** {@link #normalize} without its fast path for a plain mainland mobile (ReadingFastPathsTest compares the two). */
    static NormalizedPhone byPatterns(String raw, String defaultRegion) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).trim();
        if (MASK.matcher(text).find()) {
            return new NormalizedPhone(raw, null, NormalizedPhone.Kind.MASKED, false);
        }
        String compact = SEPARATORS.matcher(text).replaceAll("");
        if (WITH_EXTENSION.matcher(SPACES_AND_PARENTHESES.matcher(text).replaceAll("")).matches() || WITH_EXTENSION.matcher(text).matches()) {
            return new NormalizedPhone(raw, null, NormalizedPhone.Kind.VIRTUAL, false);
        }
        String region = defaultRegion == null || defaultRegion.isBlank() ? "CN" : defaultRegion.toUpperCase(Locale.ROOT);
        var cn = CN_MOBILE.matcher(compact);
        if (cn.matches() && (region.equals("CN") || compact.startsWith("86") || compact.startsWith("+86") || compact.startsWith("0086"))) {
            return chinaMobile(raw, cn.group(1));
        }
        return parseElsewhere(raw, compact, region);
    }

    /** 11 ASCII digits, 1[3-9]…: what {@code CN_MOBILE} takes whole, with nothing for the other patterns to change. */
    private static boolean isPlainMobile(String s) {
        if (s.length() != 11 || s.charAt(0) != '1' || s.charAt(1) < '3' || s.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < 11; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static NormalizedPhone chinaMobile(String raw, String national) {
        boolean virtual = false;
        for (String prefix : CN_VIRTUAL_PREFIXES) {
            virtual |= national.startsWith(prefix);
        }
        return new NormalizedPhone(raw, "+86" + national, virtual ? NormalizedPhone.Kind.VIRTUAL : NormalizedPhone.Kind.MOBILE, !virtual);
    }

    private static NormalizedPhone parseElsewhere(String raw, String compact, String region) {
        try {
            String toParse = compact.startsWith("00") ? "+" + compact.substring(2) : compact;
            PhoneNumber number = UTIL.parse(toParse, region);
            if (!UTIL.isValidNumber(number)) {
                return new NormalizedPhone(raw, null, NormalizedPhone.Kind.INVALID, false);
            }
            String e164 = UTIL.format(number, PhoneNumberFormat.E164);
            PhoneNumberType type = UTIL.getNumberType(number);
            return switch (type) {
                case MOBILE -> new NormalizedPhone(raw, e164, NormalizedPhone.Kind.MOBILE, true);
                // The US and Canada do not tell mobiles from landlines by number: a personal number either way.
                case FIXED_LINE_OR_MOBILE -> new NormalizedPhone(raw, e164, NormalizedPhone.Kind.MOBILE, true);
                case FIXED_LINE -> new NormalizedPhone(raw, e164, NormalizedPhone.Kind.LANDLINE, false);
                default -> new NormalizedPhone(raw, e164, NormalizedPhone.Kind.VIRTUAL, false);
            };
        } catch (NumberParseException e) {
            return new NormalizedPhone(raw, null, NormalizedPhone.Kind.INVALID, false);
        }
    }

    /** Splits a cell holding several numbers ("138… / 139…", "138…、139…", two numbers separated by spaces). */
    public static List<String> splitCell(String value) {
        String text = CellText.clean(value);
        List<String> parts = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return parts;
        }
        for (String part : SPLIT.split(Normalizer.normalize(text, Normalizer.Form.NFKC).trim())) {
            String p = part.trim();
            // "13800138000 13900139000": two full mobiles separated by one space
            String[] words = p.split("\\s+");
            if (words.length == 2 && words[0].matches("1[3-9]\\d{9}") && words[1].matches("1[3-9]\\d{9}")) {
                parts.add(words[0]);
                parts.add(words[1]);
            } else if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }
}
