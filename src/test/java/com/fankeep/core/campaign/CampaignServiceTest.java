package com.fankeep.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.followup.FollowUp;
import com.fankeep.core.followup.FollowUpReason;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns against a real H2 file: stock under concurrent claims, the waitlist, tiers, money, audience, announce. */
class CampaignServiceTest {

    @TempDir
    java.nio.file.Path temp;
    private CampaignFixture f;

    @BeforeEach
    void open() {
        f = new CampaignFixture(TestDatabases.fresh(temp));
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    @Test
    void concurrentClaimsNeverOversellAndTheWaitlistKeepsClaimOrder() throws Exception {
        List<Long> fans = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            fans.add(f.fan("粉丝" + i, "regular", "1380000" + String.format("%04d", i), "路" + i + "号"));
        }
        Campaign c = f.announced(f.picked("限量贺卡", 7, ClaimPriority.TIME, fans));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<ClaimResult>> results = new ArrayList<>();
        for (long id : fans) {
            results.add(pool.submit(() -> {
                go.await();
                return f.campaigns.claim(c.id(), id, "wechat", false);
            }));
        }
        go.countDown();
        int claimed = 0;
        for (Future<ClaimResult> r : results) {
            if (r.get(60, TimeUnit.SECONDS).state() == EntryState.CLAIMED) {
                claimed++;
            }
        }
        pool.shutdown();

        CampaignBoard board = f.campaigns.board(c.id());
        assertThat(claimed).isEqualTo(7);
        assertThat(board.counts().get(EntryState.CLAIMED)).isEqualTo(7);
        assertThat(board.counts().get(EntryState.WAITLISTED)).isEqualTo(17);
        assertThat(board.campaign().stockLeft()).isZero();
        assertThat(board.campaign().claimedUnits()).isEqualTo(7);
        // claims were answered one after another: every unit went to an earlier claim than any waitlisted one
        long lastClaimed = board.entries().stream().filter(e -> e.state() == EntryState.CLAIMED).mapToLong(CampaignEntry::claimSeq).max().orElseThrow();
        long firstWaiting = board.waitlist().getFirst().claimSeq();
        assertThat(lastClaimed).isLessThan(firstWaiting);
        assertThat(board.entries()).extracting(CampaignEntry::claimSeq).doesNotHaveDuplicates();
        assertThat(board.waitlist()).extracting(CampaignEntry::claimSeq).isSorted();
    }

    @Test
    void cancellingAClaimPromotesTheFirstOnTheWaitlistAndSchedulesTellingThem() {
        long a = f.fan("甲", "regular", "13800000001", "一号");
        long b = f.fan("乙", "regular", "13800000002", "二号");
        long c = f.fan("丙", "regular", "13800000003", "三号");
        long d = f.fan("丁", "regular", "13800000004", "四号");
        Campaign camp = f.announced(f.picked("两份", 2, ClaimPriority.TIME, List.of(a, b, c, d)));
        for (long id : List.of(a, b, c, d)) {
            f.campaigns.claim(camp.id(), id, "wechat", false);
        }
        assertThat(f.campaigns.board(camp.id()).waitlist()).extracting(CampaignEntry::customerId).containsExactly(c, d);

        assertThat(f.campaigns.cancel(camp.id(), a)).containsExactly(c);

        CampaignBoard board = f.campaigns.board(camp.id());
        assertThat(state(board, a)).isEqualTo(EntryState.CANCELLED);
        assertThat(state(board, c)).isEqualTo(EntryState.CLAIMED);
        assertThat(board.waitlist()).extracting(CampaignEntry::customerId).containsExactly(d);
        assertThat(board.campaign().stockLeft()).isZero();
        assertThat(f.services.followUps().forCustomer(c)).extracting(FollowUp::title).anyMatch(t -> t.contains("两份"));
        // leaving the waitlist frees nothing
        assertThat(f.campaigns.cancel(camp.id(), d)).isEmpty();
        assertThat(f.campaigns.find(camp.id()).stockLeft()).isZero();
        assertThatThrownBy(() -> f.campaigns.cancel(camp.id(), d))
                .isInstanceOfSatisfying(CampaignException.class, e -> assertThat(e.key()).isEqualTo("campaign.error.notCancellable"));
    }

    @Test
    void tierPriorityPromotesIronFansBeforeVipBeforeRegularWhateverTheClaimOrder() {
        long first = f.fan("先到", "regular", "13800000001", "一号");
        long regular = f.fan("普通", "regular", "13800000002", "二号");
        long vip = f.fan("贵宾", "vip", "13800000003", "三号");
        long iron = f.fan("铁粉", "iron_fan", "13800000004", "四号");
        List<Long> order = List.of(first, regular, vip, iron);
        Campaign tier = f.announced(f.picked("铁粉优先", 1, ClaimPriority.TIER, order));
        Campaign time = f.announced(f.picked("先到先得", 1, ClaimPriority.TIME, order));
        for (long id : order) {
            f.campaigns.claim(tier.id(), id, "qq", false);
            f.campaigns.claim(time.id(), id, "qq", false);
        }
        assertThat(f.campaigns.board(tier.id()).waitlist()).extracting(CampaignEntry::customerId).containsExactly(iron, vip, regular);

        assertThat(f.campaigns.cancel(tier.id(), first)).containsExactly(iron);
        assertThat(f.campaigns.cancel(time.id(), first)).containsExactly(regular);
        assertThat(f.campaigns.cancel(tier.id(), iron)).containsExactly(vip);
    }

    @Test
    void moneyIsDecimalWithItsCurrency() {
        long a = f.fan("甲", "regular", "13800000001", "一号");
        long b = f.fan("乙", "regular", "13800000002", "二号");
        NewCampaign usd = new NewCampaign("Samples", CampaignKind.SAMPLE, "Tea sample", new BigDecimal("0.10"),
                new BigDecimal("0.20"), "usd", 10, 2, CampaignFixture.NOW.minusDays(1), CampaignFixture.NOW.plusDays(1), null,
                null, List.of(a, b), false, null, ClaimPriority.TIME);
        Campaign c = f.announced(usd);
        f.campaigns.claim(c.id(), a, "wechat", null, 2, false);
        f.campaigns.claim(c.id(), b, "wechat", null, 1, false);
        Campaign after = f.campaigns.find(c.id());
        assertThat(after.currency()).isEqualTo("USD");
        // 3 × (0.10 + 0.20) is 0.9 in binary floating point arithmetic only approximately; DECIMAL keeps 0.90 exact
        assertThat(after.costSoFar()).isEqualByComparingTo("0.90").hasToString("0.90");
        assertThat(after.budget()).hasToString("3.00");
        CampaignReport r = f.campaigns.report(c.id(), 30);
        assertThat(r.cost()).hasToString("0.90");
        assertThat(r.currency()).isEqualTo("USD");
        assertThat(r.claimedUnits()).isEqualTo(3);
        assertThatThrownBy(() -> f.campaigns.create(new NewCampaign("x", CampaignKind.GIFT, "g", new BigDecimal("1.005"),
                BigDecimal.ZERO, "CNY", 1, 1, CampaignFixture.NOW, CampaignFixture.NOW.plusDays(1), null, null, List.of(a),
                false, null, null))).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.key()).isEqualTo("campaign.error.money"));
        assertThatThrownBy(() -> f.campaigns.claim(c.id(), a, "wechat", false)).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.key()).isEqualTo("campaign.error.alreadyClaimed"));
    }

    @Test
    void aClaimFromOutsideTheAudienceNeedsConfirmationAndIsRecordedAsSuch() {
        long in = f.fan("甲", "regular", "13800000001", "一号");
        long out = f.fan("群友", "regular", "13800000009", "九号");
        Campaign c = f.announced(f.picked("群里听说", 5, ClaimPriority.TIME, List.of(in)));
        assertThatThrownBy(() -> f.campaigns.claim(c.id(), out, "wechat", false))
                .isInstanceOf(CampaignException.OutsideAudience.class);
        assertThat(f.campaigns.entries(c.id())).hasSize(1);

        ClaimResult r = f.campaigns.claim(c.id(), out, "wechat", true);
        assertThat(r.state()).isEqualTo(EntryState.CLAIMED);
        assertThat(r.outsideAudience()).isTrue();
        CampaignEntry e = f.campaigns.entries(c.id()).stream().filter(x -> x.customerId() == out).findFirst().orElseThrow();
        assertThat(e.outsideAudience()).isTrue();
        assertThat(e.invited()).isFalse();
        assertThat(e.address().detail()).isEqualTo("九号");
        assertThat(e.address().phone()).isEqualTo("13800000009");
        assertThat(f.campaigns.report(c.id(), 30).outsideAudience()).isEqualTo(1);
    }

    @Test
    void announcingRendersTheTemplatePerFanAndSchedulesOneFollowUpEachLeavingOutDoNotContact() {
        long a = f.fan("小红", "vip", "13800000001", "一号");
        long b = f.fan("小明", "vip", "13800000002", "二号");
        long quiet = f.data.customer("勿扰", "上海", "vip", true, 1, "CNY", "1.00");
        f.services.segments().save("贵宾", "tier = vip");
        NewCampaign n = new NewCampaign("贵宾贺卡", CampaignKind.CARD, "贺卡", new BigDecimal("4.00"), new BigDecimal("0.00"), "CNY",
                100, 1, CampaignFixture.NOW, CampaignFixture.NOW.plusDays(3), "贵宾", null, List.of(), false,
                "{name}你好，送你一张贺卡", ClaimPriority.TIME);
        Campaign c = f.campaigns.create(n);
        assertThat(c.dncLeftOut()).isEqualTo(1);
        assertThat(f.campaigns.entries(c.id())).extracting(CampaignEntry::customerId).containsExactlyInAnyOrder(a, b);
        assertThatThrownBy(() -> f.campaigns.claim(c.id(), a, "wechat", false)).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.key()).isEqualTo("campaign.error.notClaiming"));

        assertThat(f.campaigns.announce(c.id())).isEqualTo(2);

        assertThat(f.campaigns.find(c.id()).status()).isEqualTo(CampaignStatus.ANNOUNCED);
        assertThat(f.campaigns.entries(c.id())).extracting(CampaignEntry::message)
                .containsExactlyInAnyOrder("小红你好，送你一张贺卡", "小明你好，送你一张贺卡");
        assertThat(f.services.followUps().forCustomer(a)).hasSize(1);
        assertThat(f.services.followUps().forCustomer(quiet)).isEmpty();
        f.campaigns.claim(c.id(), a, "wechat", false);
        assertThat(f.campaigns.find(c.id()).status()).isEqualTo(CampaignStatus.CLAIMING);
    }

    @Test
    void shippingAClaimSchedulesTellingThemAndAskingLater() {
        long a = f.fan("甲", "regular", "13800000001", "一号");
        Campaign c = f.announced(f.picked("寄出", 1, ClaimPriority.TIME, List.of(a)));
        f.campaigns.claim(c.id(), a, "wechat", false);
        f.campaigns.confirmAddress(c.id(), a, new Address("甲的妈妈", "13900000000", "浙江省", "杭州市", "西湖区", "文三路1号"));
        f.campaigns.ship(c.id(), a, "顺丰速运", "SF1234567890");
        CampaignEntry e = f.campaigns.entries(c.id()).getFirst();
        assertThat(e.state()).isEqualTo(EntryState.SHIPPED);
        assertThat(e.address().receiver()).isEqualTo("甲的妈妈");
        assertThat(f.data.count("select count(*) from customer where id = ? and name = '甲'", a)).isEqualTo(1);
        assertThat(f.services.followUps().forCustomer(a)).extracting(FollowUp::reason, FollowUp::dueDate)
                .contains(org.assertj.core.groups.Tuple.tuple(FollowUpReason.SEND_TRACKING, CampaignFixture.NOW.toLocalDate()),
                        org.assertj.core.groups.Tuple.tuple(FollowUpReason.DELIVERY_CHECK, CampaignFixture.NOW.toLocalDate().plusDays(5)));
        f.campaigns.markDelivered(c.id(), a);
        f.campaigns.markThanked(c.id(), a);
        assertThat(f.campaigns.report(c.id(), 30)).extracting(CampaignReport::shipped, CampaignReport::delivered, CampaignReport::thanked)
                .containsExactly(1, 1, 1);
    }

    @Test
    void erasingACustomerClearsTheAddressAndMessageCopiedOntoTheirEntry() {
        long a = f.fan("甲", "regular", "13800000001", "一号");
        Campaign c = f.announced(f.picked("抹除", 1, ClaimPriority.TIME, List.of(a)));
        f.campaigns.claim(c.id(), a, "wechat", false);
        assertThat(f.data.count("select count(*) from campaign_entry where customer_id = ? and receiver_phone is not null "
                + "and message is not null", a)).isEqualTo(1);
        f.services.erasure().erase(a, com.fankeep.core.privacy.ErasureReason.values()[0]);
        assertThat(f.data.count("select count(*) from campaign_entry where customer_id = ? and (receiver_name is not null "
                + "or receiver_phone is not null or receiver_address is not null or message is not null)", a)).isZero();
    }

    private static EntryState state(CampaignBoard b, long customerId) {
        return b.entries().stream().filter(e -> e.customerId() == customerId).findFirst().orElseThrow().state();
    }

    @Test
    void announceIsOneTransactionNothingChangesWhenAFollowUpCannotBeMade() {
        long a = f.fan("甲", "regular", "13800000001", "一号");
        long b = f.fan("乙", "regular", "13800000002", "二号");
        Campaign c = f.campaigns.create(f.picked("一起提交", 2, ClaimPriority.TIME, List.of(a, b)));
        // b erased behind the campaign's back: scheduling b's follow-up fails, after a's message and the status were written
        f.data.exec("update customer set erased_at = current_timestamp where id = ?", b);
        long templates = f.data.count("select count(*) from message_template");

        assertThatThrownBy(() -> f.campaigns.announce(c.id())).isInstanceOf(IllegalArgumentException.class);

        assertThat(f.campaigns.find(c.id()).status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(f.data.count("select count(*) from campaign_entry where campaign_id = ? and message is not null", c.id())).isZero();
        assertThat(f.data.count("select count(*) from follow_up")).isZero();
        assertThat(f.data.count("select count(*) from message_template")).isEqualTo(templates);
    }
}
