package com.fankeep.core.importing.format;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a column of a customer list holds, as a column mapping names it: {@code name}, {@code phone}, {@code wechat},
 * {@code qq}, {@code email}, {@code address}, {@code province}, {@code city}, {@code note}, {@code birthday},
 * {@code last_purchase}, {@code referred_by} (who referred this person: a name, account or phone of another customer),
 * {@code nickname:<platform>} (e.g. {@code nickname:taobao}) or {@code ignore}.
 *
 * @param platform the platform of a nickname ("taobao"), else null
 */
public record ContactField(Kind kind, String platform) {

    public enum Kind { NAME, PHONE, WECHAT, QQ, EMAIL, ADDRESS, PROVINCE, CITY, NOTE, BIRTHDAY, LAST_PURCHASE, REFERRED_BY, NICKNAME, IGNORE }

    private static final Pattern PLATFORM = Pattern.compile("[a-z][a-z0-9_]{0,19}");

    public static final ContactField NAME = new ContactField(Kind.NAME, null);
    public static final ContactField PHONE = new ContactField(Kind.PHONE, null);
    public static final ContactField WECHAT = new ContactField(Kind.WECHAT, null);
    public static final ContactField QQ = new ContactField(Kind.QQ, null);
    public static final ContactField EMAIL = new ContactField(Kind.EMAIL, null);
    public static final ContactField ADDRESS = new ContactField(Kind.ADDRESS, null);
    public static final ContactField PROVINCE = new ContactField(Kind.PROVINCE, null);
    public static final ContactField CITY = new ContactField(Kind.CITY, null);
    public static final ContactField NOTE = new ContactField(Kind.NOTE, null);
    public static final ContactField BIRTHDAY = new ContactField(Kind.BIRTHDAY, null);
    public static final ContactField LAST_PURCHASE = new ContactField(Kind.LAST_PURCHASE, null);
    public static final ContactField REFERRED_BY = new ContactField(Kind.REFERRED_BY, null);
    public static final ContactField IGNORE = new ContactField(Kind.IGNORE, null);

    public ContactField {
        if ((kind == Kind.NICKNAME) != (platform != null)) {
            throw new IllegalArgumentException("a nickname, and only a nickname, names its platform");
        }
        if (platform != null && !PLATFORM.matcher(platform).matches()) {
            throw new IllegalArgumentException("not a platform id: " + platform);
        }
    }

    public static ContactField nickname(String platform) {
        return new ContactField(Kind.NICKNAME, platform);
    }

    /** @throws IllegalArgumentException for anything but the codes listed above */
    public static ContactField parse(String code) {
        if (code == null) {
            throw new IllegalArgumentException("no field");
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        if (c.startsWith("nickname:")) {
            return nickname(c.substring("nickname:".length()).trim());
        }
        for (Kind k : Kind.values()) {
            if (k != Kind.NICKNAME && k.name().toLowerCase(Locale.ROOT).equals(c)) {
                return new ContactField(k, null);
            }
        }
        throw new IllegalArgumentException("unknown field '" + code + "'; known: name, phone, wechat, qq, email, address, "
                + "province, city, note, birthday, last_purchase, referred_by, nickname:<platform>, ignore");
    }

    /** The code {@link #parse} reads back. */
    public String code() {
        return kind == Kind.NICKNAME ? "nickname:" + platform : kind.name().toLowerCase(Locale.ROOT);
    }

    /** A column that can tell one person from another (what a mapping needs at least one of). */
    public boolean identifies() {
        return switch (kind) {
            case NAME, PHONE, WECHAT, QQ, EMAIL, NICKNAME -> true;
            default -> false;
        };
    }
}
