package com.fankeep.core.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.followup.FollowUp;
import com.fankeep.core.group.FanData;
import com.fankeep.core.shared.Messages;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches against a real H2 file: price rule, phase start, votes, allocation with reasons, cancel, order matching, report. */
class LaunchServiceTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-05T12:00:00+08:00");
    static final Messages EN = Messages.of(Locale.ENGLISH);

    @TempDir
    java.nio.file.Path temp;
    private Database db;
    private FanData data;
    private CoreServices services;
    private LaunchService launches;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(temp);
        data = new FanData(db);
        services = CoreServices.over(db, Clock.fixed(NOW.toInstant(), ZONE));
        launches = services.launches();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Launch launch() {
        return launches.create(new NewLaunch("春茶", "2026 春茶礼盒", "TEA-2026*", "CNY", 10, new BigDecimal("60.00"), null));
    }

    private static PhaseSpec sale(PhaseKind kind, String price, int quota, int limit) {
        return new PhaseSpec(kind, NOW.minusDays(1), NOW.plusDays(1), null, null, quota, limit, price == null ? null : new BigDecimal(price));
    }

    @Test
    void aPublicPriceBelowTheVipPriceIsRefusedAndChangesNothing() {
        Launch l = launch();
        launches.phase(l.id(), sale(PhaseKind.FIRST_BATCH, "99.00", 5, 1));
        Launch before = launches.find(l.id());

        assertThatThrownBy(() -> launches.phase(l.id(), sale(PhaseKind.PUBLIC, "98.99", 100, 5)))
                .isInstanceOfSatisfying(LaunchException.PublicBelowVip.class,
                        e -> assertThat(e.localized(EN)).contains("98.99").contains("99.00"));
        assertThat(launches.find(l.id())).isEqualTo(before);
        // raising the VIP price above an existing public price is refused the same way
        launches.phase(l.id(), sale(PhaseKind.PUBLIC, "129.00", 100, 5));
        assertThatThrownBy(() -> launches.phase(l.id(), sale(PhaseKind.FIRST_BATCH, "130.00", 5, 1)))
                .isInstanceOf(LaunchException.PublicBelowVip.class);
        assertThat(launches.find(l.id()).phase(PhaseKind.FIRST_BATCH).orElseThrow().price()).isEqualByComparingTo("99.00");
        // equal is allowed; a VIP price below cost only warns
        assertThat(launches.phase(l.id(), sale(PhaseKind.PUBLIC, "99.00", 100, 5)).warnings()).isEmpty();
        assertThat(launches.phase(l.id(), sale(PhaseKind.FIRST_BATCH, "59.99", 5, 1)).warnings()).containsExactly("launch.warn.vipBelowCost");
    }

    @Test
    void startingAPhaseMakesOneFollowUpPerFanOfItsAudience() {
        long a = data.customer("甲", "iron_fan");
        long b = data.customer("乙", "iron_fan");
        data.customer("丙", "vip");
        Launch l = launch();
        launches.phase(l.id(), new PhaseSpec(PhaseKind.FIRST_BATCH, NOW, NOW.plusDays(1), "tier", "iron_fan", 5, 1, new BigDecimal("99")));
        StartResult s = launches.start(l.id(), PhaseKind.FIRST_BATCH, EN);
        assertThat(s.reached()).isEqualTo(2);
        assertThat(services.followUps().allOpen()).extracting(FollowUp::customerId).containsExactlyInAnyOrder(a, b);
        assertThat(launches.find(l.id()).status()).isEqualTo("first_batch");
        assertThatThrownBy(() -> launches.start(l.id(), PhaseKind.FIRST_BATCH, EN)).isInstanceOf(LaunchException.class);
        assertThat(services.followUps().allOpen()).hasSize(2);
    }

    @Test
    void aFanHasOneCurrentAnswerAndTheHistoryIsKept() {
        long a = data.customer("甲", "iron_fan");
        long b = data.customer("乙", "vip");
        long c = data.customer("丙", null);
        Launch l = launch();
        launches.vote(l.id(), a, "no", new BigDecimal("80"), "wechat");
        launches.vote(l.id(), a, "WANT", new BigDecimal("90"), "wechat");
        launches.vote(l.id(), b, "want", new BigDecimal("100"), null);
        launches.vote(l.id(), c, "绿茶", new BigDecimal("130"), null);
        VoteResults r = launches.votes(l.id());
        assertThat(r.current()).hasSize(3);
        assertThat(r.changed()).isEqualTo(1);
        assertThat(r.byTier()).isEqualTo(Map.of("iron_fan", Map.of("want", 1), "vip", Map.of("want", 1), "none", Map.of("绿茶", 1)));
        // 90, 100, 130: median 100, quartiles by interpolation 95 and 115
        assertThat(r.guesses().median()).isEqualByComparingTo("100");
        assertThat(r.guesses().q1()).isEqualByComparingTo("95");
        assertThat(r.guesses().q3()).isEqualByComparingTo("115");
    }

    @Test
    void allocationPreviewsThenCommitsWithReasonsAndCancelPromotesTheWaitlist() {
        long iron = data.customer("甲", "iron_fan");
        long vip1 = data.customer("乙", "vip");
        long vip2 = data.customer("丙", "vip");
        Launch l = launch();
        launches.phase(l.id(), new PhaseSpec(PhaseKind.FIRST_BATCH, NOW.minusHours(5), NOW.plusDays(1), null, null, 3, 2, new BigDecimal("99")));
        launches.reserve(l.id(), vip1, 2, NOW.minusHours(3), "wechat");
        launches.reserve(l.id(), iron, 2, NOW.minusHours(2), null);
        launches.reserve(l.id(), vip2, 1, NOW.minusHours(1), null);

        List<LaunchService.Result> preview = launches.allocate(l.id(), AllocationPolicy.TIER_TIME, 7L, false, true, EN);
        assertThat(preview).extracting(r -> r.allocation().customerId()).containsExactly(iron, vip1, vip2);
        assertThat(preview.get(0).reason()).isEqualTo("Iron fan, asked 10:00, 2 of 2 allocated");
        assertThat(preview.get(1).reason()).isEqualTo("VIP, asked 09:00, 1 of 2 allocated, waitlist #1");
        assertThat(preview.get(2).reason()).isEqualTo("VIP, asked 11:00, waitlist #2");
        assertThat(launches.reservations(l.id())).allSatisfy(r -> assertThat(r.state()).isEqualTo("requested"));

        assertThat(launches.allocate(l.id(), AllocationPolicy.TIER_TIME, 7L, false, false, EN)).isEqualTo(preview);
        assertThat(services.followUps().allOpen()).extracting(FollowUp::customerId).containsExactlyInAnyOrder(iron, vip1);
        assertThatThrownBy(() -> launches.allocate(l.id(), AllocationPolicy.TIME, 7L, false, true, EN)).isInstanceOf(LaunchException.class);

        CancelResult c = launches.cancel(l.id(), iron, EN);
        assertThat(c.freed()).isEqualTo(2);
        Map<Long, Reservation> now = new HashMap<>();
        launches.reservations(l.id()).forEach(r -> now.put(r.customerId(), r));
        assertThat(now.get(iron).state()).isEqualTo("cancelled");
        assertThat(now.get(vip1).allocated()).isEqualTo(2);
        assertThat(now.get(vip1).waitlistPosition()).isNull();
        assertThat(now.get(vip2).allocated()).isEqualTo(1);
        assertThat(services.followUps().allOpen()).hasSize(4);
    }

    // --- orders on seeded data

    private long order(String ext, Long customer, String status, OffsetDateTime at, String currency, Object... lines) {
        return db.transactionResult(dsl -> dsl.connectionResult(c -> {
            long id;
            BigDecimal paid = BigDecimal.ZERO;
            for (int i = 0; i < lines.length; i += 4) {
                paid = paid.add(new BigDecimal((String) lines[i + 3]).multiply(BigDecimal.valueOf((Integer) lines[i + 2])));
            }
            try (PreparedStatement ps = c.prepareStatement("insert into shop_order (platform, external_order_id, customer_id, status, currency, "
                    + "paid_amount, ordered_at, paid_at) values ('taobao', ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, ext);
                ps.setObject(2, customer);
                ps.setString(3, status);
                ps.setString(4, currency);
                ps.setBigDecimal(5, paid);
                ps.setObject(6, at);
                ps.setObject(7, at);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            for (int i = 0; i < lines.length; i += 4) {
                try (PreparedStatement ps = c.prepareStatement("insert into order_line (order_id, line_no, sku, title, quantity, unit_price, "
                        + "line_total) values (?, ?, ?, ?, ?, ?, ?)")) {
                    int q = (Integer) lines[i + 2];
                    BigDecimal unit = new BigDecimal((String) lines[i + 3]);
                    ps.setLong(1, id);
                    ps.setInt(2, i / 4 + 1);
                    ps.setString(3, (String) lines[i]);
                    ps.setString(4, (String) lines[i + 1]);
                    ps.setInt(5, q);
                    ps.setBigDecimal(6, unit);
                    ps.setBigDecimal(7, unit.multiply(BigDecimal.valueOf(q)));
                    ps.executeUpdate();
                }
            }
            return id;
        }));
    }

    private record Seeded(long launchId, List<Long> fans, List<Object[]> orders) {
    }

    /** A seeded shop: fans reserve, allocation by lottery, orders in and out of the window, matching and not. */
    private Seeded seed(long s) {
        SplittableRandom r = new SplittableRandom(s);
        List<Long> fans = new ArrayList<>();
        String[] tiers = {"iron_fan", "vip", "regular", null};
        for (int i = 0; i < 12; i++) {
            fans.add(data.customer("粉" + i, tiers[r.nextInt(4)]));
        }
        Launch l = launch();
        OffsetDateTime from = NOW.minusDays(3);
        OffsetDateTime to = NOW.minusDays(1);
        launches.phase(l.id(), new PhaseSpec(PhaseKind.FIRST_BATCH, from, to, null, null, 8, 2, new BigDecimal("99")));
        launches.phase(l.id(), new PhaseSpec(PhaseKind.PUBLIC, to.plusHours(1), NOW.plusDays(2), null, null, 100, 5, new BigDecimal("129")));
        for (long f : fans) {
            if (r.nextInt(4) > 0) {
                launches.reserve(l.id(), f, 1 + r.nextInt(3), from.plusMinutes(r.nextInt(600)), null);
            }
        }
        launches.allocate(l.id(), AllocationPolicy.LOTTERY, s, true, false, EN);
        List<Object[]> orders = new ArrayList<>();
        String[][] products = {{"TEA-2026-A", "春茶礼盒 A"}, {"CUP-1", "茶杯"}, {null, "2026 春茶礼盒（补拍）"}};
        for (int i = 0; i < 40; i++) {
            Long buyer = r.nextInt(6) == 0 ? null : fans.get(r.nextInt(fans.size()));
            OffsetDateTime at = NOW.minusDays(6).plusMinutes(r.nextInt(60 * 24 * 8));
            String status = r.nextInt(5) == 0 ? "unpaid" : r.nextBoolean() ? "paid" : "completed";
            String currency = r.nextInt(10) == 0 ? "USD" : "CNY";
            String[] p = products[r.nextInt(products.length)];
            int q = 1 + r.nextInt(2);
            String price = r.nextBoolean() ? "99.00" : "129.00";
            long id = order("O" + s + "-" + i, buyer, status, at, currency, p[0], p[1], q, price);
            orders.add(new Object[] {id, buyer, status, at, currency, p[0], p[1], q, new BigDecimal(price)});
        }
        return new Seeded(l.id(), fans, orders);
    }

    private static boolean product(Object[] o) {
        String sku = (String) o[5];
        return sku != null && sku.startsWith("TEA-2026");
    }

    private static boolean paid(Object[] o) {
        return !"unpaid".equals(o[2]);
    }

    private static boolean within(Object[] o, OffsetDateTime from, OffsetDateTime to) {
        OffsetDateTime at = (OffsetDateTime) o[3];
        return !at.isBefore(from) && !at.isAfter(to);
    }

    @Test
    void ordersAreMatchedByCustomerPatternAndWindow() {
        for (long s = 1; s <= 3; s++) {
            Seeded sd = seed(s * 31);
            Launch l = launches.find(sd.launchId());
            LaunchPhase p = l.phase(PhaseKind.FIRST_BATCH).orElseThrow();
            Set<Long> allocated = new HashSet<>();
            launches.reservations(l.id()).stream().filter(r -> r.allocated() > 0).forEach(r -> allocated.add(r.customerId()));
            Map<Long, Set<Long>> expected = new TreeMap<>();
            Set<Long> expectedUnmatched = new HashSet<>();
            for (Object[] o : sd.orders()) {
                if (!product(o) || !within(o, p.from(), p.to())) {
                    continue;
                }
                Long buyer = (Long) o[1];
                if (buyer != null && allocated.contains(buyer)) {
                    expected.computeIfAbsent(buyer, k -> new HashSet<>()).add((Long) o[0]);
                } else {
                    expectedUnmatched.add((Long) o[0]);
                }
            }
            Conversion conv = launches.conversion(l.id());
            assertThat(conv.fans()).extracting(FanConversion::customerId).containsExactlyInAnyOrderElementsOf(allocated);
            for (FanConversion f : conv.fans()) {
                Set<Long> mine = expected.getOrDefault(f.customerId(), Set.of());
                if (f.orderId() == null) {
                    assertThat(mine).isEmpty();
                } else {
                    assertThat(mine).contains(f.orderId());
                }
                boolean anyPaid = sd.orders().stream().anyMatch(o -> mine.contains((Long) o[0]) && paid(o));
                assertThat(!"allocated".equals(f.state())).isEqualTo(anyPaid);
            }
            assertThat(conv.unmatched()).extracting(WindowOrder::id).containsExactlyInAnyOrderElementsOf(expectedUnmatched);
            db.transaction(dsl -> dsl.execute("delete from launch"));
            db.transaction(dsl -> dsl.execute("delete from shop_order"));
        }
    }

    @Test
    void reportFiguresMatchAnIndependentComputation() {
        Seeded sd = seed(2026);
        LaunchReport rep = launches.report(sd.launchId());
        Launch l = rep.launch();
        for (PhaseReport pr : rep.phases()) {
            LaunchPhase p = l.phase(pr.kind()).orElseThrow();
            BigDecimal revenue = BigDecimal.ZERO;
            int units = 0;
            int orders = 0;
            Set<Long> buyers = new HashSet<>();
            for (Object[] o : sd.orders()) {
                if (product(o) && paid(o) && "CNY".equals(o[4]) && within(o, p.from(), p.to())) {
                    orders++;
                    units += (Integer) o[7];
                    revenue = revenue.add(((BigDecimal) o[8]).multiply(BigDecimal.valueOf((Integer) o[7])));
                    if (o[1] != null) {
                        buyers.add((Long) o[1]);
                    }
                }
            }
            Set<Long> returning = new HashSet<>();
            for (Object[] o : sd.orders()) {
                if (o[1] != null && buyers.contains((Long) o[1]) && ((OffsetDateTime) o[3]).isBefore(p.from())) {
                    returning.add((Long) o[1]);
                }
            }
            assertThat(pr.paidOrders()).as(pr.kind() + " orders").isEqualTo(orders);
            assertThat(pr.units()).isEqualTo(units);
            assertThat(pr.revenue()).isEqualByComparingTo(revenue);
            assertThat(pr.buyers()).isEqualTo(buyers.size());
            assertThat(pr.returningBuyers()).as(pr.kind() + " returning of " + buyers + " before " + p.from() + " expected " + returning).isEqualTo(returning.size());
            assertThat(pr.newBuyers()).isEqualTo(buyers.size() - returning.size());
            if (pr.kind() == PhaseKind.FIRST_BATCH) {
                List<Reservation> res = launches.reservations(l.id());
                assertThat(pr.requests()).isEqualTo(res.size());
                assertThat(pr.allocated()).isEqualTo(res.stream().mapToInt(Reservation::allocated).sum()).isLessThanOrEqualTo(8);
            }
        }
        assertThat(rep.allocationSeed()).isEqualTo(2026L);
        assertThat(rep.phases()).extracting(PhaseReport::paidOrders).anySatisfy(n -> assertThat(n).isPositive());
    }
}
