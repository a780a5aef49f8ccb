package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.testing.InProcessCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fankeep.testing.InProcessCli.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign and launch commands print what they printed before {@code --json} became one shared option
 * ({@link JsonOption}): a transcript of a campaign's and a launch's life, with and without {@code --json}, equals the one
 * recorded from the commands as they were (today's dates and times written as &lt;t&gt; and &lt;hh:mm&gt;), JSON keys in
 * their declared order.
 */
class JsonOptionCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void campaignAndLaunchCommandsPrintWhatTheyPrintedBefore() throws IOException {
        Path dir = temp.resolve("data");
        long iron;
        long vip;
        try (Database db = Database.open(dir)) {
            FanData data = new FanData(db);
            iron = data.customer("铁粉甲", "杭州", "iron_fan", false, 5, "CNY", "900.00");
            vip = data.customer("贵宾乙", "杭州", "vip", false, 4, "CNY", "700.00");
            data.exec("insert into shop_order (platform, external_order_id, customer_id, status, currency, ordered_at, receiver_name, "
                    + "receiver_phone, receiver_province, receiver_city, receiver_district, receiver_address) values ('taobao', 'O1', ?, "
                    + "'completed', 'CNY', current_timestamp, '甲', '13800000001', '浙江省', '杭州市', '西湖区', '文三路1号')", iron);
        }
        Transcript t = new Transcript(InProcessCli.over(dir), temp);
        String today = LocalDate.now().toString();
        String in3 = LocalDate.now().plusDays(3).toString();
        String i = Long.toString(iron);
        String v = Long.toString(vip);

        t.run("campaign", "create", "新年贺卡", "--kind", "card", "--gift", "手写贺卡", "--unit-cost", "1.50", "--shipping-cost", "4.00",
                "--currency", "CNY", "--quantity", "1", "--per-customer", "1", "--opens", today, "--closes", in3,
                "--customers", i + "," + v, "--json");
        t.run("campaign", "announce", "1");
        t.run("campaign", "claim", "1", i, "--channel", "wechat", "--json");
        t.run("campaign", "claim", "1", v);
        Path back = temp.resolve("back.csv");
        Files.writeString(back, "手机号码,运单号\n13800000001,SF100\n13999999999,SF200\n", StandardCharsets.UTF_8);
        t.run("campaign", "tracking-import", "1", back.toString(), "--carrier", "顺丰速运", "--json");
        t.run("campaign", "report", "1", "--json");
        t.run("campaign", "report", "1");
        t.run("campaign", "list", "--json");
        t.run("campaign", "list");
        t.run("campaign", "layout", "save", "网点", "--columns", "收件人=name,手机=phone,地址=full_address");
        t.run("campaign", "layout", "list", "--json");
        t.run("campaign", "layout", "list");

        t.run("launch", "create", "春茶", "--product", "春茶礼盒", "--currency", "CNY", "--json");
        t.run("launch", "phase", "1", "trial", "--from", today, "--to", in3, "--tier", "iron_fan");
        t.run("launch", "phase", "1", "first_batch", "--from", today, "--to", in3, "--quota", "1", "--per-customer", "1", "--price", "99");
        t.run("launch", "vote", "1", i, "--choice", "want", "--price-guess", "88");
        t.run("launch", "vote", "1", v, "--choice", "no", "--price-guess", "120");
        t.run("launch", "votes", "1", "--json");
        t.run("launch", "votes", "1");
        t.run("launch", "reserve", "1", i, "--quantity", "1");
        t.run("launch", "reserve", "1", v, "--quantity", "1");
        t.run("launch", "allocate", "1", "--policy", "lottery", "--seed", "3", "--dry-run", "--json");
        t.run("launch", "allocate", "1", "--policy", "tier-time", "--seed", "3", "--json");
        t.run("launch", "orders", "1", "--json");
        t.run("launch", "orders", "1");
        t.run("launch", "trial", "1", "--quantity", "1", "--json");
        t.run("interaction", "add", "--customer", i, "--kind", "feedback", "--channel", "wechat", "--summary", "好喝");
        t.run("launch", "feedback", "1", "--json");
        t.run("launch", "feedback", "1");
        t.run("launch", "report", "1", "--json");
        t.run("launch", "list", "--json");
        t.run("launch", "list");

        String now = t.text();
        if (!now.equals(recorded())) {
            Files.writeString(Path.of("target", "json-option-transcript.actual.txt"), now, StandardCharsets.UTF_8); // to diff
        }
        String[] got = now.split("\n", -1);
        String[] want = recorded().split("\n", -1);
        assertThat(got).as("lines").hasSameSizeAs(want);
        for (int k = 0; k < want.length; k++) {
            JsonNode wanted = json(want[k]);
            if (wanted != null) {
                assertThat(json(got[k])).as(got[k]).isEqualTo(wanted); // the same values (says which differs) …
            }
            // … and every line as recorded, JSON keys in their declared order: the same from one run to the next (the
            // trial and the layouts were a Map.of, whose order each JVM picks anew)
            assertThat(got[k]).isEqualTo(want[k]);
        }
    }

    private static JsonNode json(String line) {
        if (!line.startsWith("{") && !line.startsWith("[")) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (IOException notJson) {
            return null; // a map printed as text ({vip={no=1}})
        }
    }

    private static String recorded() throws IOException {
        try (InputStream in = JsonOptionCliTest.class.getResourceAsStream("/cli/json-option-transcript.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Each command line, its exit code and what it printed, today's dates and times as &lt;t&gt;. */
    private static final class Transcript {
        private final InProcessCli cli;
        private final Path temp;
        private final List<String> lines = new ArrayList<>();

        Transcript(InProcessCli cli, Path temp) {
            this.cli = cli;
            this.temp = temp;
        }

        void run(String... args) {
            Run r = cli.run(args);
            lines.add("$ " + String.join(" ", args) + "  -> " + r.code());
            lines.add(r.out().strip());
            if (!r.err().isBlank()) {
                lines.add("err: " + r.err().strip());
            }
        }

        String text() {
            return String.join("\n", lines).replace("\r", "")
                    .replaceAll("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([+-]\\d{2}:?\\d{2}|Z)?)?", "<t>")
                    .replaceAll("\\b\\d{2}:\\d{2}\\b", "<hh:mm>")
                    .replace(temp.toString(), "<temp>") + "\n";
        }
    }
}
