package com.fankeep.core.importing;

import com.fankeep.core.shared.CellText;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates shop exports and hand-made sheets contain: 2024-03-15 10:30:00, 2024/3/15 10:30, 2023年6月18日,
 * 20230618, 2023.3.5, Excel serial numbers, 6/18/23 (US), Jul-21-25 (eBay), 2024-01-01 10:00:00 +0800 (Shopify).
 * Times without an offset are taken in the shop's zone.
 */
public final class DateParser {

    /** Which way round a slashed date with a two-digit year is read when it could be either. */
    public enum DayOrder { YEAR_FIRST, MONTH_FIRST }

    private static final Pattern YMD = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?\\s*([+-]\\d{2}:?\\d{2}|Z)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:\\s*(\\d{2}):?(\\d{2}):?(\\d{2})?)?");
    private static final Pattern SLASHED = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
    private static final DateTimeFormatter EBAY = DateTimeFormatter.ofPattern("MMM-dd-yy", Locale.ENGLISH);
    private static final Pattern EBAY_DAY = Pattern.compile("([A-Za-z]{3}-\\d{2}-\\d{2})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final int[] PLAIN_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final ZoneId zone;
    private final DayOrder order;

    public DateParser(ZoneId zone, DayOrder order) {
        this.zone = zone;
        this.order = order;
    }

    /** @return the instant, or null for an empty cell */
    public OffsetDateTime parse(String value) throws ParseException {
        String s = CellText.cleanOrNull(value);
        if (s == null) {
            return null;
        }
        try {
            // the exports' usual layout, read without the patterns (JFR: a seventh of the reading thread)
            OffsetDateTime plain = plainDateTime(s);
            if (plain != null) {
                return plain;
            }
        } catch (DateTimeException e) {
            throw new ParseException("bad_date", "not a date: " + value + " (" + e.getMessage() + ")");
        }
        return byPatterns(s, value);
    }

    /** {@link #parse} of a cleaned cell without its fast path (ReadingFastPathsTest compares the two). */
    OffsetDateTime byPatterns(String cleaned, String value) throws ParseException {
        String s = Normalizer.normalize(cleaned, Normalizer.Form.NFKC).trim();
        try {
            OffsetDateTime result = tryParse(s);
            if (result != null) {
                return result;
            }
        } catch (DateTimeException e) {
            throw new ParseException("bad_date", "not a date: " + value + " (" + e.getMessage() + ")");
        }
        throw new ParseException("bad_date", "not a date: " + value);
    }

    /** An Excel date cell's serial number (days since 1899-12-30, fraction = time of day). */
    public OffsetDateTime fromExcelSerial(double serial) {
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * 86_400);
        return EXCEL_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds).atZone(zone).toOffsetDateTime();
    }

    /**
     * yyyy-MM-dd HH:mm:ss in ASCII digits, as {@code YMD} reads it (no offset: the shop's zone); null for any other text.
     * NFKC and trim leave such a text as it is.
     */
    private OffsetDateTime plainDateTime(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' ' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        for (int k : PLAIN_DIGITS) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return null;
            }
        }
        LocalDate day = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
        return day.atTime(LocalTime.of(digits(s, 11, 13), digits(s, 14, 16), digits(s, 17, 19))).atZone(zone).toOffsetDateTime();
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            n = n * 10 + s.charAt(k) - '0';
        }
        return n;
    }

    private OffsetDateTime tryParse(String s) {
        Matcher m = YMD.matcher(s);
        if (m.matches()) {
            LocalDateTime t = LocalDate.of(i(m.group(1)), i(m.group(2)), i(m.group(3))).atTime(time(m.group(4), m.group(5), m.group(6)));
            return m.group(7) == null ? t.atZone(zone).toOffsetDateTime() : t.atOffset(java.time.ZoneOffset.of(offset(m.group(7))));
        }
        m = COMPACT.matcher(s);
        if (m.matches()) {
            return LocalDate.of(i(m.group(1)), i(m.group(2)), i(m.group(3))).atTime(time(m.group(4), m.group(5), m.group(6)))
                    .atZone(zone).toOffsetDateTime();
        }
        m = SLASHED.matcher(s);
        if (m.matches()) {
            return slashed(m);
        }
        if (SERIAL.matcher(s).matches()) {
            double serial = Double.parseDouble(s);
            if (serial >= 20_000 && serial <= 80_000) { // 1954 … 2119: anything else is not a date
                return fromExcelSerial(serial);
            }
            return null;
        }
        m = EBAY_DAY.matcher(s);
        if (m.matches()) {
            // Mar-04-24, or Sep-30-26 23:45:00 in the newer Orders report (the seller's local time, no zone)
            return LocalDate.parse(m.group(1), EBAY).atTime(time(m.group(2), m.group(3), m.group(4))).atZone(zone).toOffsetDateTime();
        }
        return null;
    }

    private OffsetDateTime slashed(Matcher m) {
        int a = i(m.group(1));
        int b = i(m.group(2));
        String c = m.group(3);
        LocalTime t = time(m.group(4), m.group(5), m.group(6));
        LocalDate d;
        if (c.length() == 4) {
            // 5/31/2016 (US) or 31/5/2016: a part above 12 decides, otherwise the platform's order
            boolean monthFirst = b > 12 || a <= 12 && order == DayOrder.MONTH_FIRST;
            d = monthFirst ? LocalDate.of(i(c), a, b) : LocalDate.of(i(c), b, a);
        } else if (a > 12 || order == DayOrder.YEAR_FIRST && b <= 12) {
            d = LocalDate.of(2000 + a, b, i(c)); // 21/03/05 in a Chinese sheet: yy/MM/dd
        } else {
            d = LocalDate.of(2000 + i(c), a, b); // 6/18/23, 09/03/26 (Etsy): MM/dd/yy
        }
        return d.atTime(t).atZone(zone).toOffsetDateTime();
    }

    /** A birthday as written by hand: 3月5日, 3月5号, 03-05, 1990-03-05 … year optional (null when absent). */
    public static Birthday parseBirthday(String value) throws ParseException {
        String s = CellText.cleanOrNull(value);
        if (s == null) {
            return null;
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).trim();
        Matcher md = Pattern.compile("(\\d{1,2})\\s*[月/.-]\\s*(\\d{1,2})\\s*[日号]?").matcher(s);
        if (md.matches()) {
            return Birthday.of(null, i(md.group(1)), i(md.group(2)), value);
        }
        Matcher ymd = YMD.matcher(s);
        if (ymd.matches()) {
            return Birthday.of(i(ymd.group(1)), i(ymd.group(2)), i(ymd.group(3)), value);
        }
        Matcher compact = COMPACT.matcher(s);
        if (compact.matches()) {
            return Birthday.of(i(compact.group(1)), i(compact.group(2)), i(compact.group(3)), value);
        }
        throw new ParseException("bad_date", "not a birthday: " + value);
    }

    /** A birthday whose year may be unknown. */
    public record Birthday(Integer year, int month, int day) {

        static Birthday of(Integer year, int month, int day, String raw) throws ParseException {
            try {
                LocalDate.of(year == null ? 2000 : year, month, day); // 2000 is a leap year: 2月29日 is allowed
            } catch (DateTimeException e) {
                throw new ParseException("bad_date", "not a birthday: " + raw);
            }
            return new Birthday(year, month, day);
        }
    }

    private static LocalTime time(String h, String min, String sec) {
        if (h == null) {
            return LocalTime.MIDNIGHT;
        }
        return LocalTime.of(i(h), i(min), sec == null ? 0 : i(sec));
    }

    private static String offset(String o) {
        if (o.equals("Z")) {
            return "Z";
        }
        return o.contains(":") ? o : o.substring(0, 3) + ":" + o.substring(3);
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }
}
