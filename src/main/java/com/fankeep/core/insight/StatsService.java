package com.fankeep.core.insight;

import com.fankeep.core.db.Database;

/** Headline figures of the fan base, as shown by `fankeep stats` and the status bar. */
public final class StatsService {

    private final Database database;

    public StatsService(Database database) {
        this.database = database;
    }

    public Stats stats() {
        return database.transactionResult(dsl -> new StatsRepository(dsl).load());
    }
}
