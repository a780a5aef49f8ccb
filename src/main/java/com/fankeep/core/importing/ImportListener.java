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

    /**
     * What a run wrote, as it knows it (ADR 0043): {@code customers} is every customer it created, gave a channel or
     * wrote or changed an order for (⊇ the order customers; every customer whose stored data the import changed), and
     * {@code ordersWithoutCustomer} whether it wrote or changed an order that has no customer. A listener takes these
     * instead of reading whole tables by batch.
     */
    record Written(java.util.Set<Long> customers, boolean ordersWithoutCustomer, Additions additions) {
        public Written {
            customers = java.util.Set.copyOf(customers);
        }

        /** Without {@link Additions}: a listener treats every customer as changed in any way. */
        public Written(java.util.Set<Long> customers, boolean ordersWithoutCustomer) {
            this(customers, ordersWithoutCustomer, null);
        }
    }

    /**
     * The orders a normal-path run added, per customer ({@code added}: new order ids), and the customers one of whose
     * stored orders it changed ({@code ordersChanged}): a customer of {@link Written#customers} in neither kept every
     * order it had, and one only in {@code added} kept them and got these (ADR 0049). Null in Written: not known.
     */
    record Additions(java.util.Map<Long, java.util.List<Long>> added, java.util.Set<Long> ordersChanged) {
        public Additions {
            java.util.Map<Long, java.util.List<Long>> copy = new java.util.HashMap<>();
            added.forEach((customer, orders) -> copy.put(customer, java.util.List.copyOf(orders)));
            added = java.util.Collections.unmodifiableMap(copy);
            ordersChanged = java.util.Set.copyOf(ordersChanged);
        }
    }

    /** As {@link #committed(ImportSummary, java.util.Set)}, with what the run wrote. */
    default void committed(ImportSummary summary, java.util.Set<Long> orderCustomerIds, Written written) {
        committed(summary, orderCustomerIds);
    }

    /**
     * The bulk path (ADR 0031): before the copy's secondary indexes are built and it is swapped in, a listener may do
     * its work on the copy's connection, set-based and inside the swap's all-or-nothing (its writes then land without
     * index maintenance). Returns true when it did: {@link #committed(ImportSummary, java.util.Set)} is then not called
     * for this import. A throw leaves the copy as the load left it and the work to {@code committed}.
     */
    default boolean onBulkCopy(java.sql.Connection copy, ImportSummary summary, java.util.Set<Long> orderCustomerIds)
            throws java.sql.SQLException {
        return false;
    }

    /** As {@link #onBulkCopy(java.sql.Connection, ImportSummary, java.util.Set)}, with what the run wrote. */
    default boolean onBulkCopy(java.sql.Connection copy, ImportSummary summary, java.util.Set<Long> orderCustomerIds,
                               Written written) throws java.sql.SQLException {
        return onBulkCopy(copy, summary, orderCustomerIds);
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
