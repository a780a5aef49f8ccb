package com.fankeep.core.insight;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.INTERACTION;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;

import com.fankeep.core.db.ShopCounters;
import org.jooq.DSLContext;

final class StatsRepository {

    /** Order statuses whose paid amount is revenue (net of refunds); unpaid, cancelled, closed, refunded are not. */
    static final java.util.List<String> REVENUE_STATUSES = ShopCounters.REVENUE_STATUSES;

    private final DSLContext dsl;

    StatsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * From the kept counters; interactions by a plain count(*), which H2 answers from the table's row count. Plain
     * JDBC on purpose (ADR 0038): `stats` is this read alone, and jOOQ's first query cost more than the whole read.
     */
    static Stats load(java.sql.Connection c) throws java.sql.SQLException {
        ShopCounters.ShopFigures f = ShopCounters.read(c);
        long interactions;
        try (var s = c.createStatement(); var rs = s.executeQuery("select count(*) from interaction")) {
            rs.next();
            interactions = rs.getLong(1);
        }
        return new Stats(f.customers(), f.orders(), f.orderLines(), interactions, f.openFollowUps(), f.revenueByCurrency());
    }

    /** Counted from the tables (full scans). */
    Stats recount() {
        return stats(dsl.connectionResult(ShopCounters::recount));
    }

    void recountAll() {
        dsl.connection(ShopCounters::recountAll);
    }

    /** One cheap query: is there any customer or order at all (the first-run empty state)? */
    boolean empty() {
        return !dsl.fetchExists(CUSTOMER) && !dsl.fetchExists(SHOP_ORDER);
    }

    private Stats stats(ShopCounters.ShopFigures f) {
        return new Stats(f.customers(), f.orders(), f.orderLines(), dsl.fetchCount(INTERACTION), f.openFollowUps(),
                f.revenueByCurrency());
    }
}
