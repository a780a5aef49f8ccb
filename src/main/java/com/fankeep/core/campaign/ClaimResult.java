package com.fankeep.core.campaign;

/** What a claim came to: {@code CLAIMED} (took units) or {@code WAITLISTED}; the stock left after it. */
public record ClaimResult(long entryId, EntryState state, int stockLeft, boolean outsideAudience) {
}
