package com.fankeep.core.campaign;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Units going back to a campaign's stock, and the waitlist moving up in priority order: what a cancel does, and what a
 * merge of two customers in one campaign does with the entry it drops (ADR 0026). Runs on the caller's connection.
 */
public final class CampaignStock {

    private CampaignStock() {
    }

    /** Units returned to one campaign and the entries promoted with them: enough to take it back exactly. */
    public record Release(long campaignId, int units, List<Promoted> promoted) {
        public Release {
            promoted = List.copyOf(promoted);
        }
    }

    public record Promoted(long entryId, int units) {
    }

    /** How far an entry got (higher = further): the merge keeps the further of two entries in one campaign. */
    public static int progress(String stateCode) {
        return switch (EntryState.of(stateCode)) {
            case THANKED -> 9;
            case DELIVERED -> 8;
            case SHIPPED -> 7;
            case ADDRESS_CONFIRMED -> 6;
            case CLAIMED -> 5;
            case WAITLISTED -> 4;
            case INVITED -> 3;
            case DECLINED -> 2;
            case EXPIRED -> 1;
            case CANCELLED -> 0;
        };
    }

    /** Whether an entry in this state holds units of the stock. */
    public static boolean holds(String stateCode) {
        return EntryState.of(stateCode).holdsStock();
    }

    /** Returns {@code units} to the stock (taking the campaign row's lock) and promotes the waitlist into them. */
    public static Release release(Connection c, long campaignId, int units) throws SQLException {
        CampaignRepository repo = new CampaignRepository(c);
        repo.returnStock(campaignId, units);
        List<Promoted> up = new ArrayList<>();
        for (CampaignEntry e : promote(repo, campaignId)) {
            up.add(new Promoted(e.id(), e.units()));
        }
        return new Release(campaignId, units, up);
    }

    /**
     * Takes a release back: entries it promoted that are still just claimed go back to the waitlist, and the units
     * are taken from the stock again. Refused (nothing changed) when the stock no longer has them.
     */
    public static void undo(Connection c, Release r) throws SQLException {
        CampaignRepository repo = new CampaignRepository(c);
        repo.returnStock(r.campaignId(), 0); // the campaign row's lock first, as claims take it
        for (Promoted p : r.promoted()) {
            if (repo.demote(p.entryId())) {
                repo.returnStock(r.campaignId(), p.units());
            }
        }
        if (!repo.takeStock(r.campaignId(), r.units())) {
            throw new CampaignException("campaign.error.undoStock", "the campaign's stock no longer has the units the merge freed",
                    r.campaignId(), r.units());
        }
    }

    /** Fills the free stock from the waitlist in the campaign's priority order. @return the promoted entries */
    static List<CampaignEntry> promote(CampaignRepository repo, long campaignId) throws SQLException {
        Campaign campaign = repo.campaign(campaignId);
        int left = repo.stockLeft(campaignId);
        List<CampaignEntry> waiting = new ArrayList<>(repo.inState(campaignId, List.of(EntryState.WAITLISTED)));
        waiting.sort(CampaignService.waitlistOrder(campaign.priority()));
        List<CampaignEntry> up = new ArrayList<>();
        for (CampaignEntry w : waiting) {
            if (w.units() > left) {
                continue;
            }
            if (!repo.takeStock(campaignId, w.units())) {
                break;
            }
            left -= w.units();
            repo.promote(w.id());
            up.add(w);
        }
        return up;
    }
}
