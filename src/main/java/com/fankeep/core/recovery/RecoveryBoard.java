package com.fankeep.core.recovery;

import java.util.List;
import java.util.Map;

/**
 * The pipeline at a glance: per state how many customers and the most valuable first ones. The NONE column holds
 * lapsed customers not in the pipeline yet (no order for {@code lapseDays} days).
 */
public record RecoveryBoard(int lapseDays, Map<RecoveryState, Integer> counts, Map<RecoveryState, List<RecoveryCustomer>> columns) {

    public RecoveryBoard {
        counts = Map.copyOf(counts);
        columns = Map.copyOf(columns);
    }
}
