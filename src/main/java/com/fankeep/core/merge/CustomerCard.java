package com.fankeep.core.merge;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One customer as the duplicates review and the merge preview show them: the fields a merge chooses between, the
 * figures, and every contact channel ("phone +8613800138000", "nickname taobao:小鱼").
 */
public record CustomerCard(long id, String name, Map<MergeField, String> fields, int orderCount,
                           OffsetDateTime lastOrderAt, String netSpend, List<String> channels) {

    public CustomerCard {
        fields = Map.copyOf(fields);
        channels = List.copyOf(channels);
    }
}
