package com.fankeep.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.bench.SegmentData;
import com.fankeep.core.db.Database;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard figure, and the monthly, cohort and province charts, equal a computation in plain Java over the
 * generated customers and orders ({@link SegmentData}, the generator of `bench segments` and `bench dashboard`) —
 * not through the aggregates or any query.
 */
class DashboardFiguresTest {

    private static final Instant NOW = Instant.parse("2026-06-01T04:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZONE);
    private static final List<String> NOT_BOUGHT = List.of("unpaid", "cancelled", "closed");
    private static final List<String> REVENUE = List.of("paid", "shipped", "completed", "partially_refunded");

    @TempDir
    static Path temp;

    private static Database db;
    private static DashboardService dashboard;
    private static final List<SegmentData.Customer> customers = new ArrayList<>();

    @BeforeAll
    static void generate() throws Exception {
        db = TestDatabases.fresh(temp);
        SegmentData.write(db, 2_000, 7_000, 15, NOW, customers::add, Progress.NONE);
        new AggregateService(db, ZONE).rebuildAll(Progress.NONE, Cancellation.none());
        dashboard = new DashboardService(db, new SettingsService(db), Clock.fixed(NOW, ZONE));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void figuresOfTheLast90DaysEqualAPlainCount() {
        check(DashboardQuery.lastDays(TODAY, 90, null));
    }

    @Test
    void figuresOfAPastYearOnOnePlatformEqualAPlainCount() {
        check(new DashboardQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "taobao"));
    }

    /** The periods' edges cut months (ADR 0037: whole months from kept sets, the edge days read): ending today, and past, on a platform. */
    @Test
    void figuresOfPeriodsWhoseEdgesCutMonthsEqualAPlainCount() {
        check(DashboardQuery.lastDays(TODAY, 365, null));
        check(new DashboardQuery(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 4, 10), "taobao"));
        check(new DashboardQuery(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 4, 10), null));
        check(new DashboardQuery(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 5, 1), null));
    }

    @Test
    void customersAndRevenueOverTheWholeHistoryAreEveryCustomerAndEveryOrder() {
        Dashboard d = dashboard.figures(dashboard.wholeHistory(null));
        assertThat(d.figure("customers").value().longValue()).isEqualTo(customers.stream().filter(c -> !c.erased()).count());
        BigDecimal all = customers.stream().flatMap(c -> c.orders().stream()).filter(o -> REVENUE.contains(o.status()))
                .map(SegmentData.Order::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(d.figure("revenue.CNY").value()).isEqualByComparingTo(all);
    }

    @Test
    void activeDaysIsASetting() {
        dashboard.setActiveDays(30);
        try {
            DashboardQuery q = DashboardQuery.lastDays(TODAY, 90, null);
            assertThat(dashboard.figures(q).figure("active").value().longValue())
                    .isEqualTo(buyersIn(TODAY.minusDays(29), TODAY, null).size());
        } finally {
            dashboard.setActiveDays(DashboardService.DEFAULT_ACTIVE_DAYS);
        }
    }

    private static void check(DashboardQuery q) {
        Dashboard d = dashboard.figures(q);
        int n = d.activeDays();
        String p = q.platform();
        for (boolean previous : new boolean[] {false, true}) {
            LocalDate f = previous ? q.previousFrom() : q.from();
            LocalDate t = previous ? q.previousTo() : q.to();
            LocalDate pf = f.minusDays(q.days());
            LocalDate pt = f.minusDays(1);
            Map<String, Long> expected = new TreeMap<>();
            long withoutOrders = p != null ? 0 : live().filter(c -> c.orders().stream().noneMatch(DashboardFiguresTest::bought)).count();
            expected.put("customers", withoutOrders + live().filter(c -> first(c, p) != null && !first(c, p).isAfter(t)).count());
            Set<Long> active = buyersIn(t.minusDays(n - 1L), t, p);
            expected.put("active", (long) active.size());
            expected.put("lapsed", live().filter(c -> first(c, p) != null && !first(c, p).isAfter(t.minusDays(n))
                    && !active.contains(c.id())).count());
            Set<Long> buyers = buyersIn(f, t, p);
            expected.put("buyers", (long) buyers.size());
            long fresh = live().filter(c -> first(c, p) != null && !first(c, p).isBefore(f) && !first(c, p).isAfter(t)).count();
            expected.put("newBuyers", fresh);
            expected.put("returningBuyers", buyers.size() - fresh);
            for (var e : expected.entrySet()) {
                BigDecimal got = previous ? d.figure(e.getKey()).previous() : d.figure(e.getKey()).value();
                assertThat(got.longValue()).as("%s %s", e.getKey(), previous ? "previous" : "now").isEqualTo(e.getValue());
            }
            long ever = live().filter(c -> boughtUpTo(c, p, t) >= 1).count();
            long repeat = live().filter(c -> boughtUpTo(c, p, t) >= 2).count();
            assertThat(previous ? d.figure("repeatRate").previous() : d.figure("repeatRate").value()).as("repeat rate")
                    .isEqualByComparingTo(share(repeat, ever));
            Set<Long> before = buyersIn(pf, pt, p);
            long kept = before.stream().filter(buyers::contains).count();
            assertThat(previous ? d.figure("retention").previous() : d.figure("retention").value()).as("retention")
                    .isEqualByComparingTo(share(kept, before.size()));
            BigDecimal revenue = BigDecimal.ZERO;
            long revenueOrders = 0;
            for (SegmentData.Customer c : customers) {
                for (SegmentData.Order o : c.orders()) {
                    LocalDate day = day(o);
                    if (REVENUE.contains(o.status()) && (p == null || p.equals(o.platform())) && !day.isBefore(f) && !day.isAfter(t)) {
                        revenue = revenue.add(o.paid());
                        revenueOrders++;
                    }
                }
            }
            assertThat(previous ? d.figure("revenue.CNY").previous() : d.figure("revenue.CNY").value()).as("revenue")
                    .isEqualByComparingTo(revenue);
            BigDecimal aov = revenueOrders == 0 ? BigDecimal.ZERO : revenue.divide(BigDecimal.valueOf(revenueOrders), 2, RoundingMode.HALF_UP);
            assertThat(previous ? d.figure("aov.CNY").previous() : d.figure("aov.CNY").value()).as("aov").isEqualByComparingTo(aov);
        }
        for (String tier : DashboardService.TIER_CODES) {
            long count = live().filter(c -> tier.equals(c.tier() == null ? "none" : c.tier())).count();
            assertThat(d.figure("tier." + tier).value().longValue()).as("tier %s", tier).isEqualTo(count);
        }
    }

    @Test
    void monthlyNewAndReturningBuyersAndCohortsEqualAPlainCount() {
        DashboardQuery q = DashboardQuery.lastDays(TODAY, 30, null);
        List<ChartData> charts = dashboard.charts(q);
        ChartData monthly = chart(charts, "monthly");
        ChartData cohorts = chart(charts, "cohorts");
        assertThat(monthly.rows()).hasSize(DashboardService.MONTHS);
        for (int i = 0; i < monthly.rows().size(); i++) {
            ChartData.Row row = monthly.rows().get(i);
            LocalDate start = LocalDate.parse(row.label() + "-01");
            LocalDate end = start.plusMonths(1).minusDays(1);
            Set<Long> buyers = buyersIn(start, end, null);
            long fresh = live().filter(c -> first(c, null) != null && !first(c, null).isBefore(start) && !first(c, null).isAfter(end)).count();
            assertThat(row.values().get(0).longValue()).as("new in %s", row.label()).isEqualTo(fresh);
            assertThat(row.values().get(1).longValue()).as("returning in %s", row.label()).isEqualTo(buyers.size() - fresh);
            // cohort row i: customers whose first order was in this month, share buying k months later
            ChartData.Row cohort = cohorts.rows().get(i);
            List<SegmentData.Customer> members = live().filter(c -> first(c, null) != null && !first(c, null).isBefore(start)
                    && !first(c, null).isAfter(end)).toList();
            assertCohortRow(cohort, row.label(), i, start, members, LocalDate.MAX, null);
        }
    }

    /**
     * The monthly and cohort charts of a period that ends mid-month in the past, on one platform: each month's new and
     * returning buyers and revenue, and each cohort's share buying in each later month, counted up to the period's end
     * (the last month is cut there; ADR 0046 reads whole months from kept data and the cut month from its days).
     */
    @Test
    void monthlyAndCohortChartsOfAPeriodEndingMidMonthOnOnePlatformEqualAPlainCount() {
        String p = "taobao";
        LocalDate to = TODAY.minusMonths(2).withDayOfMonth(17);
        DashboardQuery q = DashboardQuery.lastDays(to, 30, p);
        // a page of its own that read the same months for any platform first: the platform's months come from that read
        DashboardService page = new DashboardService(db, new SettingsService(db), Clock.fixed(NOW, ZONE));
        page.charts(DashboardQuery.lastDays(to, 30, null));
        List<ChartData> charts = page.charts(q);
        ChartData monthly = chart(charts, "monthly");
        ChartData cohorts = chart(charts, "cohorts");
        assertThat(monthly.columns()).contains("revenue.CNY");
        int revenueAt = monthly.columns().indexOf("revenue.CNY");
        assertThat(monthly.rows()).hasSize(DashboardService.MONTHS);
        for (int i = 0; i < monthly.rows().size(); i++) {
            ChartData.Row row = monthly.rows().get(i);
            LocalDate start = LocalDate.parse(row.label() + "-01");
            LocalDate end = start.plusMonths(1).minusDays(1).isAfter(to) ? to : start.plusMonths(1).minusDays(1);
            Set<Long> buyers = buyersIn(start, end, p);
            List<SegmentData.Customer> members = live().filter(c -> first(c, p) != null && !first(c, p).isBefore(start)
                    && !first(c, p).isAfter(end)).toList();
            assertThat(row.values().get(0).longValue()).as("new in %s", row.label()).isEqualTo(members.size());
            assertThat(row.values().get(1).longValue()).as("returning in %s", row.label()).isEqualTo(buyers.size() - members.size());
            BigDecimal revenue = BigDecimal.ZERO;
            for (SegmentData.Customer c : customers) {
                for (SegmentData.Order o : c.orders()) {
                    if (REVENUE.contains(o.status()) && p.equals(o.platform()) && !day(o).isBefore(start) && !day(o).isAfter(end)) {
                        revenue = revenue.add(o.paid());
                    }
                }
            }
            assertThat(row.values().get(revenueAt)).as("revenue in %s", row.label()).isEqualByComparingTo(revenue);
            ChartData.Row cohort = cohorts.rows().get(i);
            assertThat(cohort.label()).isEqualTo(row.label() + " (" + members.size() + ")");
            assertCohortRow(cohort, row.label(), i, start, members, to, p);
        }
    }

    /**
     * The tier counts leave out customers merged away and erased, though their tier rows remain (the count goes through
     * the tier rows and takes those customers' rows away, ADR 0046).
     */
    @Test
    void tierCountsLeaveOutCustomersMergedAwayOrErased(@TempDir Path own) throws Exception {
        List<SegmentData.Customer> written = new ArrayList<>();
        try (Database small = TestDatabases.fresh(own)) {
            SegmentData.write(small, 300, 900, 15, NOW, written::add, Progress.NONE);
            List<SegmentData.Customer> tiered = written.stream().filter(c -> !c.erased() && c.tier() != null).toList();
            Set<Long> merged = new HashSet<>();
            for (int i = 0; i < 12; i++) { // merged into the last tiered customer, which stays
                merged.add(tiered.get(i).id());
                small.dsl().execute("update customer set merged_into_id = ? where id = ?", tiered.getLast().id(), tiered.get(i).id());
            }
            new AggregateService(small, ZONE).rebuildAll(Progress.NONE, Cancellation.none());
            assertThat(small.dsl().fetchOne("select count(*) from customer c join customer_tier t on t.customer_id = c.id"
                    + " where c.erased_at is not null").get(0, Long.class)).as("erased customers with a tier row").isPositive();
            Dashboard d = new DashboardService(small, new SettingsService(small), Clock.fixed(NOW, ZONE)).figures(DashboardQuery.lastDays(TODAY, 30, null));
            for (String tier : DashboardService.TIER_CODES) {
                long count = written.stream().filter(c -> !c.erased() && !merged.contains(c.id()))
                        .filter(c -> tier.equals(c.tier() == null ? "none" : c.tier())).count();
                assertThat(d.figure("tier." + tier).value().longValue()).as("tier %s", tier).isEqualTo(count);
            }
        }
    }

    @Test
    void topProvincesCountTheirBuyers() {
        ChartData provinces = chart(dashboard.charts(DashboardQuery.lastDays(TODAY, 30, null)), "provinces");
        Map<String, Long> expected = new HashMap<>();
        live().filter(c -> c.province() != null && first(c, null) != null).forEach(c -> expected.merge(c.province(), 1L, Long::sum));
        assertThat(provinces.rows()).hasSize(Math.min(10, expected.size()));
        long smallestShown = Long.MAX_VALUE;
        Set<String> shown = new HashSet<>();
        for (ChartData.Row row : provinces.rows()) {
            assertThat(row.values().getFirst().longValue()).as(row.label()).isEqualTo(expected.get(row.label()));
            smallestShown = Math.min(smallestShown, expected.get(row.label()));
            shown.add(row.label());
        }
        long cut = smallestShown;
        assertThat(expected.entrySet().stream().filter(e -> !shown.contains(e.getKey())).allMatch(e -> e.getValue() <= cut)).isTrue();
    }

    private static ChartData chart(List<ChartData> charts, String key) {
        return charts.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<SegmentData.Customer> live() {
        return customers.stream().filter(c -> !c.erased());
    }

    private static boolean bought(SegmentData.Order o) {
        return !NOT_BOUGHT.contains(o.status());
    }

    private static LocalDate day(SegmentData.Order o) {
        return LocalDate.ofInstant(o.orderedAt(), ZONE);
    }

    private static Predicate<SegmentData.Order> boughtOn(String platform) {
        return o -> bought(o) && (platform == null || platform.equals(o.platform()));
    }

    /**
     * Cohort row {@code i} (first orders in the month from {@code start}): for each later month, cut at {@code to}, the
     * share of {@code members} who bought on {@code platform} (null: any) in it, counted from the orders.
     */
    private static void assertCohortRow(ChartData.Row cohort, String label, int i, LocalDate start,
            List<SegmentData.Customer> members, LocalDate to, String platform) {
        for (int k = 0; k < DashboardService.MONTHS - i; k++) {
            LocalDate ks = start.plusMonths(k);
            LocalDate ke = ks.plusMonths(1).minusDays(1).isAfter(to) ? to : ks.plusMonths(1).minusDays(1);
            Set<Long> inMonth = buyersIn(ks, ke, platform);
            long again = members.stream().filter(c -> inMonth.contains(c.id())).count();
            BigDecimal got = cohort.values().get(k);
            if (members.isEmpty()) {
                assertThat(got).as("empty cohort %s", label).isNull();
            } else {
                assertThat(got).as("cohort %s +%d", label, k).isEqualByComparingTo(share(again, members.size()));
            }
        }
    }

    private static LocalDate first(SegmentData.Customer c, String platform) {
        return c.orders().stream().filter(boughtOn(platform)).map(DashboardFiguresTest::day).min(Comparator.naturalOrder()).orElse(null);
    }

    private static long boughtUpTo(SegmentData.Customer c, String platform, LocalDate t) {
        return c.orders().stream().filter(boughtOn(platform)).filter(o -> !day(o).isAfter(t)).count();
    }

    private static Set<Long> buyersIn(LocalDate from, LocalDate to, String platform) {
        Set<Long> out = new HashSet<>();
        live().forEach(c -> {
            if (c.orders().stream().filter(boughtOn(platform)).anyMatch(o -> !day(o).isBefore(from) && !day(o).isAfter(to))) {
                out.add(c.id());
            }
        });
        return out;
    }

    private static BigDecimal share(long n, long of) {
        return of == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }
}
