package com.fankeep.core.group;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One member of a group with what the owner looks at: tier, last order, last interaction, role.
 *
 * @param leftAt               null while a current member
 * @param eligibilityException added although not meeting the group's eligibility segment
 * @param netSpend             net spend per currency
 */
public record GroupMember(long customerId, String name, String city, String tier, GroupRole role, OffsetDateTime joinedAt,
                          OffsetDateTime leftAt, boolean eligibilityException, int orders, Map<String, BigDecimal> netSpend,
                          OffsetDateTime lastOrderAt, OffsetDateTime lastInteractionAt) {

    public GroupMember {
        netSpend = Map.copyOf(netSpend);
    }

    public boolean current() {
        return leftAt == null;
    }
}
