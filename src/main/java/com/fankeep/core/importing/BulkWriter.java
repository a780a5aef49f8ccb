package com.fankeep.core.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bulk path's second writer (ADR 0054): on a connection of its own to the private copy, a thread writes the rows
 * nothing reads back while the file is loaded (contact channels, order lines, matches, problems), one chunk's worth
 * at a time and in the order they were handed over, committing after each. The run's thread goes on matching and
 * writing the orders of the next chunk meanwhile. Before the run reads any of those tables it waits for everything
 * handed over to be written ({@link #drain}). The copy is all-or-nothing through its swap (ADR 0031), not one
 * transaction, and it loads without reference checks (ADR 0041), so the two connections need not commit together.
 */
final class BulkWriter implements AutoCloseable {

    /** Writes done on the writer's connection. */
    interface Job {
        void write(ImportRepository repo) throws SQLException;
    }

    /** Chunks handed over and not yet taken: the run is at most this far ahead (a few MB). */
    private static final int QUEUED = 2;

    /** Tests only: how long the writer waits before each chunk, so a read that did not wait for it shows. */
    static volatile long lagForTests;

    private final Connection connection;
    private final ImportRepository repo;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private final Object lock = new Object();
    private long handed;   // guarded by lock
    private long written;  // guarded by lock
    private volatile Throwable failure;
    private volatile boolean stopped;

    /** @param counters the run's counters: lines written here are counted there (one field, written by one thread at a time) */
    BulkWriter(Connection connection, com.fankeep.core.db.ShopCounters.Delta counters) {
        this.connection = connection;
        this.repo = new ImportRepository(connection, counters);
        this.thread = Thread.ofPlatform().daemon().name("import-write").start(this::work);
    }

    /** Hands a chunk's writes over, in order; waits while the writer is {@link #QUEUED} chunks behind. */
    void hand(List<Job> jobs) throws SQLException {
        if (jobs.isEmpty()) {
            return;
        }
        List<Job> chunk = List.copyOf(jobs);
        Job all = r -> {
            for (Job j : chunk) {
                j.write(r);
            }
        };
        synchronized (lock) {
            handed++;
        }
        try {
            while (!queue.offer(all, 50, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new com.fankeep.core.shared.CancelledException();
        }
        rethrow();
    }

    /** Waits until everything handed over is written and committed. */
    void drain() throws SQLException {
        try {
            synchronized (lock) {
                while (written < handed && failure == null) {
                    lock.wait(50);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new com.fankeep.core.shared.CancelledException();
        }
        rethrow();
    }

    private void work() {
        try {
            while (!stopped) {
                Job job = queue.poll(50, TimeUnit.MILLISECONDS);
                if (job == null) {
                    continue;
                }
                if (lagForTests > 0) {
                    Thread.sleep(lagForTests);
                }
                job.write(repo);
                connection.commit();
                synchronized (lock) {
                    written++;
                    lock.notifyAll();
                }
            }
        } catch (Throwable t) {
            failure = t;
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    private void rethrow() throws SQLException {
        Throwable f = failure;
        if (f instanceof SQLException e) {
            throw new SQLException(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        } else if (f != null) {
            throw new SQLException("the import's second writer failed: " + f, f);
        }
    }

    /**
     * Stops the thread once its current chunk is written (it is never interrupted inside H2), rolls back what it did
     * not commit and closes its connection: call before the copy is checked or closed.
     */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(BulkWriter.class).debug("closing the second writer: {}", e.toString());
        }
    }
}
