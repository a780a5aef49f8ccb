package com.fankeep.core.referral;

import java.util.List;
import java.util.Map;

/**
 * What linking referrers named in a file did.
 *
 * @param linked     customers whose referrer was set
 * @param unmatched  customers whose referrer text matched nobody or several (kept as a note on the customer)
 * @param refused    customers whose link would have made a loop, or who would refer themselves
 * @param referrers  for each linked customer, the referrer set (what an import undo takes back)
 * @param noteLines  for each unmatched customer whose note got a line, that line (what an import undo takes back)
 */
public record ReferralLinkResult(List<Long> linked, List<Long> unmatched, List<Long> refused,
                                 Map<Long, Long> referrers, Map<Long, String> noteLines) {

    public ReferralLinkResult {
        linked = List.copyOf(linked);
        unmatched = List.copyOf(unmatched);
        refused = List.copyOf(refused);
        referrers = Map.copyOf(referrers);
        noteLines = Map.copyOf(noteLines);
    }
}
