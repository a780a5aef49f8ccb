package com.fankeep.core.importing.format;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ISO 3166 codes for the country names overseas exports write ("United States" in Etsy and eBay, "US" in Shopify):
 * the phone normalizer needs the code to read "(415) 555-0134" as American.
 */
final class CountryCodes {

    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale l = Locale.of("", code);
            BY_NAME.put(key(l.getDisplayCountry(Locale.ENGLISH)), code);
            BY_NAME.put(key(l.getISO3Country()), code);
        }
        String[][] aliases = {
            {"USA", "US"}, {"U.S.A.", "US"}, {"U.S.", "US"}, {"United States of America", "US"}, {"America", "US"},
            {"UK", "GB"}, {"U.K.", "GB"}, {"Great Britain", "GB"}, {"England", "GB"}, {"Scotland", "GB"},
            {"Wales", "GB"}, {"Northern Ireland", "GB"}, {"Hong Kong", "HK"}, {"Macau", "MO"}, {"Macao", "MO"},
            {"Korea", "KR"}, {"Republic of Korea", "KR"}, {"Russia", "RU"}, {"Vietnam", "VN"}, {"Viet Nam", "VN"},
            {"Czech Republic", "CZ"}, {"Holland", "NL"}, {"The Netherlands", "NL"}, {"Mainland China", "CN"},
            {"PRC", "CN"}, {"中国", "CN"}, {"中国大陆", "CN"}, {"美国", "US"}, {"加拿大", "CA"}, {"英国", "GB"},
            {"澳大利亚", "AU"}, {"香港", "HK"}, {"台湾", "TW"}, {"日本", "JP"}, {"新加坡", "SG"}, {"马来西亚", "MY"},
        };
        for (String[] a : aliases) {
            BY_NAME.put(key(a[0]), a[1]);
        }
    }

    private CountryCodes() {
    }

    /** @return the two-letter code of a country written as a code or an English name, or null when unknown */
    static String iso(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String s = country.trim();
        if (s.length() == 2 && Character.isLetter(s.charAt(0)) && Character.isLetter(s.charAt(1))) {
            String code = s.toUpperCase(Locale.ROOT);
            return Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(code) ? code
                    : code.equals("UK") ? "GB" : null;
        }
        return BY_NAME.get(key(s));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s.]+", " ").trim();
    }
}
