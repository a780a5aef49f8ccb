package com.fankeep.core.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.campaign.Campaign;
import com.fankeep.core.campaign.CampaignEntry;
import com.fankeep.core.campaign.CampaignKind;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.core.shared.Messages;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trial as a sample campaign with its feedback, and the expiry pass the app runs on its own, on a fixed clock. */
class LaunchTrialAndExpiryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-06T12:00:00+08:00");

    @TempDir
    Path temp;
    private Database db;
    private CoreServices services;
    private LaunchService launches;
    private FanData data;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(temp);
        services = at(NOW);
        launches = services.launches();
        data = new FanData(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CoreServices at(OffsetDateTime t) {
        return CoreServices.over(db, Clock.fixed(t.toInstant(), ZONE));
    }

    @Test
    void theTrialIsASampleCampaignForItsAudienceAndListsItsFeedback() {
        long id = launches.create(new NewLaunch("春茶", "春茶礼盒", null, "CNY", 100, new BigDecimal("30"), 24)).id();
        long iron1 = data.customer("铁粉甲", "iron_fan");
        long iron2 = data.customer("铁粉乙", "iron_fan");
        long iron3 = data.customer("铁粉丙", "iron_fan");
        long vip = data.customer("VIP丁", "vip");
        launches.phase(id, new PhaseSpec(PhaseKind.TRIAL, NOW.minusDays(1), NOW.plusDays(7), "tier", "iron_fan", null, null, null));

        Campaign trial = launches.trial(id, 2, null, null);

        assertThat(trial.kind()).isEqualTo(CampaignKind.SAMPLE);
        assertThat(trial.quantity()).isEqualTo(2);
        assertThat(trial.gift()).isEqualTo("春茶礼盒");
        assertThat(trial.opens()).isEqualTo(NOW.minusDays(1));
        assertThat(services.campaigns().entries(trial.id())).extracting(CampaignEntry::customerId)
                .containsExactlyInAnyOrder(iron1, iron2, iron3);
        assertThat(launches.trialCampaign(id)).map(Campaign::id).contains(trial.id());
        assertThatThrownBy(() -> launches.trial(id, 2, "tier", "vip")).isInstanceOf(LaunchException.class)
                .extracting(e -> ((LaunchException) e).key()).isEqualTo("launches.error.trialExists");
        long bare = launches.create(new NewLaunch("秋茶", "秋茶", null, "CNY", 10, null, 24)).id();
        assertThatThrownBy(() -> launches.trial(bare, 2, null, null)).isInstanceOf(LaunchException.class);
        assertThat(launches.trialCampaign(bare)).isEmpty();

        var interactions = services.interactions();
        interactions.add(new NewInteraction(iron1, InteractionKind.FEEDBACK, ContactMedium.WECHAT, NOW.plusHours(2), "香气足，包装可以再小点", null, false, false));
        interactions.add(new NewInteraction(iron2, InteractionKind.CHAT, ContactMedium.WECHAT, NOW.plusHours(3), "问什么时候发货", null, false, false));
        interactions.add(new NewInteraction(iron3, InteractionKind.FEEDBACK, ContactMedium.WECHAT, NOW.minusDays(3), "去年的茶太苦", null, false, false));
        interactions.add(new NewInteraction(vip, InteractionKind.FEEDBACK, ContactMedium.WECHAT, NOW.plusHours(4), "没收到样品", null, false, false));

        assertThat(launches.feedback(id)).extracting(TrialFeedback::customerId, TrialFeedback::summary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(iron1, "香气足，包装可以再小点"));
        LaunchReport report = launches.report(id);
        assertThat(report.trialCampaignId()).isEqualTo(trial.id());
        assertThat(report.feedback()).isEqualTo(launches.feedback(id));
        assertThat(launches.feedback(bare)).isEmpty();
    }

    @Test
    void unpaidAllocationsExpireAfterTheLaunchsHoursAndTheWaitlistMovesUpOnce() {
        long id = launches.create(new NewLaunch("春茶", "春茶礼盒", "TEA-26*", "CNY", 10, null, 24)).id();
        launches.phase(id, new PhaseSpec(PhaseKind.FIRST_BATCH, NOW.minusHours(2), NOW.plusDays(3), null, null, 1, 1, new BigDecimal("99")));
        long a = data.customer("甲", "iron_fan");
        long b = data.customer("乙", "vip");
        launches.reserve(id, a, 1, NOW.minusHours(1), null);
        launches.reserve(id, b, 1, NOW.minusMinutes(30), null);
        launches.commit(id, AllocationPolicy.TIER_TIME, 1L, false, Messages.of(Locale.ENGLISH));
        // a second launch whose allocated fan paid: never expires
        long paidLaunch = launches.create(new NewLaunch("秋茶", "秋茶礼盒", "AUT-*", "CNY", 10, null, 24)).id();
        launches.phase(paidLaunch, new PhaseSpec(PhaseKind.FIRST_BATCH, NOW.minusHours(2), NOW.plusDays(3), null, null, 1, 1, new BigDecimal("99")));
        long c = data.customer("丙", "vip");
        launches.reserve(paidLaunch, c, 1, NOW.minusHours(1), null);
        launches.commit(paidLaunch, AllocationPolicy.TIME, 1L, false, Messages.of(Locale.ENGLISH));
        data.exec("insert into shop_order (platform, external_order_id, customer_id, status, currency, ordered_at, paid_amount) "
                + "values ('taobao', 'P1', ?, 'paid', 'CNY', ?, 99.00)", c, NOW.plusHours(1));
        data.exec("insert into order_line (order_id, line_no, sku, title, quantity, unit_price, line_total) values ("
                + "(select id from shop_order where external_order_id = 'P1'), 1, 'AUT-1', '秋茶礼盒', 1, 99.00, 99.00)");

        assertThat(at(NOW.plusHours(23)).launches().expireAllDue()).isZero();
        assertThat(state(id, a)).isEqualTo("allocated");

        assertThat(at(NOW.plusHours(25)).launches().expireAllDue()).isEqualTo(1);
        assertThat(state(id, a)).isEqualTo("expired");
        assertThat(state(id, b)).isEqualTo("allocated");
        assertThat(state(paidLaunch, c)).isEqualTo("allocated");
        assertThat(data.count("select count(*) from follow_up where customer_id = ? and title like '%Tell the promoted%'", b)).isEqualTo(1);

        // again at the same time: nothing more (b was allocated just now)
        assertThat(at(NOW.plusHours(25)).launches().expireAllDue()).isZero();
        assertThat(data.count("select count(*) from follow_up where title like '%Tell the promoted%'")).isEqualTo(1);
    }

    private String state(long launch, long customer) {
        return launches.reservations(launch).stream().filter(r -> r.customerId() == customer).findFirst().orElseThrow().state();
    }
}
