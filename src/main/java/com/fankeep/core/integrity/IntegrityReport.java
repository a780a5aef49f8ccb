package com.fankeep.core.integrity;

import java.util.List;

/** The result of an integrity check: empty problems means the database is sound. */
public record IntegrityReport(List<Problem> problems, long checks, long millis, List<Problem> repaired) {

    public IntegrityReport(List<Problem> problems, long checks, long millis) {
        this(problems, checks, millis, List.of());
    }

    /**
     * One kind of problem: {@code code} names it (foreign_key, order_figures, spend, unreadable), {@code where} the
     * table and column, {@code rows} how many rows are affected.
     */
    public record Problem(String code, String where, long rows) {
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
