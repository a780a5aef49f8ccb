package com.fankeep.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.insight.AggregateRepository.FirstRow;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counters' contribution of some customers counted in Java from their rows ({@link AddedOrders#counts}, ADR 0059)
 * equals the SQL count of the same rows ({@link CounterRepository#countsOf}), on random buyer_first and buyer_fact rows:
 * platforms, first and second days, places with a province, a city, both or neither, funnel states or none, customers
 * without a fact row.
 */
class AddedOrdersCountsTest {

    private static final List<String> PLATFORMS = List.of("taobao", "jd", "shopify");
    private static final List<String> PROVINCES = List.of("浙江省", "广东省", "Ontario");
    private static final List<String> CITIES = List.of("杭州市", "深圳市", "Toronto");

    @TempDir
    Path temp;

    @Test
    void countsFromTheRowsInHandEqualTheSqlCounts() {
        PropertyRunner.check("added orders' counts", 1, r -> r.nextLong(), seed -> {
            RandomGenerator random = new java.util.SplittableRandom(seed);
            try (Database db = TestDatabases.fresh(Files.createTempDirectory(temp, "try"))) {
                for (int round = 0; round < 25; round++) {
                    db.dsl().execute("delete from buyer_first");
                    db.dsl().execute("delete from buyer_fact");
                    List<FirstRow> firsts = new ArrayList<>();
                    Map<Long, AddedOrders.Fact> facts = new HashMap<>();
                    for (long customer = 1; customer <= 30; customer++) {
                        Set<String> platforms = new TreeSet<>(List.of("*", PLATFORMS.get(random.nextInt(3)), PLATFORMS.get(random.nextInt(3))));
                        for (String platform : platforms) {
                            if (random.nextInt(3) == 0) {
                                continue;
                            }
                            LocalDate first = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
                            firsts.add(new FirstRow(customer, platform, first, random.nextBoolean() ? null : first.plusDays(random.nextInt(30)),
                                    customer * 100 + firsts.size()));
                        }
                        if (random.nextInt(4) > 0) {
                            facts.put(customer, new AddedOrders.Fact(customer, random.nextInt(3) == 0 ? null : PROVINCES.get(random.nextInt(3)),
                                    random.nextInt(3) == 0 ? null : CITIES.get(random.nextInt(3)),
                                    random.nextInt(3) == 0 ? null : random.nextInt(4)));
                        }
                    }
                    for (FirstRow f : firsts) {
                        db.dsl().execute("insert into buyer_first (customer_id, platform, first_day, second_day, first_order_id)"
                                + " values (?, ?, ?, ?, ?)", f.customer(), f.platform(), f.first(), f.second(), f.firstOrderId());
                    }
                    for (AddedOrders.Fact f : facts.values()) {
                        db.dsl().execute("insert into buyer_fact (customer_id, province, city, funnel_best) values (?, ?, ?, ?)",
                                f.customer(), f.province(), f.city(), f.funnelBest());
                    }
                    Set<Long> some = new TreeSet<>();
                    for (long customer = 1; customer <= 30; customer++) {
                        if (random.nextInt(3) > 0) {
                            some.add(customer);
                        }
                    }
                    if (some.isEmpty()) {
                        continue;
                    }
                    var sql = db.transactionResult(dsl -> new CounterRepository(dsl).countsOf(some));
                    assertThat(AddedOrders.counts(firsts, facts, some)).as("round %d, customers %s", round, some).isEqualTo(sql);
                }
            }
        });
    }
}
