package com.fankeep.core.tier;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TIER;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** A fresh database with the app's services wired as in the app, a fixed "today" and a Shopify order generator. */
final class TierWorld implements AutoCloseable {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, SHANGHAI);
    /** Lower thresholds than the defaults so a few dozen buyers fill every tier. */
    static final TierSettings SMALL_SHOP = new TierSettings(4, new BigDecimal("1500"), 365, 2, new BigDecimal("500"), 365,
            1, 90, 365, false, "CNY", Map.of("CNY", BigDecimal.ONE, "USD", new BigDecimal("7.1"), "EUR", new BigDecimal("7.8")));

    final Database db;
    final CoreServices services;
    final ShopifyOrders orders;
    private final Path dir;
    private int files;

    TierWorld(Path temp, RandomGenerator random, int buyers) {
        this(temp, random, buyers, Clock.fixed(NOW.toInstant(), SHANGHAI));
    }

    TierWorld(Path temp, RandomGenerator random, int buyers, Clock clock) {
        this.dir = temp;
        this.db = TestDatabases.fresh(temp.resolve("data"));
        this.services = CoreServices.over(db, clock);
        this.orders = new ShopifyOrders(random, NOW, buyers);
        services.tiers().saveSettings(SMALL_SHOP);
    }

    TierService tiers() {
        return services.tiers();
    }

    ImportSummary importOrders(int count) throws Exception {
        Path file = orders.write(dir.resolve("orders_export_" + (++files) + ".csv"), count);
        return services.imports().importNow(new ImportRequest(List.of(file), null, null, SHANGHAI), Progress.NONE, Cancellation.none());
    }

    /** customer id → customer.tier, every customer. */
    Map<Long, String> stored() {
        Map<Long, String> out = new HashMap<>();
        db.dsl().select(CUSTOMER.ID, CUSTOMER_TIER.TIER).from(CUSTOMER).leftJoin(CUSTOMER_TIER).on(CUSTOMER_TIER.CUSTOMER_ID.eq(CUSTOMER.ID))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    Map<Long, String> expected() {
        return TierOracle.expected(db.dsl(), tiers().settings(), LocalDate.from(NOW), SHANGHAI);
    }

    List<Long> live() {
        return db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.MERGED_INTO_ID.isNull()).and(CUSTOMER.ERASED_AT.isNull())
                .orderBy(CUSTOMER.ID).fetch(CUSTOMER.ID);
    }

    @Override
    public void close() {
        db.close();
    }
}
