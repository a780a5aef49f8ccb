package com.fankeep.core.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The localized texts (i18n/messages*.properties): English is the base bundle, zh_CN the Chinese one. */
public final class Messages {

    public static final String BUNDLE = "i18n.messages";

    private final Locale requested;
    /** Read on first use: a command that prints no text of its own (`stats --json`) never parses the 1,800 lines (ADR 0047). */
    private volatile ResourceBundle bundle;

    private Messages(Locale requested) {
        this.requested = requested;
    }

    public static Messages of(Locale locale) {
        return new Messages(locale);
    }

    public Locale locale() {
        return bundle().getLocale();
    }

    public ResourceBundle bundle() {
        ResourceBundle b = bundle;
        if (b == null) {
            // No fallback to the JVM default locale: English is the base bundle, whatever the machine says.
            b = ResourceBundle.getBundle(BUNDLE, requested, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
            bundle = b;
        }
        return b;
    }

    /** Items listed as this language lists them: "a, b, c" in English, "a、b、c" in Chinese ({@code common.listSeparator}). */
    public String list(List<String> items) {
        return String.join(get("common.listSeparator"), items);
    }

    /** The text for {@code key} with {@code args} filled in ({0}, {1} …); a missing key shows as !key! rather than failing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle().getLocale()).format(args);
    }
}
