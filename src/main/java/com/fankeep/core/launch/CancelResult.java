package com.fankeep.core.launch;

import java.util.List;

/** A cancelled or expired allocation: the units freed and the waiting fans promoted (each told by a follow-up). */
public record CancelResult(long customerId, int freed, List<Promotion> promotions) {
}
