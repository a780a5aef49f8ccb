package com.fankeep.core.launch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives freed units to the waiting list strictly in order: nobody further down gets a unit while someone above still
 * wants one. Fans still waiting afterwards are renumbered 1, 2, … in the same order. Pure, for property tests.
 */
public final class WaitlistPromotion {

    private WaitlistPromotion() {
    }

    /** @return one entry per waiting fan whose units or place changed, in waiting-list order */
    public static List<Promotion> promote(List<WaitlistEntry> waitlist, int freed) {
        List<WaitlistEntry> ordered = new ArrayList<>(waitlist);
        ordered.sort(Comparator.comparingInt(WaitlistEntry::position).thenComparingLong(WaitlistEntry::customerId));
        List<Promotion> out = new ArrayList<>();
        int left = Math.max(0, freed);
        int position = 0;
        for (WaitlistEntry e : ordered) {
            int add = Math.min(left, Math.max(0, e.wanted() - e.allocated()));
            left -= add;
            int now = e.allocated() + add;
            Integer newPosition = now < e.wanted() ? ++position : null;
            if (add > 0 || !java.util.Objects.equals(newPosition, e.position())) {
                out.add(new Promotion(e.customerId(), add, now, newPosition));
            }
        }
        return List.copyOf(out);
    }
}
