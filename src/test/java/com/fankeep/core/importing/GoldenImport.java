package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_MATCH;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_SPEND;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;

import com.fankeep.core.db.Database;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.jooq.impl.DSL;

/** What the golden import tests of the shop formats share: the sample files, importing them, a database fingerprint. */
final class GoldenImport {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Path TAOBAO_ORDERS = Path.of("sample-data/taobao/ExportOrderList202403151030.csv");
    static final Path TAOBAO_DETAILS = Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv");
    static final Path JD = Path.of("sample-data/jd/jd_orders_20240315.csv");
    static final Path PINDUODUO = Path.of("sample-data/pinduoduo/orders_export2024-03-15-10-00-00.csv");
    static final Path YOUZAN_ORDERS = Path.of("sample-data/youzan/youzan_orders_20240315.csv");
    static final Path YOUZAN_CUSTOMERS = Path.of("sample-data/youzan/youzan_customers_20240315.csv");
    static final Path DOUYIN = Path.of("sample-data/douyin/1710468000_new.csv");

    private GoldenImport() {
    }

    static ImportSummary importNow(ImportService service, Path... files) {
        return service.importNow(new ImportRequest(List.of(files), null, null, SHANGHAI), Progress.NONE, Cancellation.none());
    }

    /** Everything an import or its undo could change, in one string. */
    static String fingerprint(Database db) {
        var d = db.dsl();
        return d.fetchCount(CUSTOMER) + " customers/" + d.fetchCount(CONTACT_CHANNEL) + " channels/"
                + d.fetchCount(SHOP_ORDER) + " orders/" + d.fetchCount(ORDER_LINE) + " lines/"
                + d.fetchCount(IMPORT_BATCH, IMPORT_BATCH.STATUS.eq("committed")) + " batches/"
                + d.fetchCount(CUSTOMER_MATCH) + " matches/" + new StatsService(db).stats()
                + "/refunded " + d.select(DSL.sum(SHOP_ORDER.REFUNDED_AMOUNT)).from(SHOP_ORDER).fetchOne(0, BigDecimal.class)
                + "/order counts " + d.select(DSL.sum(CUSTOMER.ORDER_COUNT)).from(CUSTOMER).fetchOne(0, BigDecimal.class)
                + "/spend " + d.select(DSL.sum(CUSTOMER_SPEND.NET_SPEND)).from(CUSTOMER_SPEND).fetchOne(0, BigDecimal.class)
                + "/statuses " + d.select(SHOP_ORDER.STATUS, DSL.count()).from(SHOP_ORDER).groupBy(SHOP_ORDER.STATUS)
                        .orderBy(SHOP_ORDER.STATUS).fetch().formatCSV(false);
    }

    /** The id of the committed batch a file became. */
    static long batchOf(ImportSummary summary, Path file) {
        return summary.files().stream().filter(f -> f.file().equals(file.getFileName().toString())).findFirst()
                .orElseThrow().batchId();
    }
}
