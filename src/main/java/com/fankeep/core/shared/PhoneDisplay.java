package com.fankeep.core.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.regex.Pattern;

/**
 * How every page and export display shows a phone: a number of the shop's country in its national form
 * (138 0013 8000, 010 6552 9988), a foreign one in E.164 (+14155550134), a masked one as it came (138****8012,
 * marked masked: it cannot be called or copied as a number), anything else as stored.
 */
public final class PhoneDisplay {

    /** The shop's country: FanKeep's shops are in China (the importers read numbers without a prefix as Chinese). */
    public static final String SHOP_REGION = "CN";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern MASK = Pattern.compile("[*＊]|[xX]{2,}");

    private PhoneDisplay() {
    }

    /** The number for display. */
    public static String format(String stored) {
        if (stored == null || stored.isBlank()) {
            return stored == null ? "" : stored;
        }
        String value = stored.strip();
        if (isMasked(value)) {
            return value;
        }
        try {
            PhoneNumber n = UTIL.parse(value, SHOP_REGION);
            if (!UTIL.isValidNumber(n)) {
                return value;
            }
            return SHOP_REGION.equals(UTIL.getRegionCodeForNumber(n)) ? UTIL.format(n, PhoneNumberFormat.NATIONAL)
                    : UTIL.format(n, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return value;
        }
    }

    /** True for a number the platform masked (138****8012): kept, shown, never called or merged. */
    public static boolean isMasked(String stored) {
        return stored != null && MASK.matcher(stored).find();
    }
}
