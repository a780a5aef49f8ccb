package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_SPEND;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures an import sums while it writes equal those recomputed from the stored orders. */
class DerivedFiguresTest {

    @TempDir
    Path temp;

    @Test
    void summedFiguresEqualRecomputedOnes() {
        try (Database db = Database.open(temp.resolve("data"))) {
            new ImportService(db).importNow(new ImportRequest(List.of(TaobaoImportTest.ORDERS, TaobaoImportTest.DETAILS,
                            Path.of("sample-data/shopify/orders_export_1.csv"), Path.of("sample-data/jd/jd_orders_20240315.csv")),
                    null, null, TaobaoImportTest.SHANGHAI), Progress.NONE, Cancellation.none());
            String summed = snapshot(db);
            assertThat(db.dsl().fetchCount(CUSTOMER_SPEND.where(CUSTOMER_SPEND.CURRENCY.eq("USD")))).isPositive();
            // 林晓雨 buys in CNY (Taobao) and USD (Shopify): one customer, two currencies
            assertThat(db.dsl().fetchCount(CUSTOMER_SPEND.join(CUSTOMER).on(CUSTOMER.ID.eq(CUSTOMER_SPEND.CUSTOMER_ID)),
                    CUSTOMER.NAME.eq("林晓雨"))).isEqualTo(2);

            db.transaction(dsl -> dsl.connection(c -> new ImportRepository(c).recomputeDerived(
                    dsl.select(CUSTOMER.ID).from(CUSTOMER).fetch(CUSTOMER.ID))));

            assertThat(snapshot(db)).isEqualTo(summed);
        }
    }

    private static String snapshot(Database db) {
        return db.dsl().select(CUSTOMER.ID, CUSTOMER.ORDER_COUNT, CUSTOMER.FIRST_ORDER_AT, CUSTOMER.LAST_ORDER_AT)
                .from(CUSTOMER).orderBy(CUSTOMER.ID).fetch().formatCSV()
                + db.dsl().selectFrom(CUSTOMER_SPEND).orderBy(CUSTOMER_SPEND.CUSTOMER_ID, CUSTOMER_SPEND.CURRENCY).fetch().formatCSV();
    }
}
