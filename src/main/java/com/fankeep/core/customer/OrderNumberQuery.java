package com.fankeep.core.customer;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a search text means as an order number: the forms to look up exactly, and the prefixes to look up when it is
 * long enough to be a pasted or partly typed number (Taobao numbers have 18–19 digits, Shopify's look like #1001).
 * Text pasted from an export keeps its wrapping ({@code ="123"}, {@code '123}, a TAB): it is taken off.
 */
record OrderNumberQuery(Set<String> exact, Set<String> prefixes) {

    /** Shorter texts are not looked up at all (a few digits are a phone fragment far more often). */
    static final int MIN_EXACT = 4;
    /** From this many characters (without #) a text also finds the orders whose number starts with it. */
    static final int MIN_PREFIX = 6;

    static final OrderNumberQuery NONE = new OrderNumberQuery(Set.of(), Set.of());

    static OrderNumberQuery of(String text) {
        if (text == null) {
            return NONE;
        }
        String t = text.strip().replace("\t", "");
        if (t.startsWith("=")) {
            t = t.substring(1);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.startsWith("'")) {
            t = t.substring(1);
        }
        t = t.strip();
        String bare = t.startsWith("#") ? t.substring(1) : t;
        if (bare.length() < MIN_EXACT || !plain(bare) || bare.chars().noneMatch(Character::isDigit)) {
            return NONE;
        }
        boolean digitsOnly = bare.chars().allMatch(Character::isDigit);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(t);
        forms.add(t.toUpperCase(Locale.ROOT)); // Youzan's E2023…, typed in lower case
        forms.add(bare);
        if (digitsOnly) {
            forms.add("#" + bare); // Shopify keeps the # in the number
        }
        return new OrderNumberQuery(Set.copyOf(forms), bare.length() >= MIN_PREFIX ? forms : Set.of());
    }

    boolean isEmpty() {
        return exact.isEmpty();
    }

    /** Letters, digits and the separators order numbers use (Pinduoduo 230501-856…, eBay 12-34567-89012). */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
