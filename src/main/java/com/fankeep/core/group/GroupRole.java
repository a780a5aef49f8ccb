package com.fankeep.core.group;

import java.util.Locale;

/** A member's role in a group, as the chat app shows it (群主, 管理员, 成员). */
public enum GroupRole {
    OWNER("owner"),
    ADMIN("admin"),
    MEMBER("member");

    private final String code;

    GroupRole(String code) {
        this.code = code;
    }

    /** The code as stored and as the CLI and JSON write it. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    public static GroupRole of(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (GroupRole r : values()) {
            if (r.code.equals(c)) {
                return r;
            }
        }
        throw new GroupException("group.error.role", "unknown role " + code, code);
    }
}
