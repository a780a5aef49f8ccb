package com.fankeep.core.campaign;

import com.fankeep.core.shared.RefusedException;

/** A campaign request that was refused (i18n "campaign.error.*"); nothing was changed when this is thrown. */
public class CampaignException extends RefusedException {

    public CampaignException(String key, String message, Object... args) {
        super(key, message, args);
    }

    /** The customer is not in the campaign's audience and the owner has not confirmed the claim. */
    public static final class OutsideAudience extends CampaignException {
        OutsideAudience(String campaign, long customerId) {
            super("campaign.error.outsideAudience", "customer " + customerId + " is not in the audience of " + campaign
                    + "; confirm (--yes) to record the claim as from outside the audience", campaign, customerId);
        }
    }
}
