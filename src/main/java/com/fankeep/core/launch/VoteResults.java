package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The current answers (one per fan) and what they add up to.
 *
 * @param byTier tier code ("none" for no tier) → choice → fans
 * @param changed fans who changed their answer at least once
 */
public record VoteResults(List<Vote> current, Map<String, Map<String, Integer>> byTier, PriceStats guesses,
                          BigDecimal plannedPrice, int changed) {
}
