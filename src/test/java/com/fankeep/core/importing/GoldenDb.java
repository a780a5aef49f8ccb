package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_MATCH;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.jooq.tables.records.ShopOrderRecord;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** A fresh database and the import service over it, for the golden tests of the overseas formats. */
final class GoldenDb implements AutoCloseable {

    /** The owner's shop is in China: times without an offset (Etsy, eBay, WooCommerce) are read in its zone. */
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final Database db;
    final ImportService service;

    GoldenDb(Path temp) {
        db = Database.open(temp.resolve("data"));
        service = new ImportService(db);
    }

    ImportSummary importNow(Path... files) {
        return service.importNow(new ImportRequest(List.of(files), null, null, SHANGHAI), Progress.NONE, Cancellation.none());
    }

    ShopOrderRecord order(String platform, String externalId) {
        return db.dsl().selectFrom(SHOP_ORDER)
                .where(SHOP_ORDER.PLATFORM.eq(platform).and(SHOP_ORDER.EXTERNAL_ORDER_ID.eq(externalId))).fetchOne();
    }

    /** The customer owning a channel (kind + normalized value), or null. */
    Long customerWith(String kind, String normalized) {
        List<Long> ids = db.dsl().selectDistinct(CONTACT_CHANNEL.CUSTOMER_ID).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.KIND.eq(kind).and(CONTACT_CHANNEL.NORMALIZED_VALUE.eq(normalized)))
                .fetch(CONTACT_CHANNEL.CUSTOMER_ID);
        if (ids.size() > 1) {
            throw new AssertionError(kind + " " + normalized + " belongs to several customers: " + ids);
        }
        return ids.isEmpty() ? null : ids.get(0);
    }

    List<String> channels(long customerId, String kind) {
        return db.dsl().select(CONTACT_CHANNEL.NORMALIZED_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(customerId).and(CONTACT_CHANNEL.KIND.eq(kind)))
                .orderBy(CONTACT_CHANNEL.ID).fetch(CONTACT_CHANNEL.NORMALIZED_VALUE);
    }

    /** How many orders of a platform a customer has (any status). */
    int orders(long customerId, String platform) {
        return db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.eq(customerId).and(SHOP_ORDER.PLATFORM.eq(platform)));
    }

    BigDecimal revenue(String currency) {
        return new StatsService(db).stats().revenueByCurrency().get(currency);
    }

    /** Everything an import or an undo could change, as one comparable string. */
    String fingerprint() {
        return db.dsl().fetchCount(CUSTOMER) + "/" + db.dsl().fetchCount(CONTACT_CHANNEL) + "/" + db.dsl().fetchCount(SHOP_ORDER)
                + "/" + db.dsl().fetchCount(ORDER_LINE) + "/" + db.dsl().fetchCount(IMPORT_BATCH, IMPORT_BATCH.STATUS.eq("committed"))
                + "/" + db.dsl().fetchCount(CUSTOMER_MATCH) + "/" + new StatsService(db).stats()
                + "/" + db.dsl().select(org.jooq.impl.DSL.sum(SHOP_ORDER.REFUNDED_AMOUNT)).from(SHOP_ORDER).fetchOne(0, BigDecimal.class)
                + "/" + db.dsl().select(CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.NORMALIZED_VALUE, CONTACT_CHANNEL.CUSTOMER_ID)
                        .from(CONTACT_CHANNEL).orderBy(CONTACT_CHANNEL.ID).fetch().formatCSV()
                + "/" + db.dsl().select(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.ORDER_COUNT, CUSTOMER.LAST_ORDER_AT)
                        .from(CUSTOMER).orderBy(CUSTOMER.ID).fetch().formatCSV();
    }

    @Override
    public void close() {
        db.close();
    }
}
