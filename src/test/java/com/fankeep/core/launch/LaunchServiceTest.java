package com.fankeep.core.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.shared.Messages;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches against a real, freshly migrated database. */
class LaunchServiceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-06T12:00:00+08:00");

    @TempDir
    Path temp;
    private Database db;
    private LaunchService launches;
    private FanData data;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(temp);
        launches = CoreServices.over(db, Clock.fixed(NOW.toInstant(), ZONE)).launches();
        data = new FanData(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long launch(BigDecimal cost) {
        return launches.create(new NewLaunch("春茶", "春茶礼盒", "TEA-26*,春茶礼盒", "CNY", 100, cost, 24)).id();
    }

    private PhaseSaved phase(long id, PhaseKind kind, String from, String to, Integer quota, Integer limit, String price) {
        return launches.phase(id, new PhaseSpec(kind, OffsetDateTime.parse(from), OffsetDateTime.parse(to), null, null, quota, limit,
                price == null ? null : new BigDecimal(price)));
    }

    @Test
    void aPublicPriceBelowTheVipPriceIsRefusedAndChangesNothing() {
        long id = launch(new BigDecimal("100"));
        PhaseSaved vip = phase(id, PhaseKind.FIRST_BATCH, "2026-12-01T10:00:00+08:00", "2026-12-03T22:00:00+08:00", 10, 2, "99");
        assertThat(vip.warnings()).containsExactly("launch.warn.vipBelowCost");
        assertThatThrownBy(() -> phase(id, PhaseKind.PUBLIC, "2026-12-10T10:00:00+08:00", "2026-12-20T22:00:00+08:00", 100, 5, "89"))
                .isInstanceOf(LaunchException.PublicBelowVip.class);
        assertThat(launches.find(id).phase(PhaseKind.PUBLIC)).isEmpty();
        phase(id, PhaseKind.PUBLIC, "2026-12-10T10:00:00+08:00", "2026-12-20T22:00:00+08:00", 100, 5, "129");
        // lowering the VIP price later is fine; raising it above the public price is refused too
        assertThatThrownBy(() -> phase(id, PhaseKind.FIRST_BATCH, "2026-12-01T10:00:00+08:00", "2026-12-03T22:00:00+08:00", 10, 2, "139"))
                .isInstanceOf(LaunchException.PublicBelowVip.class);
        assertThat(launches.find(id).phase(PhaseKind.FIRST_BATCH).orElseThrow().price()).isEqualByComparingTo("99");
    }

    @Test
    void oneCurrentVotePerFanWithHistory() {
        long id = launch(null);
        long a = data.customer("阿明", "iron_fan");
        long b = data.customer("Bea", "vip");
        launches.vote(id, a, "want", new BigDecimal("80"), "wechat_group");
        launches.vote(id, b, "no", new BigDecimal("120"), null);
        launches.vote(id, a, "want", new BigDecimal("100"), "wechat_group");
        VoteResults r = launches.votes(id);
        assertThat(r.current()).hasSize(2);
        assertThat(r.changed()).isEqualTo(1);
        assertThat(r.byTier()).containsEntry("iron_fan", java.util.Map.of("want", 1)).containsEntry("vip", java.util.Map.of("no", 1));
        assertThat(r.guesses().median()).isEqualByComparingTo("110");
        assertThat(launches.history(id, a)).extracting(Vote::priceGuess).extracting(BigDecimal::intValue).containsExactly(80, 100);
    }

    @Test
    void allocateTellsTheAllocatedAndCancelPromotesTheWaitlistWithAFollowUp() {
        long id = launch(null);
        phase(id, PhaseKind.FIRST_BATCH, "2026-12-06T10:00:00+08:00", "2026-12-06T22:00:00+08:00", 3, 2, "99");
        long iron = data.customer("铁粉甲", "iron_fan");
        long vip1 = data.customer("VIP乙", "vip");
        long vip2 = data.customer("VIP丙", "vip");
        launches.reserve(id, vip1, 2, OffsetDateTime.parse("2026-12-06T10:01:00+08:00"), "wechat");
        launches.reserve(id, iron, 2, OffsetDateTime.parse("2026-12-06T10:02:00+08:00"), null);
        launches.reserve(id, vip2, 1, OffsetDateTime.parse("2026-12-06T10:40:00+08:00"), null);
        AllocationRun preview = launches.preview(id, AllocationPolicy.TIER_TIME, 1L, false);
        assertThat(launches.reservations(id)).allSatisfy(r -> assertThat(r.state()).isEqualTo("requested"));
        AllocationRun run = launches.commit(id, AllocationPolicy.TIER_TIME, 1L, false, Messages.of(Locale.ENGLISH));
        assertThat(run.results()).isEqualTo(preview.results());
        Messages en = Messages.of(Locale.ENGLISH);
        assertThat(run.results()).extracting(a -> AllocationReasons.text(en, a, ZONE, NOW.toLocalDate(), AllocationPolicy.TIER_TIME)).containsExactly(
                "Iron fan, asked 10:02, 2 of 2 allocated", "VIP, asked 10:01, 1 of 2 allocated, waitlist #1", "VIP, asked 10:40, waitlist #2");
        long told = data.count("select count(*) from follow_up where title like '%Tell the allocated%'");
        assertThat(told).isEqualTo(2);
        // a committed allocation read back (the page reopened) carries each fan's stored reason
        assertThat(launches.reservations(id)).extracting(Reservation::customerId, Reservation::allocationReason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(iron, "Iron fan, asked 10:02, 2 of 2 allocated"),
                org.assertj.core.groups.Tuple.tuple(vip1, "VIP, asked 10:01, 1 of 2 allocated, waitlist #1"),
                org.assertj.core.groups.Tuple.tuple(vip2, "VIP, asked 10:40, waitlist #2"));

        CancelResult c = launches.cancel(id, iron);
        assertThat(c.freed()).isEqualTo(2);
        assertThat(c.promotions()).extracting(Promotion::customerId, Promotion::added).containsExactly(
                org.assertj.core.groups.Tuple.tuple(vip1, 1), org.assertj.core.groups.Tuple.tuple(vip2, 1));
        assertThat(data.count("select count(*) from follow_up where title like '%Tell the promoted%'")).isEqualTo(2);
        assertThat(launches.reservations(id).stream().filter(r -> r.state().equals("allocated")).mapToInt(Reservation::allocated).sum())
                .isEqualTo(3);
    }

    @Test
    void startingAPhaseMakesOneFollowUpPerFanOnce() {
        long id = launch(null);
        data.customer("铁粉甲", "iron_fan");
        data.customer("铁粉乙", "iron_fan");
        data.customer("VIP丙", "vip");
        launches.phase(id, new PhaseSpec(PhaseKind.WARMUP, NOW.minusDays(1), NOW.plusDays(3), "tier", "iron_fan", null, null, null));
        StartResult r = launches.start(id, PhaseKind.WARMUP);
        assertThat(r.followUps()).isEqualTo(2);
        assertThat(data.count("select count(*) from follow_up where title like '%Announce the vote%'")).isEqualTo(2);
        assertThatThrownBy(() -> launches.start(id, PhaseKind.WARMUP)).isInstanceOf(LaunchException.class);
        assertThat(launches.find(id).status()).isEqualTo("warmup");
    }

    /** Seeded orders around the first batch: matching and the report against a computation written here. */
    @Test
    void ordersMatchAllocationsAndTheReportAddsUp() {
        long id = launch(null);
        OffsetDateTime from = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");
        OffsetDateTime to = OffsetDateTime.parse("2026-12-03T22:00:00+08:00");
        phase(id, PhaseKind.FIRST_BATCH, from.toString(), to.toString(), 6, 1, "99");
        List<Long> fans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fans.add(data.customer("fan" + i, i % 2 == 0 ? "vip" : "iron_fan"));
        }
        for (int i = 0; i < fans.size(); i++) {
            launches.reserve(id, fans.get(i), 1, from.plusMinutes(i), null);
        }
        AllocationRun run = launches.commit(id, AllocationPolicy.TIME, 7L, false, Messages.of(Locale.ENGLISH));
        Set<Long> allocated = new HashSet<>();
        run.results().stream().filter(a -> a.allocated() > 0).forEach(a -> allocated.add(a.customerId()));

        Random r = new Random(20261206L);
        Set<Long> expectMatched = new HashSet<>();
        int expectUnmatched = 0;
        int expectPaid = 0;
        Set<Long> expectBuyers = new HashSet<>();
        BigDecimal expectRevenue = BigDecimal.ZERO;
        String[] statuses = {"paid", "completed", "unpaid", "cancelled"};
        for (int n = 0; n < 40; n++) {
            long buyer = fans.get(r.nextInt(fans.size()));
            boolean ours = r.nextInt(3) > 0;
            OffsetDateTime at = from.minusDays(1).plusHours(r.nextInt(24 * 5));
            String status = statuses[r.nextInt(statuses.length)];
            BigDecimal price = r.nextBoolean() ? new BigDecimal("99.00") : new BigDecimal("129.00");
            long order = insertOrder(n, buyer, status, at, price, ours ? "TEA-26-" + n : "MUG-" + n, ours ? "春茶礼盒 250g" : "马克杯");
            boolean inWindow = !at.isBefore(from) && !at.isAfter(to);
            if (ours && inWindow) {
                if (allocated.contains(buyer)) {
                    expectMatched.add(buyer);
                } else {
                    expectUnmatched++;
                }
                if (status.equals("paid") || status.equals("completed")) {
                    expectPaid++;
                    expectBuyers.add(buyer);
                    expectRevenue = expectRevenue.add(price);
                }
            }
            assertThat(order).isPositive();
        }
        // a paid order in the window from a buyer the import could not identify: counts as paid, not as a buyer
        data.exec("insert into shop_order (platform, external_order_id, customer_id, status, currency, ordered_at, paid_amount) "
                + "values ('taobao', 'ANON', null, 'paid', 'CNY', ?, 99.00)", from.plusHours(1));
        long anon = data.ids("select id from shop_order where external_order_id = ?", "ANON").getFirst();
        data.exec("insert into order_line (order_id, line_no, sku, title, quantity, unit_price, line_total) values (?, 1, 'TEA-26-X', "
                + "'春茶礼盒 250g', 1, 99.00, 99.00)", anon);
        expectUnmatched++;
        expectPaid++;
        expectRevenue = expectRevenue.add(new BigDecimal("99.00"));
        Conversion c = launches.conversion(id);
        assertThat(c.fans().stream().filter(f -> f.orderId() != null).map(FanConversion::customerId).toList())
                .containsExactlyInAnyOrderElementsOf(expectMatched);
        assertThat(c.unmatched()).hasSize(expectUnmatched);

        PhaseReport first = launches.report(id).phases().getFirst();
        assertThat(first.requests()).isEqualTo(10);
        assertThat(first.allocated()).isEqualTo(6);
        assertThat(first.paidOrders()).isEqualTo(expectPaid);
        assertThat(first.revenue()).isEqualByComparingTo(expectRevenue);
        assertThat(first.buyers()).isEqualTo(expectBuyers.size());

        // an unmatched order assigned by hand to an allocated fan now counts for them
        if (!c.unmatched().isEmpty()) {
            long fan = allocated.stream().filter(f -> !expectMatched.contains(f)).findFirst().orElse(allocated.iterator().next());
            Conversion after = launches.assign(id, c.unmatched().getFirst().id(), fan);
            assertThat(after.unmatched()).hasSize(expectUnmatched - 1);
            assertThat(after.fans()).anySatisfy(f -> assertThat(f.byHand()).isTrue());
        }
    }

    private long insertOrder(int n, long customer, String status, OffsetDateTime at, BigDecimal price, String sku, String title) {
        data.exec("insert into shop_order (platform, external_order_id, customer_id, status, currency, ordered_at, paid_amount) "
                + "values ('taobao', ?, ?, ?, 'CNY', ?, ?)", "L" + n, customer, status, at, price);
        long order = data.ids("select id from shop_order where external_order_id = ?", "L" + n).getFirst();
        data.exec("insert into order_line (order_id, line_no, sku, title, quantity, unit_price, line_total) values (?, 1, ?, ?, 1, ?, ?)",
                order, sku, title, price, price);
        return order;
    }
}
