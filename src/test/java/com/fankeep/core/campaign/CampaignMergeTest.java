package com.fankeep.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.merge.MergeRequest;
import com.fankeep.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging two customers who are both in one campaign: the entry that got further is kept, the other's units go back
 * to the stock (the waitlist moves up), and undo puts the stock and both entries back exactly.
 */
class CampaignMergeTest {

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
    void bothClaimedKeepsTheSurvivorsEntryReturnsTheOtherUnitAndPromotesTheWaitlist() {
        long a = f.fan("甲", "regular", "13800000001", "一号");
        long b = f.fan("甲二", "regular", "13800000002", "一号");
        long c = f.fan("丙", "regular", "13800000003", "三号");
        long d = f.fan("丁", "regular", "13800000004", "四号");
        Campaign camp = f.announced(f.picked("两份", 2, ClaimPriority.TIME, List.of(a, b, c, d)));
        for (long id : List.of(a, b, c, d)) {
            f.campaigns.claim(camp.id(), id, "wechat", false);
        }
        List<String> before = snapshot();

        long mergeId = f.services.merges().merge(new MergeRequest(List.of(a, b), a, Map.of())).mergeId();

        CampaignBoard board = f.campaigns.board(camp.id());
        assertThat(board.entries()).filteredOn(e -> e.customerId() == a).singleElement()
                .extracting(CampaignEntry::state).isEqualTo(EntryState.CLAIMED);
        assertThat(board.entries()).noneMatch(e -> e.customerId() == b);
        assertThat(state(board, c)).isEqualTo(EntryState.CLAIMED);
        assertThat(board.waitlist()).extracting(CampaignEntry::customerId).containsExactly(d);
        assertThat(board.campaign().stockLeft()).isZero();
        assertThat(board.campaign().claimedUnits()).isEqualTo(2);
        assertThat(unitsHeldPlusStock(camp.id())).isEqualTo(2);

        f.services.merges().undo(mergeId);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theEntryThatGotFurtherIsKeptEvenWhenItIsTheLosers() {
        long a = f.fan("甲", "regular", "13800000001", "一号");
        long b = f.fan("甲二", "regular", "13800000002", "一号");
        long c = f.fan("丙", "regular", "13800000003", "三号");
        Campaign camp = f.announced(f.picked("两份", 2, ClaimPriority.TIME, List.of(a, b, c)));
        f.campaigns.claim(camp.id(), a, "wechat", false);
        f.campaigns.claim(camp.id(), b, "wechat", false);
        f.campaigns.claim(camp.id(), c, "wechat", false);
        f.campaigns.ship(camp.id(), b, "顺丰", "SF100");
        List<String> before = snapshot();

        long mergeId = f.services.merges().merge(new MergeRequest(List.of(a, b), a, Map.of())).mergeId();

        CampaignBoard board = f.campaigns.board(camp.id());
        CampaignEntry kept = board.entries().stream().filter(e -> e.customerId() == a).findFirst().orElseThrow();
        assertThat(kept.state()).isEqualTo(EntryState.SHIPPED);
        assertThat(kept.trackingNo()).isEqualTo("SF100");
        assertThat(state(board, c)).isEqualTo(EntryState.CLAIMED);
        assertThat(board.campaign().stockLeft()).isZero();
        assertThat(unitsHeldPlusStock(camp.id())).isEqualTo(2);

        f.services.merges().undo(mergeId);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFreedUnitWithNobodyWaitingStaysInTheStockAndAnInvitationIsDroppedForAClaim() {
        long a = f.fan("甲", "regular", "13800000001", "一号");
        long b = f.fan("甲二", "regular", "13800000002", "一号");
        Campaign one = f.announced(f.picked("一", 3, ClaimPriority.TIME, List.of(a, b)));
        Campaign two = f.announced(f.picked("二", 3, ClaimPriority.TIME, List.of(a, b)));
        f.campaigns.claim(one.id(), a, "qq", false);
        f.campaigns.claim(one.id(), b, "qq", false);
        f.campaigns.claim(two.id(), b, "qq", false); // a only invited
        List<String> before = snapshot();

        long mergeId = f.services.merges().merge(new MergeRequest(List.of(a, b), a, Map.of())).mergeId();

        assertThat(f.campaigns.find(one.id()).stockLeft()).isEqualTo(2);
        assertThat(f.campaigns.find(two.id()).stockLeft()).isEqualTo(2);
        assertThat(state(f.campaigns.board(two.id()), a)).isEqualTo(EntryState.CLAIMED);
        assertThat(unitsHeldPlusStock(one.id())).isEqualTo(3);
        assertThat(unitsHeldPlusStock(two.id())).isEqualTo(3);

        f.services.merges().undo(mergeId);
        assertThat(snapshot()).isEqualTo(before);
    }

    private static EntryState state(CampaignBoard board, long customerId) {
        return board.entries().stream().filter(e -> e.customerId() == customerId).findFirst().orElseThrow().state();
    }

    /** Units held by entries plus the stock left: always the quantity, whatever happened. */
    private long unitsHeldPlusStock(long campaignId) {
        return f.data.count("select coalesce(sum(units), 0) from campaign_entry where campaign_id = ? and state in "
                + CampaignRepository.HOLDING, campaignId) + f.campaigns.find(campaignId).stockLeft();
    }

    /** Every campaign and entry row, as text. */
    private List<String> snapshot() {
        List<String> out = new ArrayList<>();
        for (Record r : f.db.dsl().fetch("select * from gift_campaign order by id")) {
            out.add(r.intoMap().toString());
        }
        for (Record r : f.db.dsl().fetch("select * from campaign_entry order by id")) {
            out.add(r.intoMap().toString());
        }
        return out;
    }
}
