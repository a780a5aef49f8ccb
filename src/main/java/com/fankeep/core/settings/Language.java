package com.fankeep.core.settings;

import java.util.Locale;

/** The UI language: follow the system, or a fixed one. */
public enum Language {
    SYSTEM("system"),
    ZH_CN("zh_CN"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Language fromCode(String code) {
        for (Language l : values()) {
            if (l.code.equalsIgnoreCase(code)) {
                return l;
            }
        }
        return SYSTEM;
    }

    /** The locale to show: Chinese for a Chinese system (or choice), English otherwise. */
    public Locale locale(Locale system) {
        return switch (this) {
            case ZH_CN -> Locale.SIMPLIFIED_CHINESE;
            case EN -> Locale.ENGLISH;
            case SYSTEM -> "zh".equals(system.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        };
    }
}
