package com.fankeep.core.group;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Someone worth inviting: meets the eligibility segment, not in the group, not do-not-contact.
 *
 * @param value net spend summed over currencies (the ranking; amounts are not converted)
 */
public record InviteCandidate(long customerId, String name, String city, String tier, int orders, BigDecimal value,
                              Map<String, BigDecimal> netSpend, OffsetDateTime lastOrderAt) {

    public InviteCandidate {
        netSpend = Map.copyOf(netSpend);
    }
}
