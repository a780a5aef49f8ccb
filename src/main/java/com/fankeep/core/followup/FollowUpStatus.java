package com.fankeep.core.followup;

import java.util.Locale;

public enum FollowUpStatus {
    OPEN, DONE, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FollowUpStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
