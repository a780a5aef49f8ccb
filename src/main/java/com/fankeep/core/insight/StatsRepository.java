package com.fankeep.core.insight;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.FOLLOW_UP;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.INTERACTION;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import com.fankeep.core.db.jooq.tables.ShopOrder;
import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;

final class StatsRepository {

    /** Order statuses whose paid amount is revenue (net of refunds); unpaid, cancelled, closed, refunded are not. */
    static final java.util.List<String> REVENUE_STATUSES = java.util.List.of("paid", "shipped", "completed", "partially_refunded");

    private final DSLContext dsl;

    StatsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Rows of an import batch count only once the batch is committed. */
    static Condition visible(ShopOrder o) {
        return o.IMPORT_BATCH_ID.isNull().or(o.IMPORT_BATCH_ID.in(
                select(IMPORT_BATCH.ID).from(IMPORT_BATCH).where(IMPORT_BATCH.STATUS.eq("committed"))));
    }

    Stats load() {
        long customers = dsl.fetchCount(CUSTOMER, CUSTOMER.MERGED_INTO_ID.isNull().and(CUSTOMER.ERASED_AT.isNull()));
        long orders = dsl.fetchCount(SHOP_ORDER, visible(SHOP_ORDER));
        long lines = dsl.fetchCount(dsl.select(ORDER_LINE.ID).from(ORDER_LINE)
                .join(SHOP_ORDER).on(SHOP_ORDER.ID.eq(ORDER_LINE.ORDER_ID))
                .where(visible(SHOP_ORDER)));
        long interactions = dsl.fetchCount(INTERACTION);
        long openFollowUps = dsl.fetchCount(FOLLOW_UP, FOLLOW_UP.STATUS.eq("open"));

        SortedMap<String, BigDecimal> revenue = new TreeMap<>();
        var net = sum(coalesce(SHOP_ORDER.PAID_AMOUNT, val(BigDecimal.ZERO)).minus(SHOP_ORDER.REFUNDED_AMOUNT));
        dsl.select(SHOP_ORDER.CURRENCY, net)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.STATUS.in(REVENUE_STATUSES).and(visible(SHOP_ORDER)))
                .groupBy(SHOP_ORDER.CURRENCY)
                .forEach(r -> revenue.put(r.value1(), r.value2().setScale(2, java.math.RoundingMode.UNNECESSARY)));
        return new Stats(customers, orders, lines, interactions, openFollowUps, revenue);
    }
}
