package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A fan's answer: choice want, no, or another option's text; a price guess; the channel it was said in.
 *
 * @param current false for an answer a later one replaced (the history)
 */
public record Vote(long id, long customerId, String name, String tier, String choice, BigDecimal priceGuess, String channel,
                   OffsetDateTime at, boolean current) {
}
