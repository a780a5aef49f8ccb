package com.fankeep.core.campaign;

import java.util.List;
import java.util.Map;

/** The campaign board: counts per state, every entry, and the waitlist in the order it moves up. */
public record CampaignBoard(Campaign campaign, Map<EntryState, Integer> counts, List<CampaignEntry> entries,
                            List<CampaignEntry> waitlist) {

    public CampaignBoard {
        counts = Map.copyOf(counts);
        entries = List.copyOf(entries);
        waitlist = List.copyOf(waitlist);
    }
}
