package com.fankeep.core.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prepared import: all of it is written inside one open transaction, which the owner commits after seeing the
 * summary, or rolls back. Until then nobody sees any of it; a crash or kill leaves nothing behind. On the bulk path
 * (ADR 0023) it is all written to a checked copy of the database instead, which commit swaps in whole.
 */
public final class ImportSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportSession.class);

    private final Connection connection;
    private final BulkCopy bulk;
    private final com.fankeep.core.db.FolderSwap.Steps swapSteps;
    private final ImportSummary summary;
    private final List<ListenerStep> listeners;
    private final Set<Long> orderCustomerIds;
    /** What the import changed in the shop's counters; added at commit, so the counter rows are locked only then. */
    private final com.fankeep.core.db.ShopCounters.Delta counters;
    private boolean open = true;
    private AfterImportCheck afterCommit;
    /** The listeners the check runs after; null: every one. */
    private Set<String> checkAfter;
    /** Threads for the listeners and the check (ADR 0057); 1: one after another, in the order added. */
    private int threads = 1;
    private java.util.random.RandomGenerator shuffle;
    private String postponed;
    /** Customers the run created, gave a channel or wrote an order for (the after-import check's scope). */
    private Set<Long> written;
    private StepClock clock = StepClock.NONE;
    /** Whether the run wrote or changed an order with no customer (true unless told: the safe answer). */
    private boolean ordersWithoutCustomer = true;
    /** The orders the run added per customer and whose stored orders it changed (null: not known, ADR 0049). */
    private ImportListener.Additions additions;

    ImportSession(Connection connection, ImportSummary summary, List<ListenerStep> listeners, Set<Long> orderCustomerIds) {
        this(connection, summary, listeners, orderCustomerIds, new com.fankeep.core.db.ShopCounters.Delta());
    }

    ImportSession(Connection connection, ImportSummary summary, List<ListenerStep> listeners, Set<Long> orderCustomerIds,
                  com.fankeep.core.db.ShopCounters.Delta counters) {
        this(connection, null, null, summary, listeners, orderCustomerIds, counters);
    }

    /** The bulk path: {@code bulk} holds everything, loaded, counted and checked; commit swaps it in. */
    ImportSession(BulkCopy bulk, com.fankeep.core.db.FolderSwap.Steps swapSteps, ImportSummary summary,
                  List<ListenerStep> listeners, Set<Long> orderCustomerIds) {
        this(null, bulk, swapSteps, summary, listeners, orderCustomerIds, new com.fankeep.core.db.ShopCounters.Delta());
    }

    private ImportSession(Connection connection, BulkCopy bulk, com.fankeep.core.db.FolderSwap.Steps swapSteps,
                          ImportSummary summary, List<ListenerStep> listeners, Set<Long> orderCustomerIds,
                          com.fankeep.core.db.ShopCounters.Delta counters) {
        this.counters = counters;
        this.connection = connection;
        this.bulk = bulk;
        this.swapSteps = swapSteps;
        this.summary = summary;
        this.listeners = listeners;
        this.orderCustomerIds = Set.copyOf(orderCustomerIds);
    }

    ImportSession clock(StepClock clock) {
        this.clock = clock;
        return this;
    }

    ImportSession threads(int threads, java.util.random.RandomGenerator shuffle, String postponed) {
        this.threads = threads;
        this.shuffle = shuffle;
        this.postponed = postponed;
        return this;
    }

    /** The run knows whom it wrote: the check need not look them up by batch (full table reads on a big shop). */
    ImportSession written(Set<Long> customers) {
        this.written = Set.copyOf(customers);
        return this;
    }

    /** Whether the run wrote or changed an order with no customer (the aggregates' anonymous bucket, ADR 0043). */
    ImportSession ordersWithoutCustomer(boolean wrote) {
        this.ordersWithoutCustomer = wrote;
        return this;
    }

    ImportSession additions(ImportListener.Additions additions) {
        this.additions = additions;
        return this;
    }

    public ImportSummary summary() {
        return summary;
    }

    /**
     * The step that ends the job after the commit (see {@link #commit(Progress, Cancellation)}); null: none. It runs after
     * the listeners named in {@code after} (null: after every listener).
     */
    ImportSession afterCommit(AfterImportCheck check, Set<String> after) {
        this.afterCommit = check;
        this.checkAfter = after;
        return this;
    }

    /**
     * Commits, then ends the job with the after-import check (the duplicates scan of the customers it touched), told
     * the job's progress; the summary returned says how many possible duplicates it found. Cancelling then stops only
     * the check: the import stays committed. The check runs once the listeners it needs are done, beside the others.
     */
    public ImportSummary commit(com.fankeep.core.shared.Progress progress, com.fankeep.core.shared.Cancellation cancellation) {
        return finish(afterCommit, progress, cancellation);
    }

    /** Makes the import permanent (durable once this returns); a run that changed nothing is rolled back instead. */
    public ImportSummary commit() {
        return finish(null, com.fankeep.core.shared.Progress.NONE, com.fankeep.core.shared.Cancellation.none());
    }

    private ImportSummary finish(AfterImportCheck check, com.fankeep.core.shared.Progress progress,
                                 com.fankeep.core.shared.Cancellation cancellation) {
        ImportSummary done = store();
        if (done.nothingNew()) {
            return done;
        }
        ImportListener.Written w = written == null ? null : new ImportListener.Written(written, ordersWithoutCustomer, additions);
        List<SideBySide.Step> steps = new ArrayList<>();
        for (ListenerStep l : listeners) {
            steps.add(new SideBySide.Step(l.name(), l.after(), lane -> {
                if (w != null) {
                    l.listener().committed(summary, orderCustomerIds, w);
                } else {
                    l.listener().committed(summary, orderCustomerIds);
                }
            }));
        }
        int[] found = {-1};
        if (check != null) {
            Set<String> after = checkAfter != null ? checkAfter
                    : listeners.stream().map(ListenerStep::name).collect(java.util.stream.Collectors.toSet());
            steps.add(new SideBySide.Step(CHECK, after, lane -> found[0] = check(check, done, progress, cancellation)));
        }
        List<SideBySide.Ran> ran = SideBySide.run(steps, threads, shuffle, postponed);
        clock.mark("after commit: " + threads + " thread(s) (the rows below)");
        for (SideBySide.Ran r : ran) {
            String name = r.step().name();
            clock.part("after commit: " + (name.equals(CHECK) ? "duplicates scan of the customers it touched"
                    : listeners.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().clockName()),
                    r.startNanos(), r.seconds(), r.cpuSeconds());
        }
        return found[0] >= 0 ? done.withPossibleDuplicates(found[0]) : done;
    }

    /** The check's name among the steps (no listener may take it). */
    static final String CHECK = "the check after the import";

    /** The pairs the check found; -1 when it did not finish (logged: `duplicates scan` catches up). */
    private int check(AfterImportCheck check, ImportSummary done, com.fankeep.core.shared.Progress progress,
                      com.fankeep.core.shared.Cancellation cancellation) {
        try {
            return check.check(done, written != null ? written : orderCustomerIds, progress, cancellation);
        } catch (RuntimeException e) {
            LOG.warn("the duplicates scan after the import did not finish ({}); `duplicates scan` catches up", e.toString());
            return -1;
        }
    }

    /** The commit itself (or the swap), before the listeners. */
    private ImportSummary store() {
        ensureOpen();
        try {
            if (bulk != null) {
                if (!summary.nothingNew()) {
                    bulk.swapIn(swapSteps);
                }
            } else if (summary.nothingNew()) {
                connection.rollback();
            } else {
                dropEmptyBatches(connection, summary);
                com.fankeep.core.db.ShopCounters.add(connection, counters);
                connection.commit();
            }
            LOG.info("import committed: {} new orders, {} updated, {} new customers", summary.newOrders(),
                    summary.updatedOrders(), summary.newCustomers());
        } catch (SQLException | java.io.IOException e) {
            throw new ImportFailedException("could not save the import: " + e.getMessage(), e);
        } finally {
            end();
        }
        clock.mark(bulk != null ? "bulk: swap the copy in" : "commit");
        return summary;
    }

    /** Forgets the whole import. */
    public void rollback() {
        if (!open) {
            return;
        }
        if (bulk != null) {
            end();
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        } finally {
            end();
        }
    }

    @Override
    public void close() {
        rollback();
    }

    /** Re-importing a file that brings nothing new leaves no batch behind. */
    static void dropEmptyBatches(Connection connection, ImportSummary summary) throws SQLException {
        for (FileSummary f : summary.files()) {
            if (f.batchId() != null && !f.changedSomething()) {
                try (PreparedStatement ps = connection.prepareStatement("delete from import_batch where id = ?")) {
                    ps.setLong(1, f.batchId());
                    ps.executeUpdate();
                }
            }
        }
    }

    private void ensureOpen() {
        if (!open) {
            throw new IllegalStateException("this import was already committed or rolled back");
        }
    }

    private void end() {
        open = false;
        if (bulk != null) {
            bulk.close(); // the copy is gone: swapped in, or forgotten
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the import connection failed: {}", e.getMessage());
        }
    }
}
