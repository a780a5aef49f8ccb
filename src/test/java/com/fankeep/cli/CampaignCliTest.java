package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `campaign` end to end in process: the commands as issue 13 names them, exit codes and JSON shapes. */
class CampaignCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Path dir;
    private long iron;
    private long vip;
    private long outsider;

    private Run cli(String... args) {
        return InProcessCli.over(dir).run(args);
    }

    private JsonNode ok(String... args) throws Exception {
        Run r = cli(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return List.of(args).contains("--json") ? JSON.readTree(r.out()) : null;
    }

    @BeforeEach
    void shop() {
        dir = temp.resolve("data");
        try (Database db = Database.open(dir)) {
            FanData data = new FanData(db);
            iron = data.customer("铁粉甲", "杭州", "iron_fan", false, 5, "CNY", "900.00");
            vip = data.customer("贵宾乙", "杭州", "vip", false, 4, "CNY", "700.00");
            outsider = data.customer("群友丙", "上海", "regular", false, 1, "CNY", "50.00");
            data.exec("insert into shop_order (platform, external_order_id, customer_id, status, currency, ordered_at, receiver_name, "
                    + "receiver_phone, receiver_province, receiver_city, receiver_district, receiver_address) values ('taobao', 'O1', ?, "
                    + "'completed', 'CNY', current_timestamp, '甲', '13800000001', '浙江省', '杭州市', '西湖区', '文三路1号')", iron);
        }
    }

    @Test
    void aCampaignFromCreateToReport() throws Exception {
        ok("segment", "save", "铁粉和贵宾", "tier = iron_fan OR tier = vip");
        String today = LocalDate.now().toString();
        JsonNode created = ok("campaign", "create", "新年贺卡", "--kind", "card", "--gift", "手写贺卡", "--unit-cost", "1.50",
                "--shipping-cost", "4.00", "--currency", "CNY", "--quantity", "1", "--per-customer", "1", "--opens", today,
                "--closes", LocalDate.now().plusDays(7).toString(), "--audience", "铁粉和贵宾", "--priority", "tier",
                "--message", "{name}，新年快乐", "--json");
        long id = created.get("id").asLong();
        assertThat(created.get("invited").asInt()).isEqualTo(2);
        String cid = Long.toString(id);

        assertThat(cli("campaign", "claim", cid, Long.toString(iron)).code()).isEqualTo(1); // a draft takes no claims
        ok("campaign", "announce", cid);
        JsonNode first = ok("campaign", "claim", cid, Long.toString(iron), "--channel", "wechat", "--json");
        assertThat(first.get("state").asText()).isEqualTo("claimed");
        assertThat(first.get("stockLeft").asInt()).isZero();
        assertThat(ok("campaign", "claim", cid, Long.toString(vip), "--json").get("state").asText()).isEqualTo("waitlisted");

        Run outside = cli("campaign", "claim", cid, Long.toString(outsider));
        assertThat(outside.code()).isEqualTo(1);
        assertThat(outside.err()).contains("not in the audience", "--yes");
        assertThat(ok("campaign", "claim", cid, Long.toString(outsider), "--yes", "--json").get("state").asText()).isEqualTo("waitlisted");

        Path list = temp.resolve("sf.csv");
        ok("campaign", "shipping-list", cid, "--out", list.toString(), "--layout", "sf");
        List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("13800000001", "浙江省杭州市西湖区文三路1号");

        Path back = temp.resolve("back.csv");
        Files.writeString(back, "手机号码,运单号\n13800000001,SF100\n13999999999,SF200\n", StandardCharsets.UTF_8);
        JsonNode imported = ok("campaign", "tracking-import", cid, back.toString(), "--carrier", "顺丰速运", "--json");
        assertThat(imported.get("shipped").asInt()).isEqualTo(1);
        assertThat(imported.get("unmatched")).hasSize(1);
        assertThat(cli("campaign", "cancel", cid, Long.toString(iron)).code()).isEqualTo(1); // shipped: not cancelled

        JsonNode report = ok("campaign", "report", cid, "--json");
        assertThat(report.get("claimed").asInt()).isEqualTo(1);
        assertThat(report.get("waitlisted").asInt()).isEqualTo(2);
        assertThat(report.get("shipped").asInt()).isEqualTo(1);
        assertThat(report.get("delivered").asInt()).isZero();
        assertThat(report.get("cost").decimalValue()).isEqualByComparingTo("5.50");
        assertThat(cli("campaign", "report", cid, "--json").out()).contains("\"cost\":5.50", "\"currency\":\"CNY\"");
        assertThat(report.get("currency").asText()).isEqualTo("CNY");
        assertThat(report.has("ordersAfter")).isTrue();

        JsonNode all = ok("campaign", "list", "--json");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("status").asText()).isEqualTo("shipping");
        assertThat(all.get(0).get("stockLeft").asInt()).isZero();
        assertThat(cli("campaign", "report", "999").code()).isEqualTo(1);
    }

    @Test
    void aLayoutIsSavedListedAndABadOneExitsOneWithTheReason() throws Exception {
        ok("campaign", "layout", "save", "网点模板", "--columns", "收件人=name,手机=phone,地址=full_address,物品=gift,备注=text:谢谢");
        JsonNode list = ok("campaign", "layout", "list", "--json");
        assertThat(list.get(0).get("name").asText()).isEqualTo("网点模板");
        assertThat(list.get(0).get("columns").asText()).isEqualTo("收件人=name,手机=phone,地址=full_address,物品=gift,备注=text:谢谢");
        Run bad = cli("campaign", "layout", "save", "坏的", "--columns", "收件人=name,手机=phone,地址=adres");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out() + bad.err()).contains("Column \"地址\": unknown field \"adres\"");
        ok("campaign", "layout", "delete", "网点模板");
        assertThat(ok("campaign", "layout", "list", "--json")).isEmpty();
    }
}
