package com.fankeep.core.campaign;

/** A customer found for a quick claim; {@code state} is null when they are outside the campaign's audience. */
public record ClaimCandidate(long customerId, String name, String tier, EntryState state) {
}
