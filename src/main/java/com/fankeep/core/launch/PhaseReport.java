package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One phase's figures. Orders count when paid, ordered in the phase window, with a line of the launched product.
 *
 * @param reached          fans its follow-ups went to when started (null: not started)
 * @param wantVotes        current "want" answers (warm-up)
 * @param guessMedian      median guessed price (warm-up), against {@code price} of the sale phases
 * @param revenueByPrice   unit price → revenue of the product's lines at that price
 * @param returningBuyers  buyers with an order before the phase started
 * @param vipBoughtAfter   first batch: allocated fans with a paid order after the phase ended (any product)
 * @param vipSpendAfter    their paid amount after it, in the launch's currency
 */
public record PhaseReport(PhaseKind kind, OffsetDateTime from, OffsetDateTime to, BigDecimal price, Integer reached, int votes,
                          int wantVotes, BigDecimal guessMedian, int requests, int allocated, int paidOrders, int units,
                          Map<BigDecimal, BigDecimal> revenueByPrice, BigDecimal revenue, int buyers, int newBuyers,
                          int returningBuyers, int vipBoughtAfter, BigDecimal vipSpendAfter) {
}
