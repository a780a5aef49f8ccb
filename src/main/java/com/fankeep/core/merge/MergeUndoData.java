package com.fankeep.core.merge;

import java.util.List;
import java.util.Map;

/**
 * Everything undo needs, kept as JSON in the merge's audit_log row: the involved customers' rows and spend as they
 * were, each row moved (table, column, key, former owner), each row deleted as a duplicate, the suggestions it closed,
 * the survivor's columns as the merge left them (a column edited since is not overwritten by undo), the launch
 * votes the merge made history (both customers had a current vote in one launch: the survivor keeps the latest), and
 * the units a dropped campaign entry gave back to its campaign (ADR 0026); and the merged customers erased since
 * (their part taken out by the erasure: the merge can no longer be undone exactly).
 */
record MergeUndoData(long survivorId, List<Long> mergedIds, String mergedAt,
                     List<Map<String, String>> customers, List<Map<String, String>> spend,
                     List<Move> moves, List<Deleted> deleted, List<Long> primaryCleared,
                     List<Map<String, String>> suggestions, Map<String, String> survivorAfter,
                     List<Long> votesRetired, List<com.fankeep.core.campaign.CampaignStock.Release> campaignStock,
                     List<Long> erasedIds) {

    MergeUndoData {
        votesRetired = votesRetired == null ? List.of() : List.copyOf(votesRetired); // merges recorded before it was kept
        campaignStock = campaignStock == null ? List.of() : List.copyOf(campaignStock); // likewise (before ADR 0026)
        erasedIds = erasedIds == null ? List.of() : List.copyOf(erasedIds); // set by an erasure (core.privacy.UndoRecords)
    }

    /** {@code table.column} of the row whose {@code keyColumn} is {@code key} pointed at {@code from}. */
    record Move(String table, String column, String keyColumn, String key, long from) {
    }

    record Deleted(String table, Map<String, String> row) {
    }
}
