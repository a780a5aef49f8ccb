package com.fankeep.core.merge;

import java.util.List;

/** A merge done: its id (to undo it), the survivor, who was merged into it and how much moved. */
public record MergeResult(long mergeId, long survivorId, List<Long> mergedIds, int ordersMoved, int channelsMoved) {

    public MergeResult {
        mergedIds = List.copyOf(mergedIds);
    }
}
