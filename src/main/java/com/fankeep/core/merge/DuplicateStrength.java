package com.fankeep.core.merge;

import java.util.Collection;
import java.util.Map;

/**
 * How strongly a pair's evidence says "one person", 0–100, so the review list shows the strongest first and each pair
 * can say why ("Weak (45): same name, same city; no shared phone or e-mail"). The pair takes its strongest reason,
 * and each further independent reason adds a little. The same numbers are stored per suggestion row (V0135) so the
 * list is ranked in SQL.
 */
public final class DuplicateStrength {

    /** Per reason; a shared real phone or e-mail is strong, a name with something about where they live less so. */
    static final Map<String, Integer> OF_REASON = Map.of(
            "same_phone", 95, "same_email", 90, "name_address", 80, "name_landline", 70, "name_street", 60,
            "same_username", 55, "name_city", 45, "nickname_name", 35, "similar_nickname", 30);

    static final int PER_EXTRA_REASON = 5;

    private DuplicateStrength() {
    }

    static int ofReason(String reason) {
        return OF_REASON.getOrDefault(reason, 0);
    }

    /** {@code case <column> when 'same_phone' then 95 … else 0 end}: the strengths for a query (portable SQL). */
    static String sqlCase(String column) {
        StringBuilder b = new StringBuilder("case ").append(column);
        new java.util.TreeMap<>(OF_REASON).forEach((reason, strength) -> b.append(" when '").append(reason).append("' then ").append(strength));
        return b.append(" else 0 end").toString();
    }

    /** The pair's strength from its distinct reasons. */
    static int of(Collection<String> reasons) {
        long distinct = reasons.stream().distinct().count();
        int best = reasons.stream().mapToInt(DuplicateStrength::ofReason).max().orElse(0);
        return (int) Math.min(100, best + PER_EXTRA_REASON * Math.max(0, distinct - 1));
    }

    /** "strong" (80 and up), "medium" (50 and up) or "weak". */
    static String level(int strength) {
        return strength >= 80 ? "strong" : strength >= 50 ? "medium" : "weak";
    }

    /** True when the pair shares a real phone or an e-mail: the weak reasons are said to lack one. */
    static boolean sharesContact(Collection<String> reasons) {
        return reasons.contains("same_phone") || reasons.contains("same_email");
    }
}
