package com.fankeep.core.merge;

import java.time.OffsetDateTime;
import java.util.List;

/** A merge as the history lists it; {@code undoneAt} is set once it was undone. */
public record MergeRecord(long id, OffsetDateTime mergedAt, long survivorId, List<Long> mergedIds, OffsetDateTime undoneAt) {

    public MergeRecord {
        mergedIds = List.copyOf(mergedIds);
    }
}
