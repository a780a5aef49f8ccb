package com.fankeep.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.shared.Messages;
import com.fankeep.testing.TestDatabases;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report workbook opened with POI: its figures against the report and against counts made here from the seeded data. */
class LaunchReportExportTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-06T12:00:00+08:00");
    private static final String EVIL = "=HYPERLINK(\"http://x.example\",\"点我\")";

    @TempDir
    Path temp;
    private Database db;
    private LaunchService launches;
    private FanData data;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(temp);
        launches = CoreServices.over(db, Clock.fixed(NOW.toInstant(), ZONE)).launches();
        data = new FanData(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theWorkbookHoldsTheReportsFiguresAndNamesAsText() throws Exception {
        long id = launches.create(new NewLaunch("春茶", "春茶礼盒", "TEA-26*,春茶礼盒", "CNY", 100, null, 24)).id();
        OffsetDateTime warmFrom = OffsetDateTime.parse("2026-11-20T00:00:00+08:00");
        OffsetDateTime from = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");
        OffsetDateTime to = OffsetDateTime.parse("2026-12-03T22:00:00+08:00");
        launches.phase(id, new PhaseSpec(PhaseKind.WARMUP, warmFrom, from.minusHours(1), null, null, null, null, null));
        launches.phase(id, new PhaseSpec(PhaseKind.FIRST_BATCH, from, to, null, null, 5, 1, new BigDecimal("99")));
        launches.phase(id, new PhaseSpec(PhaseKind.PUBLIC, to.plusDays(2), to.plusDays(9), null, null, 100, 5, new BigDecimal("129")));

        Random r = new Random(20261207L);
        String[] tiers = {"iron_fan", "vip", "regular", null};
        List<Long> fans = new ArrayList<>();
        Map<Long, String> tierOf = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            String tier = tiers[i % tiers.length];
            long fan = data.customer(i == 0 ? EVIL : "fan" + i, tier);
            fans.add(fan);
            tierOf.put(fan, tier == null ? "none" : tier);
        }
        // votes: some fans change their mind; only the last answer counts
        Map<Long, String> lastChoice = new HashMap<>();
        Map<Long, BigDecimal> lastGuess = new HashMap<>();
        String[] choices = {"want", "no", "礼盒装"};
        for (int n = 0; n < 14; n++) {
            long fan = fans.get(r.nextInt(fans.size()));
            String choice = choices[r.nextInt(choices.length)];
            BigDecimal guess = r.nextInt(4) == 0 ? null : BigDecimal.valueOf(60 + r.nextInt(100));
            launches.vote(id, fan, choice, guess, "wechat_group");
            lastChoice.put(fan, choice);
            if (guess == null) {
                lastGuess.remove(fan);
            } else {
                lastGuess.put(fan, guess);
            }
        }
        for (int i = 0; i < 7; i++) {
            launches.reserve(id, fans.get(i), 1, from.plusMinutes(i), i % 2 == 0 ? "wechat" : null);
        }
        launches.commit(id, AllocationPolicy.TIER_TIME, 11L, false, Messages.of(Locale.ENGLISH));

        // paid orders of the product in the first batch's window, at two prices; others outside or of other goods
        Map<BigDecimal, BigDecimal> firstRevenue = new TreeMap<>();
        int firstPaid = 0;
        for (int n = 0; n < 30; n++) {
            long buyer = fans.get(r.nextInt(fans.size()));
            boolean ours = r.nextInt(3) > 0;
            OffsetDateTime at = from.minusDays(1).plusHours(r.nextInt(24 * 4));
            boolean paid = r.nextInt(4) > 0;
            BigDecimal price = r.nextBoolean() ? new BigDecimal("99.00") : new BigDecimal("129.00");
            order(n, buyer, paid ? "paid" : "unpaid", at, price, ours ? "TEA-26-" + n : "MUG-" + n, ours ? "春茶礼盒" : "马克杯");
            if (ours && paid && !at.isBefore(from) && !at.isAfter(to)) {
                firstPaid++;
                firstRevenue.merge(price.stripTrailingZeros(), price, BigDecimal::add);
            }
        }

        LaunchReport report = launches.report(id);
        Path out = temp.resolve("out").resolve("春茶报告.xlsx");
        launches.exportReport(id, out, Messages.of(Locale.ENGLISH));

        assertThat(Files.list(out.getParent()).map(p -> p.getFileName().toString()).toList()).containsExactly("春茶报告.xlsx");
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(6);
            Sheet phases = wb.getSheetAt(0);
            assertThat(phases.getLastRowNum()).isEqualTo(report.phases().size());
            for (int i = 0; i < report.phases().size(); i++) {
                PhaseReport p = report.phases().get(i);
                Row row = phases.getRow(i + 1);
                assertThat(num(row, "votes")).isEqualTo(p.votes());
                assertThat(num(row, "want")).isEqualTo(p.wantVotes());
                assertThat(num(row, "requests")).isEqualTo(p.requests());
                assertThat(num(row, "allocated")).isEqualTo(p.allocated());
                assertThat(num(row, "paidOrders")).isEqualTo(p.paidOrders());
                assertThat(num(row, "units")).isEqualTo(p.units());
                assertThat(num(row, "revenue")).isEqualTo(p.revenue().doubleValue());
                assertThat(num(row, "buyers")).isEqualTo(p.buyers());
                assertThat(num(row, "newBuyers")).isEqualTo(p.newBuyers());
                assertThat(num(row, "returningBuyers")).isEqualTo(p.returningBuyers());
                assertThat(num(row, "vipBoughtAfter")).isEqualTo(p.vipBoughtAfter());
            }
            // against this test's own counts
            Row warm = phases.getRow(1);
            Row first = phases.getRow(2);
            assertThat(warm.getCell(0).getStringCellValue()).isEqualTo("Warm-up");
            assertThat(num(warm, "votes")).isEqualTo(lastChoice.size());
            assertThat(num(warm, "want")).isEqualTo(lastChoice.values().stream().filter("want"::equals).count());
            List<BigDecimal> guesses = lastGuess.values().stream().sorted().toList();
            BigDecimal median = median(guesses);
            assertThat(num(warm, "guessMedian")).isEqualTo(median.doubleValue());
            assertThat(num(warm, "guessVsPrice")).isEqualTo(median.subtract(new BigDecimal("129")).doubleValue());
            assertThat(num(first, "requests")).isEqualTo(7);
            assertThat(num(first, "allocated")).isEqualTo(5);
            assertThat(num(first, "paidOrders")).isEqualTo(firstPaid);
            assertThat(num(first, "revenue")).isEqualTo(firstRevenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue());

            Map<Double, Double> byPrice = new HashMap<>();
            Sheet revenue = wb.getSheetAt(1);
            for (int i = 1; i <= revenue.getLastRowNum(); i++) {
                Row row = revenue.getRow(i);
                if (row.getCell(0).getStringCellValue().equals("VIP first batch")) {
                    byPrice.put(row.getCell(1).getNumericCellValue(), row.getCell(2).getNumericCellValue());
                }
            }
            Map<Double, Double> expected = new HashMap<>();
            firstRevenue.forEach((price, sum) -> expected.put(price.doubleValue(), sum.doubleValue()));
            assertThat(byPrice).isEqualTo(expected);

            Map<String, Integer> votesByTier = new TreeMap<>();
            Sheet votes = wb.getSheetAt(2);
            for (int i = 1; i <= votes.getLastRowNum(); i++) {
                Row row = votes.getRow(i);
                votesByTier.merge(row.getCell(0).getStringCellValue() + "/" + row.getCell(1).getStringCellValue(),
                        (int) row.getCell(2).getNumericCellValue(), Integer::sum);
            }
            Messages en = Messages.of(Locale.ENGLISH);
            Map<String, Integer> expectVotes = new TreeMap<>();
            lastChoice.forEach((fan, choice) -> expectVotes.merge(en.get("launch.tier." + tierOf.get(fan)) + "/"
                    + (choice.equals("want") ? "Want it" : choice.equals("no") ? "Not for me" : choice), 1, Integer::sum));
            assertThat(votesByTier).isEqualTo(expectVotes);

            Sheet guessSheet = wb.getSheetAt(3);
            assertThat(guessSheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(guesses.size());
            assertThat(guessSheet.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(median.doubleValue());
            assertThat(guessSheet.getRow(10).getCell(1).getNumericCellValue())
                    .isEqualTo(guesses.stream().filter(g -> g.compareTo(new BigDecimal("129")) >= 0).count());
            int binned = 0;
            for (int i = 13; i <= guessSheet.getLastRowNum(); i++) {
                binned += (int) guessSheet.getRow(i).getCell(2).getNumericCellValue();
            }
            assertThat(binned).isEqualTo(guesses.size());

            Sheet alloc = wb.getSheetAt(4);
            assertThat(alloc.getLastRowNum()).isEqualTo(7);
            int allocated = 0;
            for (int i = 1; i <= 7; i++) {
                allocated += (int) alloc.getRow(i).getCell(7).getNumericCellValue();
                assertThat(alloc.getRow(i).getCell(9).getStringCellValue()).contains("asked");
            }
            assertThat(allocated).isEqualTo(5);
            Cell evil = alloc.getRow(1).getCell(1);
            assertThat(evil.getCellType()).isEqualTo(CellType.STRING);
            assertThat(evil.getStringCellValue()).isEqualTo("'" + EVIL);
            for (Sheet s : wb) {
                for (Row row : s) {
                    for (Cell c : row) {
                        assertThat(c.getCellType()).as(s.getSheetName() + " " + c.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    /** Median the spreadsheet way: the middle one, or the mean of the two middle ones. */
    private static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2).setScale(2, RoundingMode.HALF_UP)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    private static double num(Row row, String column) {
        Cell c = row.getCell(LaunchReportWorkbook.PHASE_COLUMNS.indexOf(column));
        return c == null ? 0 : c.getNumericCellValue();
    }

    private void order(int n, long customer, String status, OffsetDateTime at, BigDecimal price, String sku, String title) {
        data.exec("insert into shop_order (platform, external_order_id, customer_id, status, currency, ordered_at, paid_amount) "
                + "values ('taobao', ?, ?, ?, 'CNY', ?, ?)", "X" + n, customer, status, at, price);
        long order = data.ids("select id from shop_order where external_order_id = ?", "X" + n).getFirst();
        data.exec("insert into order_line (order_id, line_no, sku, title, quantity, unit_price, line_total) values (?, 1, ?, ?, 1, ?, ?)",
                order, sku, title, price, price);
    }
}
