package com.fankeep.core.launch;

import java.util.List;

/** Tier codes best first, their rank and lottery weight (a fan with no tier ranks and weighs last). */
final class TierOrder {

    private static final List<String> CODES = List.of("iron_fan", "vip", "regular", "new", "lapsed");

    private TierOrder() {
    }

    static int rank(String tier) {
        int i = tier == null ? -1 : CODES.indexOf(tier);
        return i < 0 ? CODES.size() : i;
    }

    /** iron_fan 5, vip 4, regular 3, new 2, lapsed or none 1. */
    static double weight(String tier) {
        return Math.max(1, 5 - rank(tier));
    }
}
