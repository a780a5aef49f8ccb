package com.fankeep.core.tier;

import java.time.OffsetDateTime;

/** One row of a customer's tier history; {@code from}/{@code to} null means no tier. */
public record TierChange(long customerId, String from, String to, OffsetDateTime at, String reason, String note) {
}
