package com.fankeep.core.tier;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TIER;
import static com.fankeep.core.db.jooq.Tables.TIER_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.privacy.ErasureReason;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default scheme on hand-made buyers, pins, history, the daily pass, referrals and erasure. */
class TierServiceTest {

    private static final ZonedDateTime NOW = TierWorld.NOW;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    @TempDir
    Path temp;

    private Database db;
    private CoreServices services;
    private final StringBuilder csv = new StringBuilder(ShopifyOrders.HEADER + "\n");
    private int orderNo = 1;
    private int files;

    @BeforeEach
    void setUp() {
        db = TestDatabases.fresh(temp.resolve("data"));
        services = at(NOW);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private CoreServices at(ZonedDateTime now) {
        return CoreServices.over(db, Clock.fixed(now.toInstant(), TierWorld.SHANGHAI));
    }

    /** One order row: buyer, status, currency, amount, days before NOW. */
    private void order(String buyer, String status, String currency, int amount, int daysAgo) {
        ZonedDateTime at = NOW.minusDays(daysAgo);
        csv.append("#S").append(orderNo++).append(',').append(buyer).append("@example.com,").append(status).append(',')
                .append(status.equals("pending") ? "" : at.format(TIME)).append(",fulfilled,").append(currency).append(',')
                .append(amount).append(".00,").append(at.format(TIME)).append(",1,Mug,").append(amount).append(".00,")
                .append(buyer).append(",0.00\n");
    }

    private void importOrders(CoreServices s) throws Exception {
        Path file = temp.resolve("orders_export_" + (++files) + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        csv.setLength(0);
        csv.append(ShopifyOrders.HEADER).append('\n');
        s.imports().importNow(new ImportRequest(List.of(file), null, null, TierWorld.SHANGHAI), Progress.NONE, Cancellation.none());
    }

    private long id(String buyer) {
        return db.dsl().select(CONTACT_CHANNEL.CUSTOMER_ID).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.NORMALIZED_VALUE.eq(buyer + "@example.com")).fetchOne(CONTACT_CHANNEL.CUSTOMER_ID);
    }

    private String tier(String buyer) {
        return db.dsl().fetchValue(CUSTOMER_TIER.TIER, CUSTOMER_TIER.CUSTOMER_ID.eq(id(buyer)));
    }

    private void shop() throws Exception {
        for (int i = 0; i < 5; i++) {
            order("iron", "paid", "CNY", 500, 10 + i * 30);       // 5 orders, ¥2,500, recent
            order("vip", "paid", "CNY", 300, 10 + i * 30);        // 5 orders but ¥1,500
        }
        for (int i = 0; i < 3; i++) {
            order("dollar", "paid", "USD", 50, 20 + i);           // $150 = ¥1,065 at 7.10
        }
        order("newbie", "paid", "CNY", 99, 10);
        order("once", "paid", "CNY", 99, 200);
        order("gone", "paid", "CNY", 900, 400);
        order("gone", "paid", "CNY", 900, 500);
        order("unpaid", "pending", "CNY", 99, 5);
        for (int i = 0; i < 4; i++) {
            order("refunds", "paid", "CNY", 500, 30 + i);
        }
        order("refunds", "refunded", "CNY", 500, 3);           // the fifth order was refunded: not counted
        importOrders(services);
    }

    @Test
    void theDefaultSchemePlacesEachBuyerAsAdr0015Says() throws Exception {
        shop();
        assertThat(tier("iron")).isEqualTo("iron_fan");
        assertThat(tier("vip")).isEqualTo("vip");
        assertThat(tier("dollar")).as("USD converted at the default rate").isEqualTo("vip");
        assertThat(tier("newbie")).isEqualTo("new");
        assertThat(tier("once")).isEqualTo("regular");
        assertThat(tier("gone")).isEqualTo("lapsed");
        assertThat(tier("unpaid")).as("no paid order, no tier").isNull();
        assertThat(tier("refunds")).isEqualTo("vip");
        TierService tiers = services.tiers();
        assertThat(tiers.preview(tiers.settings())).isEqualTo(tiers.counts());
        assertThat(tiers.counts()).contains(new TierCount("vip", 3), new TierCount("iron_fan", 1), new TierCount(null, 1));

        // a dearer dollar is one rate away: at 1 USD = 1 CNY the dollar buyer spent ¥150, a regular
        TierSettings cheap = new TierSettings(5, new BigDecimal("2000"), 365, 3, new BigDecimal("800"), 365, 1, 90, 365, false, "CNY",
                Map.of("USD", BigDecimal.ONE));
        assertThat(tiers.preview(cheap)).contains(new TierCount("vip", 2), new TierCount("regular", 2));
        assertThat(tiers.counts()).as("a preview changes nothing").contains(new TierCount("vip", 3));
        tiers.saveSettings(cheap);
        assertThat(tiers.recomputeAll(Progress.NONE, Cancellation.none()).changed()).isEqualTo(1);
        assertThat(tier("dollar")).isEqualTo("regular");
        assertThat(tiers.counts()).isEqualTo(tiers.preview(cheap));
    }

    @Test
    void everyChangeIsRecordedWithWhyAndTheMonthSummaryCountsThem() throws Exception {
        shop();
        TierService tiers = services.tiers();
        List<TierChange> iron = tiers.history(id("iron"));
        assertThat(iron).extracting(TierChange::from, TierChange::to, TierChange::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "iron_fan", "import"));
        assertThat(tiers.movedInto(NOW.minusDays(1).toOffsetDateTime()))
                .contains(new TierCount("vip", 3), new TierCount("iron_fan", 1), new TierCount("lapsed", 1));
        assertThat(tiers.movedInto(NOW.plusDays(1).toOffsetDateTime())).allMatch(c -> c.count() == 0);

        order("newbie", "paid", "CNY", 900, 1);
        order("newbie", "paid", "CNY", 900, 2);
        importOrders(services);
        assertThat(tiers.history(id("newbie"))).extracting(TierChange::to, TierChange::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vip", "import"), org.assertj.core.groups.Tuple.tuple("new", "import"));
        long before = db.dsl().fetchCount(TIER_HISTORY);
        tiers.recomputeAll(Progress.NONE, Cancellation.none());
        assertThat(db.dsl().fetchCount(TIER_HISTORY)).as("nothing changed, nothing recorded").isEqualTo(before);
        long last = services.imports().batches().getFirst().id();
        services.imports().undo(last);
        assertThat(tier("newbie")).isEqualTo("new");
        assertThat(tiers.history(id("newbie")).getFirst().reason()).isEqualTo("undo");
    }

    @Test
    void aPinnedTierStaysThroughImportsAndRecomputesUntilUnpinned() throws Exception {
        shop();
        TierService tiers = services.tiers();
        long once = id("once");
        assertThatThrownBy(() -> tiers.pin(once, Tier.VIP, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tiers.pin(999_999, Tier.VIP, "why")).hasMessageContaining("no customer #999999");
        tiers.pin(once, Tier.IRON_FAN, "runs the Hangzhou circle");
        assertThat(tier("once")).isEqualTo("iron_fan");
        assertThat(tiers.pin(once)).get().extracting(TierPin::reason).isEqualTo("runs the Hangzhou circle");
        order("once", "paid", "CNY", 10, 1);
        importOrders(services);
        tiers.recomputeAll(Progress.NONE, Cancellation.none());
        assertThat(tier("once")).isEqualTo("iron_fan");
        assertThat(tiers.preview(tiers.settings())).as("the preview keeps pins too").isEqualTo(tiers.counts());

        assertThat(tiers.unpin(once)).isTrue();
        assertThat(tier("once")).isEqualTo("regular");
        assertThat(tiers.unpin(once)).isFalse();
        assertThat(tiers.history(once)).extracting(TierChange::to, TierChange::reason, TierChange::note).startsWith(
                org.assertj.core.groups.Tuple.tuple("regular", "unpin", null),
                org.assertj.core.groups.Tuple.tuple("iron_fan", "pin", "runs the Hangzhou circle"));
    }

    @Test
    void theDailyPassMovesOnlyCustomersWhoseRecencyCrossedAThreshold() throws Exception {
        shop();
        assertThat(services.tiers().dailyPass(Progress.NONE, Cancellation.none())).as("first pass: a full one").isNotNull();
        assertThat(services.tiers().dailyPass(Progress.NONE, Cancellation.none())).as("once a day").isNull();
        ZonedDateTime later = NOW.plusDays(85); // newbie's order is 95 days old then, once's 285, iron's last 95
        CoreServices then = at(later);
        RecomputeResult pass = then.tiers().dailyPass(Progress.NONE, Cancellation.none());
        assertThat(pass.examined()).as("only the customers near a threshold are read").isBetween(1L, 6L);
        assertThat(tier("newbie")).isEqualTo("regular");
        assertThat(then.tiers().history(id("newbie")).getFirst().reason()).isEqualTo("daily");
        assertThat(then.tiers().recomputeAll(Progress.NONE, Cancellation.none()).changed()).as("the pass missed no one").isZero();

        CoreServices year = at(NOW.plusDays(200)); // "once" (200 + 200 days) lapses
        year.tiers().dailyPass(Progress.NONE, Cancellation.none());
        assertThat(tier("once")).isEqualTo("lapsed");
        assertThat(year.tiers().recomputeAll(Progress.NONE, Cancellation.none()).changed()).isZero();
    }

    @Test
    void referredCustomersCountAsOrdersWhenTheSettingIsOn() throws Exception {
        order("host", "paid", "CNY", 500, 10);
        order("host", "paid", "CNY", 500, 11);
        shop();
        TierService tiers = services.tiers();
        assertThat(tier("host")).isEqualTo("regular");
        TierSettings d = TierSettings.DEFAULTS;
        tiers.saveSettings(new TierSettings(d.ironMinOrders(), d.ironMinSpend(), d.ironWithinDays(), d.vipMinOrders(), d.vipMinSpend(),
                d.vipWithinDays(), d.newMaxOrders(), d.newWithinDays(), d.lapsedAfterDays(), true, d.mainCurrency(), d.rates()));
        services.customers().setReferredBy(id("newbie"), id("host"));
        assertThat(tier("host")).as("one referral: 3 orders").isEqualTo("vip");
        services.customers().setReferredBy(id("unpaid"), id("host"));
        assertThat(tiers.recomputeAll(Progress.NONE, Cancellation.none()).changed()).as("a referral without orders counts nothing").isZero();
    }

    @Test
    void anErasedCustomerLosesTierHistoryAndPin() throws Exception {
        shop();
        long iron = id("iron");
        services.tiers().pin(iron, Tier.VIP, "test");
        services.erasure().erase(iron, ErasureReason.REQUEST);
        assertThat(db.dsl().fetchValue(CUSTOMER_TIER.TIER, CUSTOMER_TIER.CUSTOMER_ID.eq(iron))).isNull();
        assertThat(db.dsl().fetchCount(TIER_HISTORY, TIER_HISTORY.CUSTOMER_ID.eq(iron))).isZero();
        assertThat(services.tiers().pin(iron)).isEmpty();
    }

    @Test
    void settingsRoundTripAndRefuseNonsense() {
        TierService tiers = services.tiers();
        assertThat(tiers.settings()).isEqualTo(TierSettings.DEFAULTS);
        TierSettings s = new TierSettings(6, new BigDecimal("3000.50"), 180, 2, new BigDecimal("1.5E+3"), 200, 2, 60, 400, true, "usd",
                Map.of("CNY", new BigDecimal("0.14")));
        tiers.saveSettings(s);
        assertThat(tiers.settings()).isEqualTo(s);
        assertThat(tiers.settings().rates()).containsEntry("USD", BigDecimal.ONE).containsEntry("CNY", new BigDecimal("0.14"));
        assertThat(tiers.settings().vipMinSpend().toPlainString()).isEqualTo("1500");
        assertThatThrownBy(() -> new TierSettings(0, BigDecimal.ONE, 1, 1, BigDecimal.ONE, 1, 1, 1, 1, false, "CNY", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierSettings(1, BigDecimal.ONE, 1, 1, BigDecimal.ONE, 1, 1, 0, 1, false, "CNY", Map.of()))
                .hasMessageContaining("days");
        assertThatThrownBy(() -> TierSettings.rates("USD:7", Map.of())).hasMessageContaining("CUR=NUMBER");
        assertThat(TierSettings.fromValues(Map.of("iron.minOrders", "many"))).isEqualTo(TierSettings.DEFAULTS);
    }

    @Test
    void cancellingAFullRecomputeKeepsTheChunksDoneAndTheNextRunFinishes() throws Exception {
        shop();
        TierService tiers = services.tiers();
        tiers.saveSettings(new TierSettings(1, BigDecimal.ZERO, 36_500, 1, BigDecimal.ZERO, 1, 1, 1, 36_500, false, "CNY", Map.of()));
        // a buyer far up the ids makes a later chunk: the first chunk is committed, then the job is cancelled
        db.dsl().insertInto(CUSTOMER, CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.ORDER_COUNT, CUSTOMER.LAST_ORDER_AT)
                .values(50_000L, "far", 1, NOW.minusDays(10).toOffsetDateTime()).execute();
        Cancellation cancel = new Cancellation();
        long before = db.dsl().fetchCount(TIER_HISTORY);
        assertThatThrownBy(() -> tiers.recomputeAll((done, total, message) -> cancel.cancel(), cancel))
                .isInstanceOf(com.fankeep.core.shared.CancelledException.class);
        assertThat(tier("once")).as("the first chunk is kept").isEqualTo("iron_fan");
        assertThat(db.dsl().fetchCount(TIER_HISTORY)).isGreaterThan((int) before);
        assertThat(db.dsl().fetchValue(CUSTOMER_TIER.TIER, CUSTOMER_TIER.CUSTOMER_ID.eq(50_000L))).as("the later chunk is not done").isNull();
        assertThat(tiers.recomputeAll(Progress.NONE, new Cancellation()).changed()).as("the next run finishes, and only that").isEqualTo(1);
        assertThat(db.dsl().fetchValue(CUSTOMER_TIER.TIER, CUSTOMER_TIER.CUSTOMER_ID.eq(50_000L))).isEqualTo("iron_fan");
        assertThat(tier("once")).isEqualTo("iron_fan");
    }
}
