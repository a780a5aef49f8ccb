package com.fankeep.core.insight;

import com.fankeep.core.db.Database;
import com.fankeep.core.settings.SettingsService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dashboard (issue 15): figures of a period with the previous one, and the data of its charts, read from the
 * aggregates {@link AggregateService} keeps. Each figure names its customers as a segment rule where one can (rules
 * speak of customers as they are today, so period figures have one only for a period ending today).
 */
public final class DashboardService {

    public static final String ACTIVE_DAYS_KEY = "dashboard.activeDays";
    public static final int DEFAULT_ACTIVE_DAYS = 90;
    static final int MONTHS = 12;
    static final int TOP = 10;

    private final Database database;
    private final SettingsService settings;
    private final Clock clock;

    private final Outcomes outcomes;
    private final BuyerMonths buyerMonths;

    /** Without campaign and launch outcomes (benchmarks, tests of the figures). */
    public DashboardService(Database database, SettingsService settings, Clock clock) {
        this(database, settings, clock, null);
    }

    public DashboardService(Database database, SettingsService settings, Clock clock, Outcomes outcomes) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
        this.outcomes = outcomes;
        this.buyerMonths = new BuyerMonths(database);
    }

    /**
     * Reads ahead what a change to the longest preset period (365 days) needs that the page's first load did not: the
     * month sets of the three years before {@code to} (ADR 0037). For the background, after the page is filled.
     */
    public void warmUp(LocalDate to, String platform) {
        DashboardQuery year = DashboardQuery.lastDays(to, 365, platform);
        database.transaction(dsl -> buyerMonths.warm(new DashboardRepository(dsl, year.platform()),
                year.previousFrom().minusDays(year.days()), year.to()));
    }

    private static long both(BitSet a, BitSet b) {
        BitSet x = (BitSet) a.clone();
        x.and(b);
        return x.cardinality();
    }

    /**
     * Campaign and launch outcomes side by side ("campaigns", "launches"), from their own reports; not tied to the
     * period (a campaign's results come weeks after it). Empty without them.
     */
    public List<ChartData> outcomes() {
        return outcomes == null ? List.of() : outcomes.charts();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Days since the last order within which a customer counts as active (setting, default 90). */
    public int activeDays() {
        String v = settings.values("dashboard.").get("activeDays");
        try {
            int n = v == null ? DEFAULT_ACTIVE_DAYS : Integer.parseInt(v.strip());
            return n > 0 ? n : DEFAULT_ACTIVE_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_ACTIVE_DAYS;
        }
    }

    public static final int MAX_ACTIVE_DAYS = 3650;

    /** Stores the active window; 1…3650 days, else refused (nothing changed). */
    public void setActiveDays(int days) {
        if (days < 1 || days > MAX_ACTIVE_DAYS) {
            throw new com.fankeep.core.shared.RefusedException("dashboard.activeDays.refused", "active days must be 1…"
                    + MAX_ACTIVE_DAYS + ": " + days, Integer.toString(days), Integer.toString(MAX_ACTIVE_DAYS));
        }
        settings.putValues("dashboard.", Map.of("activeDays", Integer.toString(days)));
    }

    /** The whole history: from the first order's day to today. */
    public DashboardQuery wholeHistory(String platform) {
        LocalDate first = database.transactionResult(dsl -> new DashboardRepository(dsl, null).firstDay());
        LocalDate today = today();
        return new DashboardQuery(first == null || first.isAfter(today) ? today : first, today, platform);
    }

    public Dashboard figures(DashboardQuery q) {
        int n = activeDays();
        boolean endsToday = !q.to().isBefore(today());
        return database.transactionResult(dsl -> {
            DashboardRepository r = new DashboardRepository(dsl, q.platform());
            List<Figure> out = new ArrayList<>();
            Map<String, Long> tiers = tiers(r); // first: the charts, read side by side, wait for this count
            LocalDate f = q.from();
            LocalDate t = q.to();
            LocalDate pf = q.previousFrom();
            LocalDate pt = q.previousTo();
            String on = q.platform() == null ? null : "platform = " + q.platform();
            long live = q.platform() == null ? r.liveCustomers() - r.anyBought() : 0;
            out.add(figure("customers", live + r.everBought(t), live + r.everBought(pt), on == null ? "" : on));
            long active = buyerMonths.buyers(r, t.minusDays(n - 1L), t).cardinality();
            long activeBefore = buyerMonths.buyers(r, pt.minusDays(n - 1L), pt).cardinality();
            out.add(figure("active", active, activeBefore, endsToday ? and("last_order within " + n + "d", on) : null));
            // lapsed: had bought before the active window and not in it; the window's buyers who had bought before it
            // are its buyers less its new buyers (a join of the window with every first order took 2.3 s at 1M orders)
            long lapsed = r.everBought(t.minusDays(n)) - (active - r.newBuyers(t.minusDays(n - 1L), t));
            long lapsedBefore = r.everBought(pt.minusDays(n)) - (activeBefore - r.newBuyers(pt.minusDays(n - 1L), pt));
            out.add(figure("lapsed", lapsed, lapsedBefore, endsToday ? and("orders >= 1 and not last_order within " + n + "d", on) : null));
            out.add(figure("recovered", r.recovered(start(f), start(t.plusDays(1))), r.recovered(start(pf), start(pt.plusDays(1))),
                    endsToday ? "recovery = active_again" : null));
            out.add(ratio("repeatRate", r.repeaters(t), r.everBought(t), r.repeaters(pt), r.everBought(pt), and("orders >= 2", on)));
            // the three periods' buyers as sets (ADR 0037): counts and retention (buyers of one who bought again in the next)
            BitSet inPeriod = buyerMonths.buyers(r, f, t);
            BitSet inPrevious = buyerMonths.buyers(r, pf, pt);
            BitSet inEarlier = buyerMonths.buyers(r, pf.minusDays(q.days()), pf.minusDays(1));
            long buyers = inPeriod.cardinality();
            long buyersBefore = inPrevious.cardinality();
            out.add(ratio("retention", both(inPrevious, inPeriod), buyersBefore, both(inEarlier, inPrevious), inEarlier.cardinality(), null));
            String since = "last_order after " + f.minusDays(1);
            out.add(figure("buyers", buyers, buyersBefore, endsToday ? and(since, on) : null));
            long fresh = r.newBuyers(f, t);
            long freshBefore = r.newBuyers(pf, pt);
            out.add(figure("newBuyers", fresh, freshBefore, endsToday ? and("first_order after " + f.minusDays(1), on) : null));
            out.add(figure("returningBuyers", buyers - fresh, buyersBefore - freshBefore,
                    endsToday ? and(since + " and first_order before " + f, on) : null));
            Map<String, BigDecimal[]> revenue = buyerMonths.revenue(r, f, t);
            Map<String, BigDecimal[]> revenueBefore = buyerMonths.revenue(r, pf, pt);
            for (String currency : new TreeSet<>(union(revenue.keySet(), revenueBefore.keySet()))) {
                BigDecimal[] now = revenue.getOrDefault(currency, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                BigDecimal[] before = revenueBefore.getOrDefault(currency, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                String rule = endsToday ? and(since, on) : null;
                out.add(new Figure("revenue." + currency, money(now[0]), money(before[0]), rule));
                out.add(new Figure("aov." + currency, aov(now), aov(before), rule));
            }
            LocalDate today = today();
            out.add(new Figure("followUpsDue", BigDecimal.valueOf(r.followUps(false, today)), null, null));
            out.add(new Figure("followUpsOverdue", BigDecimal.valueOf(r.followUps(true, today)), null, null));
            Map<String, long[]> moves = r.tierMoves(start(f), start(t.plusDays(1)));
            Map<String, long[]> movesBefore = r.tierMoves(start(pf), start(pt.plusDays(1)));
            for (String tier : TIER_CODES) {
                out.add(new Figure("tier." + tier, BigDecimal.valueOf(tiers.getOrDefault(tier, 0L)), null, "tier = " + tier));
                out.add(figure("tierIn." + tier, moves.getOrDefault(tier, new long[2])[0], movesBefore.getOrDefault(tier, new long[2])[0],
                        "tier = " + tier));
                out.add(figure("tierOut." + tier, moves.getOrDefault(tier, new long[2])[1], movesBefore.getOrDefault(tier, new long[2])[1],
                        null));
            }
            return new Dashboard(q, n, List.copyOf(out));
        });
    }

    /** The tier counts with the data version they were counted at: the figures count them, the charts reuse them. */
    private record TierCounts(long version, Map<String, Long> counts) {
    }

    private volatile TierCounts tierCounts;

    private final Object tierLock = new Object();

    /**
     * Customers per tier (a pass over every customer, 0.2-0.4 s at 300,000), counted again only after a write; counted
     * once when the figures and the charts, read side by side, both ask (the second waits for the first's count).
     */
    private Map<String, Long> tiers(DashboardRepository r) {
        synchronized (tierLock) {
            long version = database.dataVersion();
            TierCounts kept = tierCounts;
            if (kept != null && kept.version() == version) {
                return kept.counts();
            }
            Map<String, Long> counts = Map.copyOf(r.tiers());
            tierCounts = new TierCounts(version, counts);
            return counts;
        }
    }

    /** The tier moves per day since a moment, with the data version they were read at (not tied to a platform). */
    private record TierMoves(long version, OffsetDateTime from, Map<LocalDate, Map<String, Long>> byDay) {
    }

    private volatile TierMoves tierMoves;

    /** The tier moves per day, read again only after a write or for another start: a change of platform reuses them. */
    private Map<LocalDate, Map<String, Long>> tierMovesByDay(DashboardRepository r, OffsetDateTime from, ZoneId zone) {
        long version = database.dataVersion();
        TierMoves kept = tierMoves;
        if (kept != null && kept.version() == version && kept.from().equals(from)) {
            return kept.byDay();
        }
        Map<LocalDate, Map<String, Long>> byDay = java.util.Collections.unmodifiableMap(r.tierMovesByDay(from, zone));
        tierMoves = new TierMoves(version, from, byDay);
        return byDay;
    }

    static final List<String> TIER_CODES = List.of("iron_fan", "vip", "regular", "new", "lapsed", "none");

    /** The data of every chart, in the order the page shows them. */
    public List<ChartData> charts(DashboardQuery q) {
        ZoneId zone = zone();
        LocalDate t = q.to();
        LocalDate monthsFrom = t.withDayOfMonth(1).minusMonths(MONTHS - 1L);
        int lastMonth = DashboardRepository.month(t);
        return database.transactionResult(dsl -> {
            DashboardRepository r = new DashboardRepository(dsl, q.platform());
            String on = q.platform() == null ? null : "platform = " + q.platform();
            List<ChartData> out = new ArrayList<>();
            out.add(tiersOverTime(r, monthsFrom, lastMonth, zone));
            // the months' buyers and revenue, and the first-order cohorts, as sets (ADR 0046): both charts read them
            Map<Integer, BuyerMonths.Month> months = buyerMonths.upTo(r, monthsFrom, t);
            Map<Integer, BitSet> firsts = r.cohortSets(monthsFrom, t);
            out.add(monthly(months, firsts, monthsFrom, lastMonth, on));
            out.add(cohorts(months, firsts, monthsFrom, lastMonth, on));
            List<Object[]> placeCounts = r.placeCounts(t); // one pass for both charts (each took 2.2 s at 300,000 buyers)
            out.add(places("provinces", "province", DashboardRepository.top(placeCounts, 0, TOP), on));
            out.add(places("cities", "city", DashboardRepository.top(placeCounts, 1, TOP), on));
            out.add(items(r.firstItems(monthsFrom, t, TOP), on));
            out.add(funnel(r.funnel()));
            out.add(recovery(r.recoveryByMonth(start(monthsFrom), zone), monthsFrom, lastMonth));
            return List.copyOf(out);
        });
    }

    /** Customers per tier at each month's end, going back from today's counts through the tier moves since. */
    private ChartData tiersOverTime(DashboardRepository r, LocalDate from, int lastMonth, ZoneId zone) {
        Map<LocalDate, Map<String, Long>> moves = tierMovesByDay(r, start(from), zone); // meanwhile the figures count the tiers
        Map<String, Long> now = new TreeMap<>(tiers(r));
        List<ChartData.Row> rows = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>(now);
        // undo the moves after each month's end, newest month first
        LocalDate today = today();
        List<Map.Entry<LocalDate, Map<String, Long>>> days = new ArrayList<>(moves.entrySet());
        int i = days.size() - 1;
        List<ChartData.Row> reversed = new ArrayList<>();
        for (int m = DashboardRepository.month(today); m >= DashboardRepository.month(from); m--) {
            LocalDate monthEnd = LocalDate.of(m / 12, m % 12 + 1, 1).plusMonths(1).minusDays(1);
            while (i >= 0 && days.get(i).getKey().isAfter(monthEnd)) {
                days.get(i).getValue().forEach((tier, d) -> counts.merge(tier, -d, Long::sum));
                i--;
            }
            if (m <= lastMonth) {
                List<BigDecimal> values = new ArrayList<>();
                TIER_CODES.forEach(tier -> values.add(BigDecimal.valueOf(Math.max(0, counts.getOrDefault(tier, 0L)))));
                reversed.add(new ChartData.Row(monthLabel(m), values, null));
            }
        }
        for (int k = reversed.size() - 1; k >= 0; k--) {
            rows.add(reversed.get(k));
        }
        return new ChartData("tiersOverTime", TIER_CODES, rows);
    }

    private ChartData monthly(Map<Integer, BuyerMonths.Month> months, Map<Integer, BitSet> firsts, LocalDate from, int lastMonth,
                              String on) {
        Map<Integer, Long> fresh = new TreeMap<>();
        firsts.forEach((m, set) -> fresh.put(m, (long) set.cardinality()));
        Map<Integer, Map<String, BigDecimal>> revenue = new TreeMap<>();
        Map<Integer, Long> buyers = new TreeMap<>();
        months.forEach((m, data) -> {
            buyers.put(m, (long) data.buyers().cardinality());
            Map<String, BigDecimal> net = new TreeMap<>();
            data.revenue().forEach((currency, sums) -> net.put(currency, sums[0]));
            revenue.put(m, net);
        });
        TreeSet<String> currencies = new TreeSet<>();
        revenue.values().forEach(m -> currencies.addAll(m.keySet()));
        List<String> columns = new ArrayList<>(List.of("new", "returning"));
        currencies.forEach(c -> columns.add("revenue." + c));
        List<ChartData.Row> rows = new ArrayList<>();
        for (int m = DashboardRepository.month(from); m <= lastMonth; m++) {
            long b = buyers.getOrDefault(m, 0L);
            long n = fresh.getOrDefault(m, 0L);
            List<BigDecimal> values = new ArrayList<>(List.of(BigDecimal.valueOf(n), BigDecimal.valueOf(b - n)));
            Map<String, BigDecimal> rev = revenue.getOrDefault(m, Map.of());
            currencies.forEach(c -> values.add(money(rev.getOrDefault(c, BigDecimal.ZERO))));
            rows.add(new ChartData.Row(monthLabel(m), values, and(monthRule("first_order", m), on)));
        }
        return new ChartData("monthly", columns, rows);
    }

    /**
     * Share of each first-order cohort buying in month 0, 1, 2 … after it (month 0 is 1: the cohort itself): the size of
     * the cohort's set and of its intersection with each later month's buyers (ADR 0046; a join of the cohorts with a
     * year of buyer_day took 0.3-0.4 s at 1,000,000 orders).
     */
    private ChartData cohorts(Map<Integer, BuyerMonths.Month> months, Map<Integer, BitSet> members, LocalDate from, int lastMonth,
                              String on) {
        Map<Integer, Map<Integer, Long>> data = new TreeMap<>();
        Map<Integer, Long> sizes = new TreeMap<>();
        members.forEach((c, set) -> {
            sizes.put(c, (long) set.cardinality());
            months.forEach((m, month) -> {
                if (m >= c) {
                    data.computeIfAbsent(c, k -> new TreeMap<>()).put(m, both(set, month.buyers()));
                }
            });
        });
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < MONTHS; k++) {
            columns.add("m" + k);
        }
        List<ChartData.Row> rows = new ArrayList<>();
        for (int c = DashboardRepository.month(from); c <= lastMonth; c++) {
            long size = sizes.getOrDefault(c, 0L);
            List<BigDecimal> values = new ArrayList<>();
            for (int k = 0; k < MONTHS; k++) {
                long n = data.getOrDefault(c, Map.of()).getOrDefault(c + k, 0L);
                values.add(c + k > lastMonth || size == 0 ? null : share(n, size));
            }
            rows.add(new ChartData.Row(monthLabel(c) + " (" + size + ")", values, and(monthRule("first_order", c), on)));
        }
        return new ChartData("cohorts", columns, rows);
    }

    private static ChartData places(String key, String field, List<Object[]> top, String on) {
        List<ChartData.Row> rows = new ArrayList<>();
        for (Object[] p : top) {
            rows.add(new ChartData.Row((String) p[0], List.of(BigDecimal.valueOf((Long) p[1])), and(field + " = " + quote((String) p[0]), on)));
        }
        return new ChartData(key, List.of("buyers"), rows);
    }

    private static ChartData items(List<Object[]> top, String on) {
        List<ChartData.Row> rows = new ArrayList<>();
        for (Object[] p : top) {
            long first = (Long) p[1];
            long again = (Long) p[2];
            rows.add(new ChartData.Row((String) p[0], List.of(BigDecimal.valueOf(again), BigDecimal.valueOf(first), share(again, first)),
                    and("item contains " + quote((String) p[0]) + " and orders >= 2", on)));
        }
        return new ChartData("items", List.of("boughtAgain", "firstBuyers", "share"), rows);
    }

    private static ChartData funnel(long[] best) {
        String[] states = {"known", "exported", "requested", "connected"};
        List<ChartData.Row> rows = new ArrayList<>();
        for (int s = 0; s < states.length; s++) {
            long atLeast = 0;
            for (int k = s; k < best.length; k++) {
                atLeast += best[k];
            }
            rows.add(new ChartData.Row(states[s], List.of(BigDecimal.valueOf(atLeast)), "funnel = " + states[s]));
        }
        return new ChartData("funnel", List.of("customers"), rows);
    }

    private static ChartData recovery(Map<Integer, long[]> byMonth, LocalDate from, int lastMonth) {
        List<ChartData.Row> rows = new ArrayList<>();
        for (int m = DashboardRepository.month(from); m <= lastMonth; m++) {
            long[] v = byMonth.getOrDefault(m, new long[2]);
            rows.add(new ChartData.Row(monthLabel(m), List.of(BigDecimal.valueOf(v[0]), BigDecimal.valueOf(v[1])), null));
        }
        return new ChartData("recovery", List.of("entered", "activeAgain"), rows);
    }

    /** Buyers per first-order month cohort and later month: the `report cohorts` table (whole history). */
    public ChartData cohortsAll(String platform) {
        DashboardQuery all = wholeHistory(platform);
        int first = DashboardRepository.month(all.from());
        int last = DashboardRepository.month(all.to());
        return database.transactionResult(dsl -> {
            DashboardRepository r = new DashboardRepository(dsl, platform);
            Map<Integer, Map<Integer, Long>> data = r.cohorts(all.from(), all.to());
            Map<Integer, Long> sizes = r.newByMonth(all.from(), all.to());
            List<String> columns = new ArrayList<>(List.of("buyers"));
            for (int k = 0; k <= last - first; k++) {
                columns.add("m" + k);
            }
            List<ChartData.Row> rows = new ArrayList<>();
            for (int c = first; c <= last; c++) {
                long size = sizes.getOrDefault(c, 0L);
                List<BigDecimal> values = new ArrayList<>(List.of(BigDecimal.valueOf(size)));
                for (int k = 0; k <= last - first; k++) {
                    values.add(c + k > last ? null : BigDecimal.valueOf(data.getOrDefault(c, Map.of()).getOrDefault(c + k, 0L)));
                }
                rows.add(new ChartData.Row(monthLabel(c), values, monthRule("first_order", c)));
            }
            return new ChartData("cohorts", columns, rows);
        });
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    static String monthLabel(int m) {
        return String.format("%04d-%02d", m / 12, m % 12 + 1);
    }

    private static String monthRule(String field, int m) {
        LocalDate first = LocalDate.of(m / 12, m % 12 + 1, 1);
        return field + " after " + first.minusDays(1) + " and " + field + " before " + first.plusMonths(1);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String and(String rule, String more) {
        return more == null ? rule : rule + " and " + more;
    }

    private static Figure figure(String key, long now, long before, String rule) {
        return new Figure(key, BigDecimal.valueOf(now), BigDecimal.valueOf(before), rule);
    }

    private static Figure ratio(String key, long n, long of, long nBefore, long ofBefore, String rule) {
        return new Figure(key, share(n, of), share(nBefore, ofBefore), rule);
    }

    /** n / of with 4 decimals; 0 when of is 0. */
    static BigDecimal share(long n, long of) {
        return of == 0 ? BigDecimal.ZERO.setScale(4) : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal aov(BigDecimal[] netAndOrders) {
        return netAndOrders[1].signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : netAndOrders[0].divide(netAndOrders[1], 2, RoundingMode.HALF_UP);
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
