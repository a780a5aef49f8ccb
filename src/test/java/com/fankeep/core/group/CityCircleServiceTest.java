package com.fankeep.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.testing.TestDatabases;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityCircleServiceTest {

    @TempDir
    java.nio.file.Path temp;
    private Database db;
    private FanData data;
    private GroupService groups;
    private CityCircleService cities;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(temp);
        data = new FanData(db);
        groups = new GroupService(db, data.tierSegments(), Clock.systemDefaultZone());
        cities = new CityCircleService(db, groups);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void citiesRankByIronFansThenVipsThenCustomersWithDistrictsFromOrders() {
        // 上海: 1 iron fan, 5 customers; 成都: 2 iron fans; 杭州: 1 iron fan, 2 VIPs
        long sh = data.customer("a", "上海", "iron_fan", false, 1);
        for (int i = 0; i < 4; i++) {
            data.customer("s" + i, "上海", null, false, 0);
        }
        long cd1 = data.customer("b", "成都", "iron_fan", false, 1);
        data.customer("c", "成都", "iron_fan", false, 1);
        data.customer("d", "杭州", "iron_fan", false, 1);
        data.customer("e", "杭州", "vip", false, 1);
        data.customer("f", "杭州", "vip", true, 1);
        data.customer("g", null, "iron_fan", false, 1);
        data.order(sh, "上海", "浦东新区", "2026-01-01T10:00:00+08:00");
        data.order(sh, "上海", "徐汇区", "2026-03-01T10:00:00+08:00"); // the latest counts
        data.order(cd1, "北京", "朝阳区", "2026-03-01T10:00:00+08:00"); // another city's district is not this one's

        List<CityFans> list = cities.cities();
        assertThat(list).extracting(CityFans::city, CityFans::ironFans, CityFans::vips, CityFans::customers).containsExactly(
                org.assertj.core.groups.Tuple.tuple("成都", 2, 0, 2),
                org.assertj.core.groups.Tuple.tuple("杭州", 1, 2, 3),
                org.assertj.core.groups.Tuple.tuple("上海", 1, 0, 5));
        assertThat(list.get(2).districts()).extracting(CityFans::district, CityFans::ironFans).containsExactly(
                org.assertj.core.groups.Tuple.tuple("徐汇区", 1));
        assertThat(list.get(0).districts()).isEmpty();
    }

    @Test
    void aCircleHoldsTheCitysContactableIronFansAndVips() {
        long iron = data.customer("d", "杭州", "iron_fan", false, 1);
        long vip = data.customer("e", "杭州", "vip", false, 1);
        data.customer("f", "杭州", "vip", true, 1);
        data.customer("g", "杭州", "regular", false, 1);
        data.customer("h", "上海", "iron_fan", false, 1);
        FanGroup circle = cities.makeCircle("杭州", "杭州粉丝圈");
        assertThat(circle.kind()).isEqualTo(GroupKind.OFFLINE);
        assertThat(circle.city()).isEqualTo("杭州");
        assertThat(groups.members(circle.id(), false)).extracting(GroupMember::customerId).containsExactlyInAnyOrder(iron, vip);
    }
}
