package com.fankeep.core.customer;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One event on a customer's timeline. Sources (orders today; interactions and follow-ups later) each produce these.
 *
 * @param kind   the source's kind, e.g. {@code order}
 * @param title  a short headline (order number and platform)
 * @param status a state word of the source (an order status), or null
 * @param amount a money text with currency, or null
 * @param details further lines (order lines, tracking no.)
 */
public record TimelineEntry(OffsetDateTime at, String kind, long refId, String title, String status, String amount,
                            List<String> details) {

    public TimelineEntry {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
