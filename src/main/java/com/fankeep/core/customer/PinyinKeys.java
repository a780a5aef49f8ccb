package com.fankeep.core.customer;

import java.util.Locale;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Search keys of a name: full pinyin without tones (张三 → {@code zhangsan}) and initials ({@code zs}).
 * The first character, when it has a surname reading that differs from its common one (单 shan, 曾 zeng), is read
 * as a surname; other characters take pinyin4j's first reading. Latin letters and digits are kept, lower-cased;
 * in initials a Latin word gives its first letter ("Allen朱啸虎" → {@code allenzhuxiaohu} / {@code azxh}).
 */
public final class PinyinKeys {

    /** Surname readings of polyphonic characters (only applied to the first character of a name). */
    private static final Map<Character, String> SURNAMES = Map.ofEntries(
            Map.entry('单', "shan"), Map.entry('曾', "zeng"), Map.entry('解', "xie"), Map.entry('仇', "qiu"),
            Map.entry('朴', "piao"), Map.entry('区', "ou"), Map.entry('查', "zha"), Map.entry('缪', "miao"),
            Map.entry('翟', "zhai"), Map.entry('乐', "yue"), Map.entry('尉', "yu"), Map.entry('盖', "ge"),
            Map.entry('覃', "qin"), Map.entry('召', "shao"), Map.entry('繁', "po"), Map.entry('种', "chong"),
            Map.entry('员', "yun"), Map.entry('长', "chang"), Map.entry('重', "chong"), Map.entry('折', "she"),
            Map.entry('纪', "ji"), Map.entry('任', "ren"), Map.entry('沈', "shen"), Map.entry('柏', "bai"),
            Map.entry('秘', "bi"), Map.entry('能', "nai"), Map.entry('华', "hua"), Map.entry('贾', "jia"),
            Map.entry('牟', "mu"), Map.entry('祭', "zhai"), Map.entry('宿', "su"), Map.entry('冼', "xian"),
            Map.entry('万', "wan"), Map.entry('薄', "bo"), Map.entry('隗', "wei"), Map.entry('訾', "zi"));

    /** Characters pinyin4j 2.5.1 does not know or reads unhelpfully. */
    private static final Map<Character, String> FALLBACK = Map.of('喆', "zhe", '堃', "kun", '〇', "ling");

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    /** char → reading; "" = not a Han character. Filled lazily; benign races (Strings are immutable). */
    private static final String[] CACHE = new String[Character.MAX_VALUE + 1];

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private PinyinKeys() {
    }

    /** Full pinyin, e.g. 张三 → {@code zhangsan}; {@code ""} for null or blank. */
    public static String full(String name) {
        return keys(name)[0];
    }

    /** Initials, e.g. 张三 → {@code zs}. */
    public static String initials(String name) {
        return keys(name)[1];
    }

    /** {@code [full, initials]} in one pass. */
    static String[] keys(String name) {
        if (name == null || name.isBlank()) {
            return new String[] {"", ""};
        }
        String s = name.strip();
        StringBuilder full = new StringBuilder(s.length() * 4);
        StringBuilder initials = new StringBuilder(s.length());
        boolean inLatinWord = false;
        boolean first = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String reading = first ? SURNAMES.get(c) : null;
            if (reading == null) {
                reading = reading(c);
            }
            if (!reading.isEmpty()) {
                full.append(reading);
                initials.append(reading.charAt(0));
                inLatinWord = false;
                first = false;
            } else if (Character.isLetterOrDigit(c)) {
                char lower = Character.toLowerCase(c);
                full.append(lower);
                if (!inLatinWord) {
                    initials.append(lower);
                }
                inLatinWord = true;
                first = false;
            } else {
                if (!Character.isWhitespace(c) || full.length() > 0) {
                    full.append(Character.toLowerCase(c));
                }
                inLatinWord = false;
            }
        }
        return new String[] {full.toString().strip(), initials.toString()};
    }

    /** The toneless reading of one Han character, or {@code ""} when {@code c} is not one. */
    static String reading(char c) {
        String cached = CACHE[c];
        if (cached != null) {
            return cached;
        }
        String r = FALLBACK.get(c);
        if (r == null) {
            r = "";
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                try {
                    String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                    if (all != null && all.length > 0 && !all[0].isEmpty()) {
                        r = all[0].toLowerCase(Locale.ROOT);
                    }
                } catch (BadHanyuPinyinOutputFormatCombination e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        CACHE[c] = r;
        return r;
    }
}
