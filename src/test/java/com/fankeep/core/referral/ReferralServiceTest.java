package com.fankeep.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.customer.InvalidValueException;
import com.fankeep.core.customer.ReferralLoopException;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferralServiceTest {

    @TempDir
    java.nio.file.Path temp;
    private Database db;
    private CoreServices core;
    private FanData data;
    private ReferralService referrals;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(temp);
        core = CoreServices.over(db);
        core.search().build(Progress.NONE, Cancellation.none());
        data = new FanData(db);
        referrals = core.referrals();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void loopsAreRefusedDirectlyAndThroughOthers() {
        long a = data.customer("A", null);
        long b = data.customer("B", null);
        long c = data.customer("C", null);
        referrals.set(b, a); // A referred B
        // A→B→A: refused, the message names both, in the owner's language too
        assertThatThrownBy(() -> referrals.set(a, b)).isInstanceOfSatisfying(ReferralLoopException.class, e -> {
            assertThat(e.args()).containsExactly("B (#" + b + ")", "A (#" + a + ")");
            assertThat(e.localized(Messages.of(java.util.Locale.SIMPLIFIED_CHINESE))).contains("B (#" + b + ")", "A (#" + a + ")");
        });
        referrals.set(c, b); // B referred C
        assertThatThrownBy(() -> referrals.set(a, c)).isInstanceOfSatisfying(ReferralLoopException.class, e -> {
            assertThat(e.args()).containsExactly("C (#" + c + ")", "A (#" + a + ")");
            assertThat(e.getMessage()).as("what may reach a log: ids, no names").contains("#" + c, "#" + a, "loop").doesNotContain("A (", "C (");
        });
        assertThatThrownBy(() -> referrals.set(a, a)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> referrals.setMany(List.of(c, a), b)).isInstanceOf(ReferralLoopException.class);
        assertThat(core.customers().profile(a).orElseThrow().referredById()).isNull();
        // moving C under A is no loop
        referrals.set(c, a);
        assertThat(core.customers().profile(c).orElseThrow().referredById()).isEqualTo(a);
    }

    @Test
    void rankedBySpendInTheMainCurrencyWithTheTierSettingsRates() {
        long x = data.customer("X", null);
        long y = data.customer("Y", null);
        long boughtCny = data.customer("x1", "上海", null, false, 1, "CNY", "100.00");
        long boughtUsd = data.customer("y1", "上海", null, false, 1, "USD", "20.00"); // 142.00 CNY at the default 7.10
        referrals.set(boughtCny, x);
        referrals.set(boughtUsd, y);
        assertThat(referrals.top(5, ReferralService.Rank.SPEND)).extracting(TopReferrer::id).containsExactly(y, x);
        assertThat(referrals.top(5, ReferralService.Rank.SPEND).getFirst().referredSpend()).containsOnlyKeys("USD");
    }

    @Test
    void treeGoesUpAndDownAndChangesUndoLikeProfileEdits() {
        long a = data.customer("A", null);
        long b = data.customer("B", null);
        long c = data.customer("C", null);
        long d = data.customer("D", null);
        referrals.set(b, a);
        referrals.setMany(List.of(c, d), b);
        ReferralTree t = referrals.tree(c);
        assertThat(t.up()).extracting(ReferralNode::id).containsExactly(b, a);
        assertThat(t.down().children()).isEmpty();
        ReferralTree fromA = referrals.tree(a);
        assertThat(fromA.up()).isEmpty();
        assertThat(fromA.down().referred()).isEqualTo(1);
        assertThat(fromA.down().children().getFirst().children()).extracting(ReferralNode::id).containsExactly(c, d);

        referrals.clear(b);
        assertThat(referrals.tree(c).up()).extracting(ReferralNode::id).containsExactly(b);
        core.customers().undoLast(); // the clear
        assertThat(referrals.tree(c).up()).extracting(ReferralNode::id).containsExactly(b, a);
        core.customers().undoLast(); // the bulk set of C and D
        assertThat(referrals.tree(b).down().children()).isEmpty();
    }

    @Test
    void topReferrersMatchACountOverTheGeneratedData() {
        Random random = new Random(12);
        List<Long> ids = new ArrayList<>();
        Map<Long, Map<String, BigDecimal>> spend = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            String cny = BigDecimal.valueOf(random.nextInt(100_000), 2).toPlainString();
            String usd = BigDecimal.valueOf(random.nextInt(5_000), 2).toPlainString();
            int kind = random.nextInt(4);
            Map<String, BigDecimal> s = new TreeMap<>();
            long id;
            if (kind == 0) {
                id = data.customer("c" + i, "上海", null, false, 0);
            } else if (kind == 1) {
                id = data.customer("c" + i, "上海", null, false, 1, "CNY", cny);
                s.put("CNY", new BigDecimal(cny));
            } else {
                id = data.customer("c" + i, "上海", null, false, 2, "CNY", cny, "USD", usd);
                s.put("CNY", new BigDecimal(cny));
                s.put("USD", new BigDecimal(usd));
            }
            ids.add(id);
            spend.put(id, s);
        }
        Map<Long, Long> referredBy = new LinkedHashMap<>();
        for (int i = 0; i < 80; i++) {
            long who = ids.get(random.nextInt(ids.size()));
            long by = ids.get(random.nextInt(8)); // a few busy referrers
            try {
                referrals.set(who, by);
                referredBy.put(who, by);
            } catch (InvalidValueException | ReferralLoopException loopOrSelf) {
                // refused: nothing changed
            }
        }
        List<Long> merged = List.of(ids.get(20), ids.get(21), ids.get(3));
        for (long m : merged) {
            data.exec("update customer set merged_into_id = ? where id = ?", ids.get(59), m);
        }

        Map<Long, Integer> count = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> theirSpend = new HashMap<>();
        referredBy.forEach((who, by) -> {
            if (merged.contains(who) || merged.contains(by)) {
                return;
            }
            count.merge(by, 1, Integer::sum);
            spend.get(who).forEach((cur, v) -> theirSpend.computeIfAbsent(by, k -> new TreeMap<>()).merge(cur, v, BigDecimal::add));
        });
        // spend compared in the main currency at the tier settings' rates (CNY 1, USD 7.10 by default)
        Map<String, BigDecimal> rates = core.tiers().settings().rates();
        Comparator<Long> expectedOrder = Comparator.<Long>comparingInt(count::get).reversed()
                .thenComparing(Comparator.<Long, BigDecimal>comparing(id -> theirSpend.getOrDefault(id, Map.of()).entrySet().stream()
                        .map(e -> e.getValue().multiply(rates.get(e.getKey()))).reduce(BigDecimal.ZERO, BigDecimal::add)).reversed())
                .thenComparing(Comparator.naturalOrder());
        List<Long> expected = count.keySet().stream().sorted(expectedOrder).toList();

        List<TopReferrer> top = referrals.top(100, ReferralService.Rank.REFERRED);
        assertThat(top).extracting(TopReferrer::id).containsExactlyElementsOf(expected);
        for (TopReferrer r : top) {
            assertThat(r.referred()).isEqualTo(count.get(r.id()));
            Map<String, BigDecimal> want = theirSpend.getOrDefault(r.id(), Map.of());
            assertThat(r.referredSpend().keySet()).isEqualTo(want.keySet());
            want.forEach((cur, v) -> assertThat(r.referredSpend().get(cur)).isEqualByComparingTo(v));
        }
        assertThat(referrals.top(2, ReferralService.Rank.REFERRED)).hasSize(Math.min(2, expected.size()));
        List<TopReferrer> bySpend = referrals.top(100, ReferralService.Rank.SPEND);
        assertThat(bySpend).isSortedAccordingTo(Comparator.comparing((TopReferrer r) -> r.spendIn(rates)).reversed());
    }

    @Test
    void namesFromAFileLinkOneMatchAndKeepTheRestAsNotes() {
        long a = data.customer("小林", null);
        long b = data.customer("买家", null);
        long c = data.customer("另一个", null);
        data.customer("重名", null);
        data.customer("重名", null);
        long d = data.customer("买家二", null);
        data.exec("insert into contact_channel (customer_id, kind, raw_value, normalized_value) values (?, 'nickname', 'lin_shop', 'lin_shop')", a);

        ReferralLinkResult r = referrals.linkNamed(Map.of(b, "小林", c, "重名", d, "lin_shop"));
        assertThat(r.linked()).containsExactlyInAnyOrder(b, d);
        assertThat(r.unmatched()).containsExactly(c);
        assertThat(core.customers().profile(b).orElseThrow().referredById()).isEqualTo(a);
        assertThat(core.customers().profile(d).orElseThrow().referredById()).isEqualTo(a);
        assertThat(core.customers().profile(c).orElseThrow().note()).isEqualTo(ReferralService.NOTE_PREFIX + "重名");
    }
}
