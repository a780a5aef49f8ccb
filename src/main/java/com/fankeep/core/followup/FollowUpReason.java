package com.fankeep.core.followup;

import java.util.Locale;

/** Why a follow-up exists; all but MANUAL and KEEP_IN_TOUCH are made by {@link FollowUpRules}. */
public enum FollowUpReason {
    MANUAL, SEND_TRACKING, DELIVERY_CHECK, BIRTHDAY, WIN_BACK,
    /** Satisfied by any interaction logged on the customer. */
    KEEP_IN_TOUCH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FollowUpReason fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public boolean automatic() {
        return this != MANUAL && this != KEEP_IN_TOUCH;
    }
}
