package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `group`, `referral` and `cities` in process: exit codes, what the database holds after, and the JSON shapes. */
class GroupCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Path dir;
    private long iron;
    private long iron2;
    private long regular;
    private long vip;

    private Run cli(String... args) {
        return InProcessCli.over(dir).run(args);
    }

    private Run ok(String... args) {
        Run r = cli(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    private static JsonNode json(Run r) throws Exception {
        return JSON.readTree(r.out());
    }

    @BeforeEach
    void shop() {
        dir = temp.resolve("data");
        try (Database db = Database.open(dir)) {
            FanData data = new FanData(db);
            iron = data.customer("铁粉甲", "杭州", "iron_fan", false, 5, "CNY", "900.00");
            iron2 = data.customer("铁粉乙", "杭州", "iron_fan", false, 3, "CNY", "300.00", "USD", "20.00");
            regular = data.customer("常客丙", "上海", "regular", false, 2, "CNY", "50.00");
            vip = data.customer("贵宾丁", "杭州", "vip", true, 4, "CNY", "700.00");
        }
    }

    private long members(String group) {
        try (Database db = Database.open(dir)) {
            return new FanData(db).count("select count(*) from fan_group_member m join fan_group g on g.id = m.group_id "
                    + "where g.name = ? and m.left_at is null", group);
        }
    }

    @Test
    void pastTheCapacityExitsOneAndChangesNothing() throws Exception {
        ok("group", "create", "小群", "--kind", "other", "--capacity", "2");
        Run refused = cli("group", "add", "小群", String.valueOf(iron), String.valueOf(iron2), String.valueOf(regular));
        assertThat(refused.code()).isEqualTo(Cli.FAILURE);
        assertThat(refused.err()).contains("at most 2", "Nothing was added");
        assertThat(members("小群")).isZero();
        ok("group", "add", "小群", iron + "," + iron2);
        assertThat(members("小群")).isEqualTo(2);
        assertThat(cli("group", "add", "小群", "--segment", "tier = regular").code()).isEqualTo(Cli.FAILURE);
        assertThat(members("小群")).isEqualTo(2);

        JsonNode list = json(ok("group", "list", "--json"));
        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).get("name").asText()).isEqualTo("小群");
        assertThat(list.get(0).get("kind").asText()).isEqualTo("other");
        assertThat(list.get(0).get("capacity").asInt()).isEqualTo(2);
        assertThat(list.get(0).get("members").asInt()).isEqualTo(2);
    }

    @Test
    void eligibilityNeedsYesMembersAndInviteListAreJsonLists() throws Exception {
        ok("group", "create", "铁粉群", "--kind", "wechat", "--eligible", "tier = iron_fan");
        Run no = cli("group", "add", "铁粉群", String.valueOf(regular));
        assertThat(no.code()).isEqualTo(Cli.FAILURE);
        assertThat(no.err()).contains("do not meet");
        assertThat(members("铁粉群")).isZero();
        ok("group", "add", "铁粉群", String.valueOf(regular), "--yes");
        ok("group", "add", "铁粉群", "--segment", "tier = iron_fan");
        ok("group", "role", "铁粉群", "owner", String.valueOf(iron));

        JsonNode m = json(ok("group", "members", "铁粉群", "--json"));
        assertThat(m.isArray()).isTrue();
        assertThat(m).hasSize(3);
        assertThat(m.get(0).get("customerId").asLong()).isEqualTo(iron);
        assertThat(m.get(0).get("role").asText()).isEqualTo("owner");
        assertThat(m.get(0).get("tier").asText()).isEqualTo("iron_fan");
        assertThat(m.get(0).has("lastOrderAt")).isTrue();
        assertThat(m.get(0).has("lastInteractionAt")).isTrue();
        JsonNode exception = null;
        for (JsonNode n : m) {
            if (n.get("customerId").asLong() == regular) {
                exception = n;
            }
        }
        assertThat(exception.get("eligibilityException").asBoolean()).isTrue();

        ok("group", "leave", "铁粉群", String.valueOf(iron2));
        assertThat(json(ok("group", "members", "铁粉群", "--json"))).hasSize(2);
        assertThat(json(ok("group", "members", "铁粉群", "--with-left", "--json"))).hasSize(3);
        JsonNode invites = json(ok("group", "invite-list", "铁粉群", "--json"));
        // iron2 left (may be invited back); vip is do-not-contact and not an iron fan
        assertThat(invites.isArray()).isTrue();
        assertThat(invites).hasSize(1);
        assertThat(invites.get(0).get("customerId").asLong()).isEqualTo(iron2);
        ok("group", "remove", "铁粉群", String.valueOf(regular));
        assertThat(members("铁粉群")).isEqualTo(1);
        assertThat(cli("group", "create", "x", "--kind", "line").code()).isEqualTo(Cli.FAILURE);
    }

    @Test
    void referralsTopTreeAndCitiesAsJson() throws Exception {
        ok("referral", "set", "--customers", iron2 + "," + regular, "--referrer", String.valueOf(iron));
        ok("referral", "set", String.valueOf(vip), "--by", String.valueOf(iron2));
        Run loop = cli("referral", "set", String.valueOf(iron), "--by", String.valueOf(vip));
        assertThat(loop.code()).isEqualTo(Cli.FAILURE);
        assertThat(loop.err()).contains("loop", "贵宾丁 (#" + vip + ") was referred by 铁粉甲 (#" + iron + ")");
        assertThat(cli("referral", "set", "--referrer", String.valueOf(iron)).code()).as("no customers named").isEqualTo(Cli.USAGE);

        JsonNode top = json(ok("referral", "top", "--json"));
        assertThat(top).hasSize(2);
        assertThat(top.get(0).get("id").asLong()).isEqualTo(iron);
        assertThat(top.get(0).get("name").asText()).isEqualTo("铁粉甲");
        assertThat(top.get(0).get("referred").asInt()).isEqualTo(2);
        assertThat(top.get(0).get("referredSpend").get("CNY").decimalValue()).isEqualByComparingTo("350.00");
        assertThat(top.get(0).get("referredSpend").get("USD").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(top.get(1).get("id").asLong()).isEqualTo(iron2);
        List<String> keys = new ArrayList<>();
        top.get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "name", "referred", "referredSpend");

        JsonNode tree = json(ok("referral", "tree", String.valueOf(vip), "--json"));
        assertThat(tree.get("up").get(0).get("id").asLong()).isEqualTo(iron2);
        assertThat(tree.get("up").get(1).get("id").asLong()).isEqualTo(iron);
        ok("referral", "clear", String.valueOf(vip));
        assertThat(json(ok("referral", "tree", String.valueOf(vip), "--json")).get("up")).isEmpty();
    }

    @Test
    void citiesAsJsonAndACircle() throws Exception {
        // before any edit: the tiers FanData set are the ones a referral edit would recompute from the orders
        JsonNode cities = json(ok("cities", "--json"));
        assertThat(cities.get(0).get("city").asText()).isEqualTo("杭州");
        assertThat(cities.get(0).get("ironFans").asInt()).isEqualTo(2);
        assertThat(cities.get(0).get("vips").asInt()).isEqualTo(1);
        assertThat(cities.get(0).get("customers").asInt()).isEqualTo(3);
        ok("cities", "--circle", "杭州");
        assertThat(members("杭州 粉丝圈")).isEqualTo(2); // the VIP is do-not-contact
    }
}
