package com.fankeep.core.importing.model;

/**
 * A row or cell that could not be taken as it is. The owner sees file, row, column, value and what was wrong.
 *
 * @param code    a stable code, localized at the edge (import.problem.&lt;code&gt;)
 * @param message an English detail for logs and the CSV report
 * @param warning true when the row was still imported (e.g. an unknown status), false when it was skipped
 */
public record ImportProblem(String file, long row, String column, String value, String code, String message,
                            boolean warning) {

    /** Codes that are notes, not problems: the row was stored as well as it can be and nothing was lost. */
    private static final java.util.Set<String> NOTES = java.util.Set.of("buyer_unidentifiable", "currency_assumed");

    /** True for a note ("stored without a customer", "amounts taken as USD"): informational, nothing to fix. */
    public boolean isNote() {
        return warning && NOTES.contains(code);
    }
}
