package com.fankeep.core.launch;

import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.SpreadsheetSafe;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A launch's report as a workbook. Sheets, in order: figures per phase ({@link #PHASE_COLUMNS}), revenue at each price,
 * votes by tier, price guesses (summary, then the histogram), allocations with their reasons, the trial's feedback.
 * Text cells pass through {@link SpreadsheetSafe} (names and answers are typed by people); the file is written to a
 * temporary file beside it and moved into place when complete, so a failed export leaves nothing half-written.
 */
final class LaunchReportWorkbook {

    /** The columns of the phase sheet (keys under launches.xlsx.col.); tests read the cells by these positions. */
    static final List<String> PHASE_COLUMNS = List.of("phase", "from", "to", "price", "currency", "reached", "votes", "want",
            "guessMedian", "guessVsPrice", "requests", "allocated", "paidOrders", "units", "revenue", "buyers", "newBuyers",
            "returningBuyers", "vipBoughtAfter", "vipSpendAfter");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LaunchReportWorkbook() {
    }

    static void write(Path out, LaunchReport report, VoteResults votes, List<AllocationLine> allocations, Messages m, ZoneId zone)
            throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".fankeep-launch-", ".part");
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            try (OutputStream os = Files.newOutputStream(temp)) {
                new Sheets(wb, m, zone).all(report, votes, allocations);
                wb.write(os);
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            wb.dispose();
            wb.close();
            Files.deleteIfExists(temp);
        }
    }

    /** Writes the sheets of one workbook. */
    private record Sheets(SXSSFWorkbook wb, Messages m, ZoneId zone) {

        void all(LaunchReport r, VoteResults votes, List<AllocationLine> allocations) {
            phases(r);
            revenue(r);
            votesByTier(votes);
            guesses(r.launch(), votes);
            allocations(allocations);
            feedback(r.feedback());
        }

        private void phases(LaunchReport r) {
            Sheet s = sheet("phases", PHASE_COLUMNS.stream().map(c -> m.get("launches.xlsx.col." + c)).toList());
            BigDecimal finalPrice = r.launch().plannedPrice();
            int i = 1;
            for (PhaseReport p : r.phases()) {
                Row row = s.createRow(i++);
                int c = 0;
                text(row, c++, phase(p.kind()));
                text(row, c++, time(p.from()));
                text(row, c++, time(p.to()));
                number(row, c++, p.price());
                text(row, c++, r.launch().currency());
                number(row, c++, p.reached() == null ? null : BigDecimal.valueOf(p.reached()));
                number(row, c++, p.votes());
                number(row, c++, p.wantVotes());
                number(row, c++, p.guessMedian());
                // a guess is held against the final price: the public one, else the VIP one
                number(row, c++, p.guessMedian() == null || finalPrice == null ? null : p.guessMedian().subtract(finalPrice));
                number(row, c++, p.requests());
                number(row, c++, p.allocated());
                number(row, c++, p.paidOrders());
                number(row, c++, p.units());
                number(row, c++, p.revenue());
                number(row, c++, p.buyers());
                number(row, c++, p.newBuyers());
                number(row, c++, p.returningBuyers());
                number(row, c++, p.vipBoughtAfter());
                number(row, c, p.vipSpendAfter());
            }
        }

        private void revenue(LaunchReport r) {
            Sheet s = sheet("revenue", cols("phase", "unitPrice", "revenue", "currency"));
            int i = 1;
            for (PhaseReport p : r.phases()) {
                for (Map.Entry<BigDecimal, BigDecimal> e : p.revenueByPrice().entrySet()) {
                    Row row = s.createRow(i++);
                    text(row, 0, phase(p.kind()));
                    number(row, 1, e.getKey());
                    number(row, 2, e.getValue());
                    text(row, 3, r.launch().currency());
                }
            }
        }

        private void votesByTier(VoteResults votes) {
            Sheet s = sheet("votes", cols("tier", "choice", "fans"));
            int i = 1;
            for (var tier : votes.byTier().entrySet()) {
                for (var choice : tier.getValue().entrySet()) {
                    Row row = s.createRow(i++);
                    text(row, 0, m.get("launch.tier." + tier.getKey()));
                    text(row, 1, choice(choice.getKey()));
                    number(row, 2, choice.getValue());
                }
            }
        }

        private void guesses(Launch l, VoteResults votes) {
            Sheet s = sheet("guesses", cols("figure", "value"));
            PriceStats g = votes.guesses();
            BigDecimal vip = l.phase(PhaseKind.FIRST_BATCH).map(LaunchPhase::price).orElse(null);
            BigDecimal pub = l.phase(PhaseKind.PUBLIC).map(LaunchPhase::price).orElse(null);
            List<BigDecimal> all = votes.current().stream().map(Vote::priceGuess).filter(java.util.Objects::nonNull).toList();
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {"count", BigDecimal.valueOf(g.count())});
            rows.add(new Object[] {"min", g.min()});
            rows.add(new Object[] {"q1", g.q1()});
            rows.add(new Object[] {"median", g.median()});
            rows.add(new Object[] {"q3", g.q3()});
            rows.add(new Object[] {"max", g.max()});
            rows.add(new Object[] {"vipPrice", vip});
            rows.add(new Object[] {"publicPrice", pub});
            rows.add(new Object[] {"atOrAboveVip", vip == null ? null : BigDecimal.valueOf(all.stream().filter(x -> x.compareTo(vip) >= 0).count())});
            rows.add(new Object[] {"atOrAbovePublic", pub == null ? null : BigDecimal.valueOf(all.stream().filter(x -> x.compareTo(pub) >= 0).count())});
            int i = 1;
            for (Object[] r : rows) {
                Row row = s.createRow(i++);
                text(row, 0, m.get("launches.xlsx.guess." + r[0]));
                number(row, 1, (BigDecimal) r[1]);
            }
            i++;
            Row head = s.createRow(i++);
            List<String> h = cols("binFrom", "binTo", "fans");
            for (int c = 0; c < h.size(); c++) {
                text(head, c, h.get(c));
            }
            for (PriceStats.Bin b : g.histogram()) {
                Row row = s.createRow(i++);
                number(row, 0, b.from());
                number(row, 1, b.to());
                number(row, 2, b.count());
            }
        }

        private void allocations(List<AllocationLine> lines) {
            Sheet s = sheet("allocations", cols("customerId", "name", "tier", "requested", "requestedAt", "channel", "state",
                    "allocated", "waitlist", "reason"));
            int i = 1;
            for (AllocationLine a : lines) {
                Row row = s.createRow(i++);
                number(row, 0, a.customerId());
                text(row, 1, a.name());
                text(row, 2, m.get("launch.tier." + (a.tier() == null ? "none" : a.tier())));
                number(row, 3, a.requested());
                text(row, 4, time(a.requestedAt()));
                text(row, 5, a.channel());
                text(row, 6, m.get("launches.xlsx.state." + a.state()));
                number(row, 7, a.allocated());
                number(row, 8, a.waitlistPosition() == null ? null : BigDecimal.valueOf(a.waitlistPosition()));
                text(row, 9, a.reason());
            }
        }

        private void feedback(List<TrialFeedback> feedback) {
            Sheet s = sheet("feedback", cols("customerId", "name", "at", "channel", "summary", "body"));
            int i = 1;
            for (TrialFeedback f : feedback) {
                Row row = s.createRow(i++);
                number(row, 0, f.customerId());
                text(row, 1, f.name());
                text(row, 2, time(f.at()));
                text(row, 3, f.channel());
                text(row, 4, f.summary());
                text(row, 5, f.body());
            }
        }

        private Sheet sheet(String key, List<String> header) {
            Sheet s = wb.createSheet(WorkbookUtil.createSafeSheetName(m.get("launches.xlsx.sheet." + key)));
            Row row = s.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                text(row, i, header.get(i));
            }
            return s;
        }

        private List<String> cols(String... keys) {
            return java.util.Arrays.stream(keys).map(k -> m.get("launches.xlsx.col." + k)).toList();
        }

        private String phase(PhaseKind k) {
            return m.get("launches.xlsx.phase." + k.code());
        }

        private String choice(String c) {
            return "want".equals(c) || "no".equals(c) ? m.get("launches.xlsx.choice." + c) : c;
        }

        private String time(OffsetDateTime t) {
            return t == null ? null : t.atZoneSameInstant(zone).format(TIME);
        }

        private static void text(Row row, int col, String v) {
            if (v != null) {
                row.createCell(col).setCellValue(SpreadsheetSafe.text(v));
            }
        }

        private static void number(Row row, int col, BigDecimal v) {
            if (v != null) {
                row.createCell(col).setCellValue(v.doubleValue());
            }
        }

        private static void number(Row row, int col, long v) {
            row.createCell(col).setCellValue(v);
        }
    }
}
