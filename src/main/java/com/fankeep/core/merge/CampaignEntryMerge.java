package com.fankeep.core.merge;

import com.fankeep.core.campaign.CampaignStock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Two merged customers in one campaign (one entry per customer there): the entry that got further is kept, the other
 * is dropped (its image kept for undo) and the units it held go back to the stock, the waitlist moving up as on a
 * cancel. Runs before the loser's rows move, so the kept entry then moves (or stays) without a clash. ADR 0026.
 */
final class CampaignEntryMerge {

    private CampaignEntryMerge() {
    }

    static void resolve(MergeRepository repo, long loser, long survivor, MergeRepository.MergeUndoCollector undo) throws SQLException {
        Connection c = repo.connection();
        List<Map<String, String>> pairs = RowImages.select(c, "select l.campaign_id, l.id as loser_entry, l.state as loser_state, "
                + "s.id as survivor_entry, s.state as survivor_state from campaign_entry l join campaign_entry s "
                + "on s.campaign_id = l.campaign_id and s.customer_id = ? where l.customer_id = ? order by l.campaign_id",
                List.of(survivor, loser));
        for (Map<String, String> p : pairs) {
            // ties keep the survivor's own entry
            boolean keepLosers = CampaignStock.progress(p.get("loser_state")) > CampaignStock.progress(p.get("survivor_state"));
            long dropped = Long.parseLong(p.get(keepLosers ? "survivor_entry" : "loser_entry"));
            Map<String, String> image = RowImages.select(c, "select * from campaign_entry where id = ?", List.of(dropped)).getFirst();
            repo.execute("delete from campaign_entry where id = ?", dropped);
            undo.deleted.add(new MergeUndoData.Deleted("campaign_entry", image));
            int units = Integer.parseInt(image.get("units"));
            if (CampaignStock.holds(image.get("state")) && units > 0) {
                undo.stock.add(CampaignStock.release(c, Long.parseLong(p.get("campaign_id")), units));
            }
        }
    }

    /** Takes the merge's releases back, newest first (after the dropped entries are in again). */
    static void undo(Connection c, List<CampaignStock.Release> releases) throws SQLException {
        if (releases == null) {
            return; // merges recorded before ADR 0026
        }
        for (int i = releases.size() - 1; i >= 0; i--) {
            CampaignStock.undo(c, releases.get(i));
        }
    }
}
