package com.fankeep.core.merge;

import java.util.List;

/** A pair of customers that may be one person, with every piece of evidence found for it. */
public record DuplicateSuggestion(CustomerCard a, CustomerCard b, List<Evidence> evidence) {

    public DuplicateSuggestion {
        evidence = List.copyOf(evidence);
    }
}
