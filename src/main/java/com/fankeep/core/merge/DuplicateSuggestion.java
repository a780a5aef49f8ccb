package com.fankeep.core.merge;

import java.util.List;

/**
 * A pair of customers that may be one person, with every piece of evidence found for it and how strong that is.
 *
 * @param strength      0–100 ({@link DuplicateStrength}); the list is ordered by it, strongest first
 * @param level         "strong", "medium" or "weak"
 * @param sharesContact whether the pair shares a real phone or an e-mail ("no shared phone or e-mail" when not)
 */
public record DuplicateSuggestion(CustomerCard a, CustomerCard b, List<Evidence> evidence, int strength, String level,
                                  boolean sharesContact) {

    public DuplicateSuggestion {
        evidence = List.copyOf(evidence);
    }

    public DuplicateSuggestion(CustomerCard a, CustomerCard b, List<Evidence> evidence) {
        this(a, b, evidence, DuplicateStrength.of(reasons(evidence)), DuplicateStrength.level(DuplicateStrength.of(reasons(evidence))),
                DuplicateStrength.sharesContact(reasons(evidence)));
    }

    /** "Weak (45/100): same name, same city; no shared phone or e-mail" in the owner's language. */
    public String explain(com.fankeep.core.shared.Messages m) {
        String reasons = String.join(m.get("duplicates.strength.join"), evidence.stream().map(Evidence::reason).distinct()
                .sorted(java.util.Comparator.comparingInt(DuplicateStrength::ofReason).reversed())
                .map(r -> m.bundle().containsKey("duplicates.strength.label." + r) ? m.get("duplicates.strength.label." + r) : r)
                .toList());
        String why = sharesContact ? reasons : m.get("duplicates.strength.noSharedContact", reasons);
        return m.get("duplicates.strength.text", m.get("duplicates.strength." + level), strength, why);
    }

    /** The short form for the page, the reasons being listed under it: "Weak (45/100); no shared phone or e-mail". */
    public String strengthLine(com.fankeep.core.shared.Messages m) {
        String line = m.get("duplicates.strength.short", m.get("duplicates.strength." + level), strength);
        return sharesContact ? line : m.get("duplicates.strength.noSharedContact", line);
    }

    private static List<String> reasons(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::reason).toList();
    }
}
