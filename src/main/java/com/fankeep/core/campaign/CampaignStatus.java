package com.fankeep.core.campaign;

import java.util.Locale;

/** draft → announced → claiming → shipping → closed; a campaign only moves forward. */
public enum CampaignStatus {
    DRAFT, ANNOUNCED, CLAIMING, SHIPPING, CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus of(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }

    /** Claims are taken while announced or claiming (and inside the window). */
    public boolean takesClaims() {
        return this == ANNOUNCED || this == CLAIMING;
    }
}
