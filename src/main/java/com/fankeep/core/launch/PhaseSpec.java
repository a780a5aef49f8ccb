package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A phase as the owner sets it (again: the same kind replaces it). Audience kind: segment, group or tier. */
public record PhaseSpec(PhaseKind kind, OffsetDateTime from, OffsetDateTime to, String audienceKind, String audienceValue,
                        Integer quota, Integer perCustomer, BigDecimal price) {
}
