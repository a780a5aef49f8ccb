package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.ParseException;
import com.fankeep.core.shared.CellText;
import com.fankeep.core.shared.PhoneNormalizer;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How contact lists write names, phones, birthdays and countries, read the same way by every contacts format. */
public final class ContactValues {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    // a remark in brackets without a digit: 13800138014（微信同号）
    private static final Pattern REMARK = Pattern.compile("[(（\\[【][^0-9０-９()（）\\[\\]【】]*[)）\\]】]");
    private static final Pattern WORDS = Pattern.compile("[\\p{IsHan}:：]+");
    // (416) 555-0199: a bracketed North American area code (a Chinese area code in brackets starts with 0)
    private static final Pattern NANP = Pattern.compile("\\(([2-9]\\d{2})\\)\\s*([2-9]\\d{2})[\\s.-]?(\\d{4})");
    private static final Pattern MONTH_DAY = Pattern.compile("--(\\d{1,2})-?(\\d{1,2})");
    private static final Pattern ISO_WITH_TIME = Pattern.compile("(\\d{4}-?\\d{2}-?\\d{2})T.*");
    private static final Pattern EMPTY_DATE = Pattern.compile("0{1,2}/0{1,2}/0{2,4}|0000-00-00");
    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("中国", "CN"), Map.entry("中国大陆", "CN"), Map.entry("中华人民共和国", "CN"), Map.entry("china", "CN"),
            Map.entry("prc", "CN"), Map.entry("cn", "CN"), Map.entry("香港", "HK"), Map.entry("hong kong", "HK"),
            Map.entry("澳门", "MO"), Map.entry("台湾", "TW"), Map.entry("taiwan", "TW"), Map.entry("新加坡", "SG"),
            Map.entry("singapore", "SG"), Map.entry("美国", "US"), Map.entry("united states", "US"), Map.entry("usa", "US"),
            Map.entry("united states of america", "US"), Map.entry("加拿大", "CA"), Map.entry("canada", "CA"),
            Map.entry("英国", "GB"), Map.entry("united kingdom", "GB"), Map.entry("uk", "GB"), Map.entry("澳大利亚", "AU"),
            Map.entry("australia", "AU"), Map.entry("法国", "FR"), Map.entry("france", "FR"), Map.entry("日本", "JP"),
            Map.entry("japan", "JP"), Map.entry("德国", "DE"), Map.entry("germany", "DE"));

    private ContactValues() {
    }

    /** 王 + 喆 → 王喆 (Chinese names have no space, family first); Emily + Carter → Emily Carter. */
    public static String personName(String given, String middle, String family) {
        boolean chinese = isHan(given) || isHan(family);
        List<String> parts = new ArrayList<>();
        for (String p : chinese ? new String[] {family, given, middle} : new String[] {given, middle, family}) {
            String s = CellText.cleanOrNull(p);
            if (s != null) {
                parts.add(s);
            }
        }
        return parts.isEmpty() ? null : String.join(chinese ? "" : " ", parts);
    }

    /** Joins name cells (姓 + 名, First + Last) the way {@link #personName} does. */
    public static String joinName(List<String> parts) {
        List<String> present = parts.stream().map(CellText::cleanOrNull).filter(p -> p != null).toList();
        if (present.isEmpty()) {
            return null;
        }
        return String.join(present.stream().anyMatch(ContactValues::isHan) ? "" : " ", present);
    }

    /**
     * The phone numbers of one cell, each ready for PhoneNormalizer: several numbers are split ("13800138005 /
     * +1 604-555-0123", "…、…"), words and bracketed remarks around them go ("电话:13800138015",
     * "13800138014（微信同号）"), and a North American number written "(416) 555-0199" gets its +1.
     */
    public static List<String> phones(String cell) {
        String text = CellText.cleanOrNull(cell);
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        text = REMARK.matcher(text).replaceAll(" ");
        text = WORDS.matcher(text).replaceAll(" / ");
        for (String part : PhoneNormalizer.splitCell(text)) {
            String p = part.strip();
            if (!p.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            Matcher m = NANP.matcher(Normalizer.normalize(p, Normalizer.Form.NFKC));
            out.add(m.matches() ? "+1 " + m.group(1) + " " + m.group(2) + " " + m.group(3) : p);
        }
        return out;
    }

    /** The values of a multi-value cell: one per line (vCard), or Google's " ::: " between values. */
    public static List<String> values(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null) {
            return out;
        }
        for (String v : cell.split("\\R| ::: ")) {
            String s = CellText.cleanOrNull(v);
            if (s != null && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A birthday as contact lists write it: 3月5日, 1990-03-05, 19900305, --06-18 and --0618 (vCard and Google: no
     * year), 1995-02-14T00:00:00Z, 5/4/1991 (Outlook, month first), 1990/12/1; Outlook's 0/0/00 means none.
     *
     * @param slashed reads slashed dates with a four-digit year in the list's order
     * @return null for an empty cell
     */
    public static DateParser.Birthday birthday(String value, DateParser slashed) throws ParseException {
        String s = CellText.cleanOrNull(value);
        if (s == null) {
            return null;
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).trim();
        if (EMPTY_DATE.matcher(s).matches()) {
            return null;
        }
        Matcher md = MONTH_DAY.matcher(s);
        if (md.matches()) {
            return DateParser.parseBirthday(md.group(1) + "月" + md.group(2) + "日");
        }
        Matcher iso = ISO_WITH_TIME.matcher(s);
        if (iso.matches()) {
            s = iso.group(1);
        }
        try {
            return DateParser.parseBirthday(s);
        } catch (ParseException e) {
            OffsetDateTime t;
            try {
                t = slashed.parse(s);
            } catch (ParseException again) {
                throw e;
            }
            return new DateParser.Birthday(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        }
    }

    /** 中国 / China / CN → "CN"; a name FanKeep does not know stays as written; null for empty. */
    public static String countryCode(String country) {
        String s = CellText.cleanOrNull(country);
        if (s == null) {
            return null;
        }
        String code = COUNTRIES.get(s.toLowerCase(Locale.ROOT));
        if (code != null) {
            return code;
        }
        return s.matches("[A-Za-z]{2}") ? s.toUpperCase(Locale.ROOT) : s;
    }

    /** The non-blank parts, one per line; null when there are none. */
    public static String note(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            String s = CellText.cleanOrNull(p);
            if (s != null) {
                present.add(s);
            }
        }
        return present.isEmpty() ? null : String.join("\n", present);
    }

    private static boolean isHan(String s) {
        return s != null && HAN.matcher(s).find();
    }
}
