package com.fankeep.core.launch;

/** Units a waiting fan got when others were freed; {@code newPosition} null when now served in full. */
public record Promotion(long customerId, int added, int allocatedNow, Integer newPosition) {
}
