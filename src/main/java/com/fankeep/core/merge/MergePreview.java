package com.fankeep.core.merge;

import java.util.List;
import java.util.Map;

/**
 * What a merge of these customers would keep: the suggested survivor (most orders, then the oldest) and, per field,
 * whose value is kept unless the owner picks another (the survivor's, or the first customer who has one).
 */
public record MergePreview(List<CustomerCard> customers, long survivorId, Map<MergeField, Long> valuesFrom) {

    public MergePreview {
        customers = List.copyOf(customers);
        valuesFrom = Map.copyOf(valuesFrom);
    }

    /** The request that merges as previewed. */
    public MergeRequest request() {
        return new MergeRequest(customers.stream().map(CustomerCard::id).toList(), survivorId, valuesFrom);
    }
}
