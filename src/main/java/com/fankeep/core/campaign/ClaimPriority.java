package com.fankeep.core.campaign;

import java.util.Locale;

/**
 * Who gets a unit that frees up: the waitlist in claim order (TIME), or iron fans before VIP before regular (and the
 * rest), each in claim order (TIER). A unit already promised is never taken back (ADR 0019).
 */
public enum ClaimPriority {
    TIME, TIER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClaimPriority of(String code) {
        for (ClaimPriority p : values()) {
            if (p.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return p;
            }
        }
        throw new CampaignException("campaign.error.priority", "priority must be time or tier", code);
    }

    /** Rank of a tier code for TIER priority: lower goes first. */
    static int tierRank(String tier) {
        return switch (tier == null ? "" : tier) {
            case "iron_fan" -> 0;
            case "vip" -> 1;
            case "regular" -> 2;
            default -> 3;
        };
    }
}
