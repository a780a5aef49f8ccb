package com.fankeep.core.insight;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * Headline counts of one database.
 *
 * @param revenueByCurrency net paid (paid minus refunded) of orders that count as revenue, per ISO currency code
 */
public record Stats(long customers, long orders, long orderLines, long interactions, long openFollowUps,
                    SortedMap<String, BigDecimal> revenueByCurrency) {
}
