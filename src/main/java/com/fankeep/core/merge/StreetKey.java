package com.fankeep.core.merge;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "district|street" for the same-name-same-street reason: the street's name without house, building or room numbers,
 * in the district (浦东新区) when the address names one, else the city. 世纪大道100号1203室 and 世纪大道100号1501室 are
 * one street; "12 Baker St" and "40 baker street" too.
 */
final class StreetKey {

    private static final Pattern HAN_DISTRICT = Pattern.compile("([\\p{IsHan}]{1,12}?(?:新区|区|县|旗))");
    private static final Pattern HAN_STREET = Pattern.compile("([\\p{IsHan}A-Za-z0-9]{1,12}?(?:大街|大道|胡同|路|街|巷|弄))");
    private static final Pattern LATIN_STREET = Pattern.compile(
            "\\b([a-z][a-z' ]{1,40}?) (street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|boulevard|blvd|place|pl|court|ct|strasse|straße|str)\\b");

    private StreetKey() {
    }

    /** @return "place|street", or null when no street (or no place) can be told */
    static String of(String city, String district, String address) {
        if (address == null || address.contains("*")) {
            return null;
        }
        String text = Normalizer.normalize(address, Normalizer.Form.NFKC);
        boolean han = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        if (han) {
            String d = district;
            String rest = text.replaceAll("\\s+", "");
            if (d != null && rest.contains(d.strip())) {
                rest = rest.substring(rest.indexOf(d.strip()) + d.strip().length());
            } else if (d == null) {
                Matcher dm = HAN_DISTRICT.matcher(rest);
                if (dm.find()) {
                    // "上海上海市浦东新区" → 浦东新区: the province and city written before it are not the district
                    d = dm.group(1).substring(Math.max(dm.group(1).lastIndexOf('市'), dm.group(1).lastIndexOf('省')) + 1);
                    rest = rest.substring(dm.end());
                }
            }
            Matcher sm = HAN_STREET.matcher(rest);
            String place = ScanTexts.cityKey(d != null ? d : city);
            return sm.find() && place != null ? place + "|" + sm.group(1) : null;
        }
        String latin = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9' ]+", " ").replaceAll("\\s+", " ");
        Matcher lm = LATIN_STREET.matcher(latin);
        String place = ScanTexts.cityKey(district != null ? district : city);
        if (!lm.find() || place == null) {
            return null;
        }
        String name = lm.group(1).replaceAll("^(?:[a-z]{1,3} )?(?:apt|flat|unit|suite|rm) ?", "").strip();
        return name.isEmpty() ? null : place + "|" + name + " " + suffix(lm.group(2));
    }

    /** The street part for the evidence shown: "浦东新区 世纪大道", "london baker street". */
    static String shown(String key) {
        return key.replace('|', ' ');
    }

    private static String suffix(String s) {
        return switch (s) {
            case "st" -> "street";
            case "rd" -> "road";
            case "ave" -> "avenue";
            case "ln" -> "lane";
            case "dr" -> "drive";
            case "blvd" -> "boulevard";
            case "pl" -> "place";
            case "ct" -> "court";
            case "str", "straße" -> "strasse";
            default -> s;
        };
    }
}
