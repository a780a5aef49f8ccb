package com.fankeep.core.unassigned;

import java.util.List;

/** A known customer who may be an unidentified buyer, with the evidence and its strength (never applied by itself). */
public record Suggestion(long customerId, String name, String city, int strength, List<Evidence> evidence) {

    public Suggestion {
        evidence = List.copyOf(evidence);
    }
}
