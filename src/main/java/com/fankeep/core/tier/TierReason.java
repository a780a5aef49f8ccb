package com.fankeep.core.tier;

/** Why a customer's tier changed (tier_history.reason). */
public enum TierReason {
    IMPORT, UNDO, MERGE, ERASE, EDIT, RECOMPUTE, DAILY, PIN, UNPIN;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
