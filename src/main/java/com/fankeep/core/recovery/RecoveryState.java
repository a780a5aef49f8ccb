package com.fankeep.core.recovery;

import java.util.Locale;

/** Where a customer is on the way back: not in the pipeline, to contact, contacted, added on WeChat/QQ, buying again. */
public enum RecoveryState {
    NONE, TO_CONTACT, CONTACTED, ADDED, ACTIVE_AGAIN;

    /** The value stored in customer.recovery_state. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecoveryState of(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown recovery state '" + code + "'; known: none, to_contact, contacted, added, active_again");
        }
    }
}
