package com.fankeep.core.merge;

import java.util.List;
import java.util.Map;

/**
 * The customer fields a merge keeps one value of; the owner picks whose value survives, field by field. Not the tier:
 * it lives in customer_tier (V0090) and is recomputed from the merged orders right after the merge.
 */
public enum MergeField {
    NAME("name", "name_pinyin", "name_initials"),
    GENDER("gender"),
    BIRTHDAY("birthday_year", "birthday_month", "birthday_day"),
    PLACE("province", "city"),
    NOTE("note"),
    RECOVERY("recovery_state", "recovery_state_at", "recovery_entered_at", "recovery_previous_state"),
    REFERRED_BY("referred_by_id"),
    DO_NOT_CONTACT("do_not_contact", "do_not_contact_reason");

    private final List<String> columns;

    MergeField(String... columns) {
        this.columns = List.of(columns);
    }

    List<String> columns() {
        return columns;
    }

    /** The field's value in a customer's row as one line of text ("" when empty). */
    String display(Map<String, String> row) {
        return switch (this) {
            case BIRTHDAY -> row.get("birthday_month") == null ? (row.get("birthday_year") == null ? "" : row.get("birthday_year"))
                    : (row.get("birthday_year") == null ? "" : row.get("birthday_year") + "-") + row.get("birthday_month") + "-"
                    + (row.get("birthday_day") == null ? "?" : row.get("birthday_day"));
            case PLACE -> String.join(" ", nonNull(row.get("province")), nonNull(row.get("city"))).strip();
            case RECOVERY -> nonNull(row.get("recovery_state"));
            case DO_NOT_CONTACT -> "true".equals(row.get("do_not_contact"))
                    ? "yes" + (row.get("do_not_contact_reason") == null ? "" : ": " + row.get("do_not_contact_reason")) : "";
            case REFERRED_BY -> row.get("referred_by_id") == null ? "" : "#" + row.get("referred_by_id");
            default -> nonNull(row.get(columns.getFirst()));
        };
    }

    /** Whether a customer has something in this field (an empty value never wins by default). */
    boolean present(Map<String, String> row) {
        return switch (this) {
            case RECOVERY -> !"none".equals(row.get("recovery_state"));
            case DO_NOT_CONTACT -> "true".equals(row.get("do_not_contact"));
            default -> !display(row).isBlank();
        };
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
