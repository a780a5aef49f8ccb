package com.fankeep.core.customer;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.bench.SearchBenchmark;
import com.fankeep.core.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Not a test: times list pages over the search benchmark's 300,000 customers (run by hand). */
class ListPagingMeasure {

    @Test
    void measure() throws Exception {
        Path work = Path.of(System.getProperty("measure.dir", "/tmp/cust-measure"));
        if (!work.resolve("data").toFile().exists()) {
            SearchBenchmark.run(work, Integer.getInteger("measure.customers", 300_000), (d, t, m) -> { });
        }
        try (Database db = Database.open(work.resolve("data"))) {
            CustomerService s = CoreServices.over(db).customers();
            for (CustomerSort sort : java.util.List.of(CustomerSort.ID, CustomerSort.LAST_ORDER, CustomerSort.ORDERS, CustomerSort.NAME)) {
                long t0 = System.nanoTime();
                CustomerPage p = s.page(new CustomerQuery("", CustomerFilter.NONE, sort, true), null, 200);
                long t1 = System.nanoTime();
                CustomerPage p2 = s.page(new CustomerQuery("", CustomerFilter.NONE, sort, true), p.next(), 200);
                long t2 = System.nanoTime();
                System.out.printf("MEASURE %s first %.0f ms, next %.0f ms (%d rows)%n", sort, (t1 - t0) / 1e6, (t2 - t1) / 1e6, p2.rows().size());
            }
            long t0 = System.nanoTime();
            long n = s.count(CustomerFilter.NONE);
            System.out.printf("MEASURE count %d %.0f ms%n", n, (System.nanoTime() - t0) / 1e6);
            CustomerFilter f = new CustomerFilter(null, null, null, null, null, null, null, null, true, null);
            t0 = System.nanoTime();
            s.page(new CustomerQuery("", f, CustomerSort.LAST_ORDER, true), null, 200);
            System.out.printf("MEASURE has-wechat page %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        }
    }
}
