package com.fankeep.core.campaign;

import java.time.OffsetDateTime;

/**
 * One customer in a campaign. The address is a copy (filled from their latest order, editable here without changing
 * the customer). {@code claimSeq} orders claims as they came in (the waitlist order under time priority).
 */
public record CampaignEntry(long id, long campaignId, long customerId, String customerName, String tier, EntryState state,
                            int units, String claimChannel, OffsetDateTime claimedAt, Long claimSeq,
                            boolean outsideAudience, boolean invited, Address address, String carrier, String trackingNo,
                            OffsetDateTime shippedAt, OffsetDateTime deliveredAt, String message) {
}
