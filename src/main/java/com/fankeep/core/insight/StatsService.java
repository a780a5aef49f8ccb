package com.fankeep.core.insight;

import com.fankeep.core.db.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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

    /** The name of the figures among the notes of a clean close (ADR 0047). */
    static final String NOTE = "stats";

    /**
     * Notes the figures at every clean close of this database, so that `stats` can answer from the note while the file
     * stays as that close left it (ADR 0047). Not for an encrypted database: its figures never go to a clear-text file.
     */
    public void noteAtClose() {
        database.noteAtClose(NOTE, () -> database.encrypted() ? null : note(stats()));
    }

    /**
     * The figures noted at the last clean close of the (plain) database in {@code dataDir}, while the file is exactly as
     * that close left it and nobody opened it for writing since; empty otherwise. Opens nothing, writes nothing.
     */
    public static Optional<Stats> atLastClose(Path dataDir) {
        return Database.lastCloseNote(dataDir, NOTE).flatMap(StatsService::fromNote);
    }

    /** customers;orders;lines;interactions;open follow-ups[;CUR=amount]… (amounts exact, as stored). */
    static String note(Stats s) {
        StringBuilder b = new StringBuilder().append(s.customers()).append(';').append(s.orders()).append(';')
                .append(s.orderLines()).append(';').append(s.interactions()).append(';').append(s.openFollowUps());
        s.revenueByCurrency().forEach((currency, amount) -> b.append(';').append(currency).append('=').append(amount.toPlainString()));
        return b.toString();
    }

    static Optional<Stats> fromNote(String note) {
        try {
            String[] p = note.split(";", -1);
            if (p.length < 5) {
                return Optional.empty();
            }
            SortedMap<String, BigDecimal> revenue = new TreeMap<>();
            for (int i = 5; i < p.length; i++) {
                int eq = p[i].indexOf('=');
                if (eq <= 0) {
                    return Optional.empty();
                }
                revenue.put(p[i].substring(0, eq), new BigDecimal(p[i].substring(eq + 1)));
            }
            return Optional.of(new Stats(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]),
                    Long.parseLong(p[3]), Long.parseLong(p[4]), Collections.unmodifiableSortedMap(revenue)));
        } catch (RuntimeException e) {
            return Optional.empty(); // not ours to trust: open and read as always
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
