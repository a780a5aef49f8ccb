package com.fankeep.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.merge.MergeResult;
import com.fankeep.core.merge.MergeService;
import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.testing.SampleShop;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging two customers who both voted in one launch: the survivor keeps one current vote, undo gives both back. */
class LaunchMergeTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-06T12:00:00+08:00");

    @TempDir
    Path temp;
    private Database db;
    private CoreServices services;
    private FanData data;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(temp);
        services = CoreServices.over(db, Clock.fixed(NOW.toInstant(), ZoneId.of("Asia/Shanghai")));
        data = new FanData(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theSurvivorKeepsTheLatestVoteAsCurrentAndUndoRestoresBoth() throws Exception {
        LaunchService launches = services.launches();
        long id = launches.create(new NewLaunch("春茶", "春茶礼盒", null, "CNY", 10, null, 24)).id();
        long other = launches.create(new NewLaunch("秋茶", "秋茶礼盒", null, "CNY", 10, null, 24)).id();
        // no orders or spend: undo recomputes those from orders, and this test compares the whole database
        long keep = data.customer("阿明", "上海", "vip", false, 0);
        long gone = data.customer("阿明 (小号)", "上海", "vip", false, 0);
        launches.vote(id, keep, "no", new BigDecimal("60"), "wechat_group");
        launches.vote(id, keep, "want", new BigDecimal("80"), "wechat_group"); // keep's current one, with a history row
        launches.vote(id, gone, "want", new BigDecimal("120"), "weibo");
        launches.vote(other, gone, "want", null, null); // another launch: untouched by the rule
        data.exec("update launch_vote set voted_at = ? where customer_id = ? and choice = 'want'", NOW.minusHours(5), keep);
        data.exec("update launch_vote set voted_at = ? where customer_id = ? and choice = 'no'", NOW.minusHours(6), keep);
        data.exec("update launch_vote set voted_at = ? where customer_id = ?", NOW.minusHours(1), gone);
        String before = SampleShop.dump(db, Set.of("audit_log", "duplicate_key_mark"));

        // the merge alone, without the tier and dashboard listeners (they recompute tiers from the missing orders)
        MergeService merges = new MergeService(db, CustomerChangeListener.NONE);
        MergeResult r = merges.merge(new MergeRequest(List.of(keep, gone), keep, Map.of()));

        VoteResults votes = launches.votes(id);
        assertThat(votes.current()).hasSize(1);
        assertThat(votes.current().getFirst().customerId()).isEqualTo(keep);
        assertThat(votes.current().getFirst().priceGuess()).isEqualByComparingTo("120"); // the latest answer
        assertThat(launches.history(id, keep)).hasSize(3);
        assertThat(launches.votes(other).current()).hasSize(1);

        merges.undo(r.mergeId());

        assertThat(SampleShop.diff(before, SampleShop.dump(db, Set.of("audit_log", "duplicate_key_mark")))).isEmpty();
        assertThat(launches.votes(id).current()).extracting(Vote::customerId).containsExactlyInAnyOrder(keep, gone);
    }
}
