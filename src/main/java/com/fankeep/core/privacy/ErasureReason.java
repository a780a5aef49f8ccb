package com.fankeep.core.privacy;

/** Why a customer was erased; a fixed code, so the erasure log never holds free text (which could name the person). */
public enum ErasureReason {
    /** The person asked (PIPL Art. 47, GDPR Art. 17). */
    REQUEST,
    /** Kept longer than needed (retention). */
    RETENTION,
    OTHER;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
