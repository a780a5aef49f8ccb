package com.fankeep.core.importing;

/**
 * Told after an import was committed or undone, outside its transaction. Listeners do idempotent catch-up work
 * (rules, the recovery pipeline, the search index), so a crash between the commit and them loses nothing that a
 * later run cannot redo.
 */
public interface ImportListener {

    void committed(ImportSummary summary);

    default void undone(long batchId) {
    }
}
