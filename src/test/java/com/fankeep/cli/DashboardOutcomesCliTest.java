package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `report dashboard` carries the campaign and launch outcomes, row for row the figures of `campaign report` and
 * `launch report` (the dashboard takes them from those services), in its JSON and as two sheets of its workbook.
 */
class DashboardOutcomesCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path dir;

    private JsonNode ok(String... args) throws Exception {
        Run r = InProcessCli.over(dir).run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return List.of(args).contains("--json") ? JSON.readTree(r.out()) : null;
    }

    @Test
    void campaignAndLaunchOutcomesAreTheirReportsFigures() throws Exception {
        dir = temp.resolve("data");
        long iron;
        long vip;
        try (Database db = Database.open(dir)) {
            FanData data = new FanData(db);
            iron = data.customer("铁粉甲", "杭州", "iron_fan", false, 5, "CNY", "900.00");
            vip = data.customer("贵宾乙", "杭州", "vip", false, 4, "CNY", "700.00");
            data.customer("群友丙", "上海", "regular", false, 1, "CNY", "50.00");
        }
        ok("segment", "save", "铁粉和贵宾", "tier = iron_fan OR tier = vip");
        LocalDate today = LocalDate.now();
        String cid = ok("campaign", "create", "新年贺卡", "--kind", "card", "--gift", "手写贺卡", "--unit-cost", "1.50",
                "--shipping-cost", "4.00", "--currency", "CNY", "--quantity", "5", "--per-customer", "1", "--opens", today.toString(),
                "--closes", today.plusDays(7).toString(), "--audience", "铁粉和贵宾", "--priority", "tier", "--message", "{name}",
                "--json").get("id").asText();
        ok("campaign", "announce", cid);
        ok("campaign", "claim", cid, Long.toString(iron), "--json");
        ok("campaign", "ship", cid, Long.toString(iron), "--carrier", "顺丰速运", "--tracking", "SF1");

        String lid = ok("launch", "create", "春季新品", "--product", "帆布包", "--sku", "BAG*", "--currency", "CNY", "--quantity", "1",
                "--json").get("id").asText();
        ok("launch", "phase", lid, "first_batch", "--from", today.toString(), "--to", today.plusDays(3).toString(), "--quota", "1",
                "--per-customer", "1", "--price", "99", "--audience", "铁粉和贵宾");
        ok("launch", "start", lid, "first_batch");
        ok("launch", "reserve", lid, Long.toString(iron), "--quantity", "1");
        ok("launch", "reserve", lid, Long.toString(vip), "--quantity", "1");
        ok("launch", "allocate", lid, "--policy", "time");

        JsonNode dashboard = ok("report", "dashboard", "--json");
        JsonNode campaigns = chart(dashboard, "campaigns");
        JsonNode c = ok("campaign", "report", cid, "--days", "30", "--json");
        assertThat(campaigns.get("rows")).hasSize(1);
        JsonNode row = campaigns.get("rows").get(0);
        assertThat(row.get("label").asText()).isEqualTo("新年贺卡 (CNY)");
        assertThat(values(row)).usingElementComparator(BigDecimal::compareTo).containsExactly(c.get("invited").decimalValue(), c.get("claimed").decimalValue(),
                c.get("shipped").decimalValue(), c.get("ordersAfter").decimalValue(), c.get("cost").decimalValue(),
                c.get("netSpendAfter").decimalValue());
        assertThat(values(row).subList(0, 3)).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal(2), BigDecimal.ONE, BigDecimal.ONE);
        assertThat(row.get("link").get("page").asText()).isEqualTo("campaign");
        assertThat(row.get("link").get("id").asText()).isEqualTo(cid);

        JsonNode launches = chart(dashboard, "launches");
        JsonNode l = ok("launch", "report", lid, "--json");
        long reached = 0;
        long requests = 0;
        long allocated = 0;
        long paid = 0;
        for (JsonNode p : l.get("phases")) {
            reached += p.get("reached").asLong();
            requests += p.get("requests").asLong();
            allocated += p.get("allocated").asLong();
            paid += p.get("paidOrders").asLong();
        }
        JsonNode lrow = launches.get("rows").get(0);
        assertThat(values(lrow).subList(0, 4)).usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.valueOf(reached), BigDecimal.valueOf(requests),
                BigDecimal.valueOf(allocated), BigDecimal.valueOf(paid));
        assertThat(values(lrow).subList(0, 3)).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal(2), new BigDecimal(2), BigDecimal.ONE);
        assertThat(lrow.get("link").get("page").asText()).isEqualTo("launch");

        Path book = temp.resolve("dashboard.xlsx");
        ok("report", "dashboard", "--xlsx", book.toString());
        try (XSSFWorkbook wb = new XSSFWorkbook(book.toFile())) {
            Sheet sheet = wb.getSheet("Gift campaign outcomes");
            assertThat(sheet).as("sheets: %s", names(wb)).isNotNull();
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Audience");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("新年贺卡 (CNY)");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1.0);
            assertThat(wb.getSheet("Limited launch outcomes")).as("sheets: %s", names(wb)).isNotNull();
        }
    }

    private static List<String> names(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        wb.forEach(s -> out.add(s.getSheetName()));
        return out;
    }

    private static JsonNode chart(JsonNode dashboard, String key) {
        for (JsonNode c : dashboard.get("charts")) {
            if (c.get("key").asText().equals(key)) {
                return c;
            }
        }
        throw new AssertionError("no chart " + key + " in " + dashboard.get("charts"));
    }

    private static List<BigDecimal> values(JsonNode row) {
        List<BigDecimal> out = new ArrayList<>();
        row.get("values").forEach(v -> out.add(v.decimalValue()));
        return out;
    }
}
