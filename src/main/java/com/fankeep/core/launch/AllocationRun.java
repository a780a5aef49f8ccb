package com.fankeep.core.launch;

import java.util.List;
import java.util.Map;

/**
 * An allocation previewed or committed: the rules it ran under (seed recorded) and one result per fan.
 *
 * @param names customer id → name, for showing results
 */
public record AllocationRun(AllocationRules rules, List<Allocation> results, Map<Long, String> names, boolean committed) {

    public int allocatedTotal() {
        return results.stream().mapToInt(Allocation::allocated).sum();
    }
}
