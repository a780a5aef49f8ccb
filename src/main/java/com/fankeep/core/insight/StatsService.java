package com.fankeep.core.insight;

import com.fankeep.core.db.Database;

/**
 * Headline figures of the fan base, as shown by `fankeep stats` and the status bar: read from the counters the
 * writers keep (core.db.ShopCounters), so they cost the same with a million orders as with ten.
 */
public class StatsService { // not final: the start-up test slows it down

    private final Database database;

    public StatsService(Database database) {
        this.database = database;
    }

    /**
     * The kept counters, read with plain JDBC: two statements, so the command that shows only these (`stats`) starts
     * no jOOQ at all (its first query cost ~0.3 s of a 1 s process, ADR 0038).
     */
    public Stats stats() {
        try (java.sql.Connection c = database.dataSource().getConnection()) {
            return StatsRepository.load(c);
        } catch (java.sql.SQLException e) {
            throw new org.jooq.exception.DataAccessException("cannot read the shop's counters: " + e.getMessage(), e);
        }
    }

    /** The same figures counted from the tables: full scans, seconds on a large shop. */
    public Stats recount() {
        return database.transactionResult(dsl -> new StatsRepository(dsl).recount());
    }

    /**
     * Sets every counter from a recount, in one transaction. For a database written without the services (the bulk
     * import's freshly loaded copy, before or after it is swapped in).
     */
    public void recountAll() {
        database.transaction(dsl -> new StatsRepository(dsl).recountAll());
    }

    /** True when the database holds no customer and no order at all: the first-run empty state. One cheap query. */
    public boolean empty() {
        return database.transactionResult(dsl -> new StatsRepository(dsl).empty());
    }
}
