package com.fankeep.core.bench;

import static com.fankeep.core.bench.TaobaoExportGenerator.CITIES;
import static com.fankeep.core.bench.TaobaoExportGenerator.GIVEN;
import static com.fankeep.core.bench.TaobaoExportGenerator.ITEMS;
import static com.fankeep.core.bench.TaobaoExportGenerator.STATUSES;
import static com.fankeep.core.bench.TaobaoExportGenerator.STREETS;
import static com.fankeep.core.bench.TaobaoExportGenerator.SURNAMES;
import static com.fankeep.core.bench.TaobaoExportGenerator.TIME;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a large synthetic Taobao order export as XLSX (the classic 40 columns, as 千牛 also offers them in Excel) for
 * the XLSX benchmark, streamed with POI's SXSSF (100 rows in memory). Same buyers and skew as the CSV generator;
 * order numbers and phones are text cells without the CSV's ="…" and ' wrappers, amounts numeric cells.
 */
public final class TaobaoXlsxGenerator {

    private static final String[] HEADER = TaobaoExportGenerator.HEADER.split(",");

    private TaobaoXlsxGenerator() {
    }

    /** @return the number of distinct buyers written */
    public static int write(Path file, int rows, long seed) throws IOException {
        int buyers = Math.max(1, (int) Math.round(rows * 0.3));
        SplittableRandom random = new SplittableRandom(seed);
        LocalDateTime start = LocalDateTime.of(2019, 1, 1, 8, 0);
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            Sheet sheet = wb.createSheet("订单列表");
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (int i = 0; i < rows; i++) {
                int buyer = i < buyers ? i : (int) (Math.pow(random.nextDouble(), 2) * buyers);
                row(sheet.createRow(i + 1), i, buyer, random, start.plusMinutes(i * 3L), money);
            }
            wb.write(out);
        } finally {
            wb.close(); // also deletes SXSSF's temporary files
        }
        return buyers;
    }

    private static void row(Row row, int i, int buyer, SplittableRandom r, LocalDateTime when, CellStyle money) {
        String name = SURNAMES[buyer % SURNAMES.length] + GIVEN[(buyer / SURNAMES.length) % GIVEN.length];
        String[] city = CITIES[buyer % CITIES.length];
        String status = STATUSES[r.nextInt(STATUSES.length)];
        String phone = phone(buyer, r);
        int qty = 1 + r.nextInt(3);
        int price = 19 + r.nextInt(200);
        int paid = status.equals("等待买家付款") ? 0 : qty * price + 8;
        boolean shipped = status.equals("交易成功") || status.startsWith("卖家已发货");
        text(row, 0, Long.toString(3_000_000_000_000_000_000L + i));
        text(row, 1, "buyer_" + buyer);
        text(row, 2, "alipay" + buyer + "@example.com");
        number(row, 3, qty * price, money);
        number(row, 4, 8, money);
        number(row, 5, 0, null);
        number(row, 6, qty * price + 8, money);
        number(row, 7, 0, null);
        number(row, 8, paid, money);
        number(row, 9, 0, null);
        text(row, 10, status);
        text(row, 11, i % 7 == 0 ? "请包装好,谢谢" : "");
        text(row, 12, name);
        text(row, 13, city[0] + ' ' + city[1] + ' ' + city[2] + ' ' + STREETS[buyer % STREETS.length] + (buyer % 300 + 1)
                + "号(" + city[3] + ")");
        text(row, 14, "快递");
        text(row, 16, phone);
        text(row, 17, when.format(TIME));
        text(row, 18, status.equals("等待买家付款") ? "" : when.plusMinutes(2).format(TIME));
        text(row, 19, ITEMS[i % ITEMS.length]);
        number(row, 20, 1, null);
        text(row, 21, shipped ? "SF" + (1_000_000_000L + i) : "");
        text(row, 22, shipped ? "顺丰速运" : "");
        text(row, 23, i % 11 == 0 ? "老客户，送小样" : "");
        number(row, 24, qty, null);
        text(row, 25, "57301234");
        text(row, 26, "小满手作工作室");
        text(row, 27, status.equals("交易关闭") ? "买家未付款" : "订单未关闭");
        text(row, 31, "手机订单");
    }

    private static void text(Row row, int col, String value) {
        if (!value.isEmpty()) {
            row.createCell(col).setCellValue(value);
        }
    }

    private static void number(Row row, int col, double value, CellStyle style) {
        var cell = row.createCell(col);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** The same buyer's number written one of the ways real exports write it; a few are masked. */
    private static String phone(int buyer, SplittableRandom r) {
        String n = "13" + (800_000_000L + buyer);
        return switch (r.nextInt(12)) {
            case 0 -> "+86 " + n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
            case 1 -> "86-" + n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7);
            case 2 -> n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7);
            case 3 -> n.substring(0, 3) + "****" + n.substring(7);
            default -> n;
        };
    }
}
