package com.fankeep.core.merge;

import com.fankeep.core.shared.NormalizedPhone;
import com.fankeep.core.shared.PhoneNormalizer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Landlines as the duplicates scan compares them: by their last 7 digits, so an area code written or not does not matter. */
final class PhoneTexts {

    static final int TAIL = 7;
    private static final Pattern MOBILE = Pattern.compile("(?:86)?1[3-9]\\d{9}");
    // a run of digits with the usual separators inside: 010-6543 2100, (021) 5555 1234, +86 10 6543 2100
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d\\s()\\-.]{5,}\\d");

    private PhoneTexts() {
    }

    /** The last 7 digits of a stored phone that is a landline (or a local number without area code), else null. */
    static String landlineTail(String raw) {
        if (raw == null) {
            return null;
        }
        NormalizedPhone p = PhoneNormalizer.normalize(raw, null);
        String digits = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\D", "");
        boolean landline = p.kind() == NormalizedPhone.Kind.LANDLINE
                || p.kind() == NormalizedPhone.Kind.INVALID && digits.length() >= TAIL && digits.length() <= 8;
        return landline && !MOBILE.matcher(digits).matches() ? digits.substring(digits.length() - TAIL) : null;
    }

    /** The last 7 digits of every number written in a text that is not a mobile (a card's phones, notes). */
    static List<String> tailsIn(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = NUMBER.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() >= TAIL && digits.length() <= 13 && !MOBILE.matcher(digits).matches()) {
                String tail = digits.substring(digits.length() - TAIL);
                if (!out.contains(tail)) {
                    out.add(tail);
                }
            }
        }
        return out;
    }
}
