package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `launch report --xlsx`, `launch trial` and `launch feedback` in process: the workbook holds what `report --json` says. */
class LaunchCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Path dir;
    private long iron;
    private long vip;

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
            iron = data.customer("=cmd|' /C calc'!A0", "iron_fan");
            vip = data.customer("贵宾乙", "vip");
        }
    }

    @Test
    void reportAsAWorkbookTrialAndFeedback() throws Exception {
        String today = LocalDate.now().toString();
        String in3 = LocalDate.now().plusDays(3).toString();
        long id = ok("launch", "create", "春茶", "--product", "春茶礼盒", "--currency", "CNY", "--json").get("id").asLong();
        String lid = Long.toString(id);
        ok("launch", "phase", lid, "warmup", "--from", LocalDate.now().minusDays(5).toString(), "--to", LocalDate.now().minusDays(1).toString());
        ok("launch", "phase", lid, "trial", "--from", today, "--to", in3, "--tier", "iron_fan");
        ok("launch", "phase", lid, "first_batch", "--from", today, "--to", in3, "--quota", "1", "--per-customer", "1", "--price", "99");
        ok("launch", "vote", lid, Long.toString(iron), "--choice", "want", "--price-guess", "88");
        ok("launch", "vote", lid, Long.toString(vip), "--choice", "no", "--price-guess", "120");
        ok("launch", "reserve", lid, Long.toString(iron), "--quantity", "1");
        ok("launch", "reserve", lid, Long.toString(vip), "--quantity", "1");
        ok("launch", "allocate", lid, "--policy", "tier-time", "--seed", "3");

        JsonNode trial = ok("launch", "trial", lid, "--quantity", "1", "--json");
        assertThat(trial.get("fans").asInt()).isEqualTo(1);
        assertThat(cli("launch", "trial", lid, "--quantity", "1").code()).isEqualTo(1); // once per launch
        ok("interaction", "add", "--customer", Long.toString(iron), "--kind", "feedback", "--channel", "wechat", "--summary", "好喝");
        JsonNode feedback = ok("launch", "feedback", lid, "--json");
        assertThat(feedback).hasSize(1);
        assertThat(feedback.get(0).get("summary").asText()).isEqualTo("好喝");

        JsonNode report = ok("launch", "report", lid, "--json");
        Path xlsx = temp.resolve("launch.xlsx");
        Run written = cli("launch", "report", lid, "--xlsx", xlsx.toString());
        assertThat(written.code()).as(written.err()).isZero();
        assertThat(written.out()).contains("launch.xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet phases = wb.getSheetAt(0);
            JsonNode rows = report.get("phases");
            assertThat(phases.getLastRowNum()).isEqualTo(rows.size());
            List<String> numbers = List.of("votes", "wantVotes", "requests", "allocated", "paidOrders", "units", "buyers");
            List<Integer> columns = List.of(6, 7, 10, 11, 12, 13, 15);
            for (int i = 0; i < rows.size(); i++) {
                Row row = phases.getRow(i + 1);
                for (int k = 0; k < numbers.size(); k++) {
                    assertThat(row.getCell(columns.get(k)).getNumericCellValue()).as(numbers.get(k) + " of " + rows.get(i).get("kind"))
                            .isEqualTo(rows.get(i).get(numbers.get(k)).asDouble());
                }
            }
            assertThat(phases.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(2);
            assertThat(phases.getRow(3).getCell(11).getNumericCellValue()).isEqualTo(1);
            Sheet allocations = wb.getSheetAt(4);
            assertThat(allocations.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            Sheet fb = wb.getSheetAt(5);
            assertThat(fb.getRow(1).getCell(4).getStringCellValue()).isEqualTo("好喝");
        }
        Run bad = cli("launch", "report", "999", "--xlsx", temp.resolve("x.xlsx").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(Files.exists(temp.resolve("x.xlsx"))).isFalse();
    }
}
