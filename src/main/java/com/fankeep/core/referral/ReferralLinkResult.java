package com.fankeep.core.referral;

import java.util.List;

/**
 * What linking referrers named in a file did.
 *
 * @param linked     customers whose referrer was set
 * @param unmatched  customers whose referrer text matched nobody or several (kept as a note on the customer)
 * @param refused    customers whose link would have made a loop, or who would refer themselves
 */
public record ReferralLinkResult(List<Long> linked, List<Long> unmatched, List<Long> refused) {

    public ReferralLinkResult {
        linked = List.copyOf(linked);
        unmatched = List.copyOf(unmatched);
        refused = List.copyOf(refused);
    }
}
