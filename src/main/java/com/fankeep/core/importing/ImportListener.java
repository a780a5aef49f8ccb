package com.fankeep.core.importing;

/**
 * Told after an import was committed or undone, outside its transaction. Listeners do idempotent catch-up work
 * (rules, the recovery pipeline, the search index), so a crash between the commit and them loses nothing that a
 * later run cannot redo.
 */
public interface ImportListener {

    void committed(ImportSummary summary);

    /**
     * After a commit, with the customers whose orders it wrote or changed (new customers with orders included): the run
     * knows them, so a listener need not look them up by batch.
     */
    default void committed(ImportSummary summary, java.util.Set<Long> orderCustomerIds) {
        committed(summary);
    }

    default void undone(long batchId) {
    }

    /**
     * After an undo, with the customers whose orders or channels it took back (ids of customers it removed included):
     * their traces are gone from the database by now, so this is the only way to know them.
     */
    default void undone(long batchId, java.util.Collection<Long> customerIds) {
        undone(batchId);
    }
}
