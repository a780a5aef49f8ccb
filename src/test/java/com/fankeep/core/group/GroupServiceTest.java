package com.fankeep.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import com.fankeep.testing.TestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Groups against a real H2 file: capacity (also two adds at once), eligibility exceptions, roles and leaving. */
class GroupServiceTest {

    @TempDir
    java.nio.file.Path temp;
    private Database db;
    private FanData data;
    private GroupService groups;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(temp);
        data = new FanData(db);
        groups = new GroupService(db, data.tierSegments(), Clock.systemDefaultZone());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void kindsGetTheirDefaultCapacity() {
        assertThat(groups.create(NewGroup.of("微信铁粉群", GroupKind.WECHAT)).capacity()).isEqualTo(500);
        assertThat(groups.create(NewGroup.of("QQ群", GroupKind.QQ)).capacity()).isEqualTo(500);
        assertThat(groups.create(NewGroup.of("线下", GroupKind.OFFLINE)).capacity()).isNull();
        assertThat(groups.create(new NewGroup("QQ大群", GroupKind.QQ, 2000, null, null)).capacity()).isEqualTo(2000);
        assertThatThrownBy(() -> groups.create(NewGroup.of("QQ群", GroupKind.OTHER)))
                .isInstanceOfSatisfying(GroupException.class, e -> assertThat(e.key()).isEqualTo("group.error.nameTaken"));
        assertThat(groups.list()).extracting(FanGroup::name).containsExactly("QQ大群", "QQ群", "微信铁粉群", "线下");
    }

    @Test
    void addingPastTheCapacityIsRefusedWholeAndAddsNobody() {
        FanGroup g = groups.create(new NewGroup("小群", GroupKind.OTHER, 3, null, null));
        List<Long> first = List.of(data.customer("甲", null), data.customer("乙", null));
        assertThat(groups.add(g.id(), first, false).added()).containsExactlyElementsOf(first);
        List<Long> two = List.of(data.customer("丙", null), data.customer("丁", null));

        assertThatThrownBy(() -> groups.add(g.id(), two, false))
                .isInstanceOfSatisfying(GroupException.CapacityExceeded.class, e -> {
                    assertThat(e.capacity()).isEqualTo(3);
                    assertThat(e.current()).isEqualTo(2);
                    assertThat(e.adding()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("at most 3", "nothing was added");
                });
        assertThat(groups.members(g.id(), true)).extracting(GroupMember::customerId).containsExactlyElementsOf(first);
        assertThat(groups.find(g.id()).members()).isEqualTo(2);
        // one more fits; members already in do not count again
        assertThat(groups.add(g.id(), List.of(first.get(0), two.get(0)), false).added()).containsExactly(two.get(0));
        assertThat(groups.find(g.id()).free()).isZero();
    }

    @Test
    void undoingAMergeMayLeaveAGroupOverItsCapacityWhichIsShownAndAddsStayRefused() {
        // the same person twice, both in the group: the merge folds the memberships into one
        long a = data.customer("张三", null);
        long b = data.customer("张三", null);
        FanGroup g = groups.create(new NewGroup("小群", GroupKind.OTHER, 2, null, null));
        groups.add(g.id(), List.of(a, b), false);
        com.fankeep.core.merge.MergeService merges = new com.fankeep.core.merge.MergeService(db, ids -> { });
        long mergeId = merges.merge(new com.fankeep.core.merge.MergeRequest(List.of(a, b), a, java.util.Map.of())).mergeId();
        assertThat(groups.find(g.id()).members()).isEqualTo(1);
        groups.update(g.id(), "小群", 1, null); // the owner lowers the capacity to the one member left

        merges.undo(mergeId); // allowed: it puts back the owner's earlier data as it was

        FanGroup after = groups.find(g.id());
        assertThat(after.members()).isEqualTo(2);
        assertThat(after.overCapacity()).isEqualTo(1);
        assertThat(after.free()).isZero();
        long c = data.customer("李四", null);
        assertThatThrownBy(() -> groups.add(g.id(), List.of(c), false)).isInstanceOf(GroupException.CapacityExceeded.class);
        groups.markLeft(g.id(), List.of(b));
        assertThat(groups.find(g.id()).overCapacity()).isZero();
    }

    @Test
    void twoAddsAtTheEdgeAtOnceOnlyOnePasses() throws Exception {
        long a = data.customer("甲", null);
        long b = data.customer("乙", null);
        long c = data.customer("丙", null);
        // both adds wait after their capacity check for the other (up to 300 ms): without the group lock both would see one place free
        CountDownLatch bothChecked = new CountDownLatch(2);
        GroupService racing = new GroupService(db, data.tierSegments(), Clock.systemDefaultZone(), () -> {
            bothChecked.countDown();
            try {
                bothChecked.await(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FanGroup g = groups.create(new NewGroup("两人群", GroupKind.OTHER, 2, null, null));
        groups.add(g.id(), List.of(a), false);

        List<Object> outcomes = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (long who : List.of(b, c)) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    outcomes.add(racing.add(g.id(), List.of(who), false));
                } catch (RuntimeException e) {
                    outcomes.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes).filteredOn(o -> o instanceof AddResult).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof GroupException.CapacityExceeded).hasSize(1);
        assertThat(groups.find(g.id()).members()).isEqualTo(2);
    }

    @Test
    void addingSomeoneOutsideTheEligibilityNeedsConfirmationAndIsRecorded() {
        FanGroup g = groups.create(new NewGroup("铁粉群", GroupKind.WECHAT, null, "iron_fan", null));
        long iron = data.customer("铁粉", "iron_fan");
        long regular = data.customer("常客", "regular");

        assertThatThrownBy(() -> groups.add(g.id(), List.of(iron, regular), false))
                .isInstanceOfSatisfying(GroupException.NotEligible.class, e -> assertThat(e.customerIds()).containsExactly(regular));
        assertThat(groups.find(g.id()).members()).isZero();

        AddPlan plan = groups.plan(g.id(), List.of(iron, regular));
        assertThat(plan.notEligible()).containsExactly(regular);
        AddResult r = groups.add(g.id(), List.of(iron, regular), true);
        assertThat(r.exceptions()).containsExactly(regular);
        assertThat(groups.members(g.id(), false)).extracting(GroupMember::customerId, GroupMember::eligibilityException)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(iron, false), org.assertj.core.groups.Tuple.tuple(regular, true));
        assertThat(data.count("select count(*) from audit_log where action = 'group_exception' and entity_id = ? and summary like ?",
                g.id(), "customer #" + regular + " %")).isEqualTo(1);
        assertThat(data.count("select count(*) from audit_log where action = 'group_exception'")).isEqualTo(1);
    }

    @Test
    void rolesAndLeavingFreeAPlaceAndAFormerMemberCanRejoin() {
        FanGroup g = groups.create(new NewGroup("群", GroupKind.QQ, 2, null, null));
        long a = data.customer("甲", null);
        long b = data.customer("乙", null);
        long c = data.customer("丙", null);
        groups.add(g.id(), List.of(b, a), false);
        assertThat(groups.setRole(g.id(), List.of(a), GroupRole.OWNER)).isEqualTo(1);
        assertThat(groups.members(g.id(), false)).extracting(GroupMember::customerId, GroupMember::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, GroupRole.OWNER), org.assertj.core.groups.Tuple.tuple(b, GroupRole.MEMBER));

        assertThat(groups.markLeft(g.id(), List.of(b))).isEqualTo(1);
        assertThat(groups.find(g.id()).members()).isEqualTo(1);
        assertThat(groups.members(g.id(), false)).extracting(GroupMember::customerId).containsExactly(a);
        GroupMember left = groups.members(g.id(), true).get(1);
        assertThat(left.customerId()).isEqualTo(b);
        assertThat(left.leftAt()).isNotNull();
        assertThat(left.current()).isFalse();

        groups.add(g.id(), List.of(c), false); // the place b left
        assertThatThrownBy(() -> groups.add(g.id(), List.of(b), false)).isInstanceOf(GroupException.CapacityExceeded.class);
        groups.remove(g.id(), List.of(c));
        groups.add(g.id(), List.of(b), false);
        GroupMember back = groups.members(g.id(), false).stream().filter(m -> m.customerId() == b).findFirst().orElseThrow();
        assertThat(back.leftAt()).isNull();
        assertThat(back.role()).isEqualTo(GroupRole.MEMBER);
        assertThat(groups.members(g.id(), true)).extracting(GroupMember::customerId).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void capacityCannotGoBelowTheCurrentMembers() {
        FanGroup g = groups.create(new NewGroup("群", GroupKind.OTHER, 5, null, null));
        groups.add(g.id(), List.of(data.customer("甲", null), data.customer("乙", null)), false);
        assertThatThrownBy(() -> groups.update(g.id(), "群", 1, null))
                .isInstanceOfSatisfying(GroupException.class, e -> assertThat(e.key()).isEqualTo("group.error.capacityBelow"));
        assertThat(groups.update(g.id(), "新名字", 2, "vip").capacity()).isEqualTo(2);
    }

    @Test
    void inviteListMeetsTheSegmentLeavesOutMembersAndDoNotContactAndRanksByValue() {
        FanGroup g = groups.create(new NewGroup("铁粉群", GroupKind.WECHAT, null, "iron_fan", null));
        long member = data.customer("已在群", "上海", "iron_fan", false, 9, "CNY", "9000.00");
        long small = data.customer("小", "上海", "iron_fan", false, 2, "CNY", "100.00");
        long big = data.customer("大", "上海", "iron_fan", false, 3, "CNY", "800.00", "USD", "50.00");
        data.customer("免打扰", "上海", "iron_fan", true, 5, "CNY", "5000.00");
        data.customer("常客", "上海", "regular", false, 5, "CNY", "7000.00");
        long noSpend = data.customer("没花钱", "上海", "iron_fan", false, 0);
        groups.add(g.id(), List.of(member), false);

        List<InviteCandidate> list = groups.inviteList(g.id(), 10);
        assertThat(list).extracting(InviteCandidate::customerId).containsExactly(big, small, noSpend);
        assertThat(list.getFirst().netSpend()).containsKeys("CNY", "USD");
        assertThat(groups.inviteList(g.id(), 1)).extracting(InviteCandidate::customerId).containsExactly(big);
    }

    @Test
    void addingASegmentAddsItsMembers() {
        FanGroup g = groups.create(NewGroup.of("VIP群", GroupKind.WECHAT));
        long v1 = data.customer("v1", "vip");
        long v2 = data.customer("v2", "vip");
        data.customer("r", "regular");
        assertThat(groups.addSegment(g.id(), "vip", false).added()).containsExactly(v1, v2);
        assertThat(groups.members(g.id(), false)).extracting(GroupMember::customerId).containsExactly(v1, v2);
    }
}
