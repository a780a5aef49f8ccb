package com.fankeep.core.interaction;

import java.util.Locale;

/** Where a contact happens (interaction.channel, follow_up.channel). */
public enum ContactMedium {
    PHONE, WECHAT, QQ, WEIBO, DOUYIN, EMAIL, IN_PERSON, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactMedium fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown channel '" + code + "'; known: "
                    + java.util.Arrays.stream(values()).map(ContactMedium::code).toList());
        }
    }
}
