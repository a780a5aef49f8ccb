package com.fankeep.core.customer;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.bench.SearchBenchmark;
import com.fankeep.core.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Not a test: times list pages over the search benchmark's 300,000 customers (run by hand). Per sort column, ascending
 * and descending: the first page, the next, and a deep one (page {@code measure.deep}, after walking there).
 */
class ListPagingMeasure {

    @Test
    void measure() throws Exception {
        Path work = Path.of(System.getProperty("measure.dir", "/tmp/cust-measure"));
        int deep = Integer.getInteger("measure.deep", 25);
        if (!work.resolve("data").toFile().exists()) {
            SearchBenchmark.run(work, Integer.getInteger("measure.customers", 300_000), (d, t, m) -> { });
            try (Database db = Database.open(work.resolve("data"))) {
                figures(db);
            }
        }
        String only = System.getProperty("measure.sorts");
        try (Database db = Database.open(work.resolve("data"))) {
            CustomerService s = CoreServices.over(db).customers();
            for (CustomerSort sort : CustomerSort.values()) {
                if (only != null && !java.util.Arrays.asList(only.split(",")).contains(sort.name())) {
                    continue;
                }
                boolean[] directions = Boolean.getBoolean("measure.ascOnly") ? new boolean[] {false} : new boolean[] {false, true};
                for (boolean desc : directions) {
                    CustomerQuery q = new CustomerQuery("", CustomerFilter.NONE, sort, desc);
                    long t0 = System.nanoTime();
                    CustomerPage p = s.page(q, null, 200);
                    long t1 = System.nanoTime();
                    CustomerPage p2 = s.page(q, p.next(), 200);
                    long t2 = System.nanoTime();
                    for (int i = 2; i < deep && p2.next() != null; i++) {
                        p2 = s.page(q, p2.next(), 200);
                    }
                    long t3 = System.nanoTime();
                    CustomerPage last = s.page(q, p2.next(), 200);
                    long t4 = System.nanoTime();
                    System.out.printf("MEASURE %-14s %-4s first %6.0f ms, next %6.0f ms, page %d %6.0f ms (%d rows)%n", sort,
                            desc ? "desc" : "asc", (t1 - t0) / 1e6, (t2 - t1) / 1e6, deep, (t4 - t3) / 1e6, last.rows().size());
                }
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

    /** Order counts, spend, cities, tiers and tags as an import would leave them (the benchmark writes only orders). */
    private static void figures(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("update customer set order_count = (select count(*) from shop_order o where o.customer_id = customer.id),"
                    + " city = case mod(id, 7) when 0 then null else 'city' || mod(id * 31, 300) end");
            st.execute("insert into customer_tier (customer_id, tier) select id, case mod(id, 5) when 0 then 'vip' else 'regular' end"
                    + " from customer where mod(id, 5) < 2");
            st.execute("insert into customer_spend (customer_id, currency, net_spend, order_count) select customer_id, 'CNY',"
                    + " count(*) * 37 + mod(customer_id * 13, 997) / 10.0, count(*) from shop_order group by customer_id");
            for (String t : new String[] {"铁粉", "老客", "VIP", "待回访", "送礼"}) {
                st.execute("insert into tag (name) values ('" + t + "')");
            }
            st.execute("insert into customer_tag (customer_id, tag_id) select c.id, t.id from customer c join tag t"
                    + " on mod(c.id * 7 + t.id, 9) = 0");
            com.fankeep.core.db.CustomerSortKeys.refresh(c, java.util.stream.LongStream.rangeClosed(1, Integer.getInteger("measure.customers", 300_000)).boxed().toList()); // SORTKEYS
        }
    }
}
