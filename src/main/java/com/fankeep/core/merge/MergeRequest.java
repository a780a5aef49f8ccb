package com.fankeep.core.merge;

import java.util.List;
import java.util.Map;

/**
 * Merge these customers into {@code survivorId}; {@code valuesFrom} says whose value each field keeps (a field not
 * named keeps the survivor's).
 */
public record MergeRequest(List<Long> customerIds, long survivorId, Map<MergeField, Long> valuesFrom) {

    public MergeRequest {
        customerIds = List.copyOf(customerIds);
        valuesFrom = Map.copyOf(valuesFrom);
    }

    public MergeRequest withSurvivor(long survivor) {
        return new MergeRequest(customerIds, survivor, valuesFrom);
    }
}
