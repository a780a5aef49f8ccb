package com.fankeep.core.importing.identity;

import java.util.Locale;

/**
 * A value that identifies one person, in order of trust: a platform account (or WeChat/QQ id), a real mobile
 * number in E.164, an e-mail address. Masked, landline and virtual numbers are never keys.
 */
public record IdentityKey(Kind kind, String value) {

    public enum Kind {
        PLATFORM_ACCOUNT("platform_account"), MOBILE("mobile"), EMAIL("email");

        private final String matchedBy;

        Kind(String matchedBy) {
            this.matchedBy = matchedBy;
        }

        /** The customer_match.matched_by value. */
        public String matchedBy() {
            return matchedBy;
        }
    }

    /** "taobao" + "喆喆的小店" → the account key; WeChat and QQ ids use "wechat"/"qq" as the platform. */
    public static IdentityKey account(String platform, String account) {
        return new IdentityKey(Kind.PLATFORM_ACCOUNT, platform + ":" + account.trim());
    }

    public static IdentityKey mobile(String e164) {
        return new IdentityKey(Kind.MOBILE, e164);
    }

    public static IdentityKey email(String email) {
        return new IdentityKey(Kind.EMAIL, email.trim().toLowerCase(Locale.ROOT));
    }
}
