package com.fankeep.core.segment;

import java.util.List;

/**
 * The customers a message, export or campaign goes to.
 *
 * @param customerIds         ascending ids
 * @param doNotContactLeftOut members who asked not to be contacted and were therefore left out (0 when they were included)
 */
public record Audience(List<Long> customerIds, int doNotContactLeftOut) {

    public Audience {
        customerIds = List.copyOf(customerIds);
    }
}
