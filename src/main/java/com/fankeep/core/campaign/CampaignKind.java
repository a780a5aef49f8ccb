package com.fankeep.core.campaign;

import java.util.Locale;

/** What is given: a holiday card, a small gift, a sample or trial (a launch's trial phase), a referral reward, other. */
public enum CampaignKind {
    CARD, GIFT, SAMPLE, REFERRAL, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignKind of(String code) {
        for (CampaignKind k : values()) {
            if (k.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return k;
            }
        }
        throw new CampaignException("campaign.error.kind", "kind must be card, gift, sample, referral or other", code);
    }
}
