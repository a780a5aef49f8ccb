package com.fankeep.core.db;

import java.util.Set;

/**
 * The tables written after some data version, as of {@code version} (ADR 0025).
 *
 * @param tables lower-case table names; null when a write could not be named (anything may have changed)
 */
public record DataChanges(long version, Set<String> tables) {

    /** Whether any of these tables (lower case) may have changed. */
    public boolean touches(Set<String> some) {
        return tables == null || some.stream().anyMatch(tables::contains);
    }
}
