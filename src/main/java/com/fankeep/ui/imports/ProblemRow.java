package com.fankeep.ui.imports;

import com.fankeep.core.importing.model.ImportProblem;

/**
 * One row of a problems table, in the owner's words.
 *
 * @param what    what was wrong, e.g. "No order number: the row was left out"
 * @param skipped true when the row was left out, false when it was imported anyway (a warning)
 */
public record ProblemRow(String file, long row, String column, String value, String what, boolean skipped) {

    static ProblemRow of(ImportProblem p, ImportTexts texts) {
        return new ProblemRow(p.file(), p.row(), p.column() == null ? "" : p.column(), p.value() == null ? "" : p.value(),
                texts.problem(p), !p.warning());
    }
}
