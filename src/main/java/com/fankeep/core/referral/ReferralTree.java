package com.fankeep.core.referral;

import java.util.List;

/**
 * A customer's referrals up and down.
 *
 * @param up   who referred them, then who referred that one, … (nearest first)
 * @param down the customer with the ones they referred, and so on
 */
public record ReferralTree(List<ReferralNode> up, ReferralNode down) {

    public ReferralTree {
        up = List.copyOf(up);
    }
}
