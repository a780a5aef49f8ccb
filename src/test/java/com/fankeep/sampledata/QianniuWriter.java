package com.fankeep.sampledata;

import static com.fankeep.sampledata.Catalog.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The newer Taobao/Tmall order export from 千牛 (EXPORT-FORMATS.md §1b): XLSX, the 21 columns in their order, buyer
 * data desensitized. No buyer column at all; 收货地址 is either masked ({@code 江苏省 南京市 建邺区 沙洲街道****}),
 * or Tmall-style with the receiver packed in ({@code 张伟，86-13800138000，上海 上海市 …}), readable or masked
 * ({@code 张**，138****8000，…}). Order numbers are text cells, amounts numeric cells with {@code 0.00}.
 */
final class QianniuWriter {

    static final String FILE = "qianniu_orders_20240315.xlsx";

    static final List<String> HEADER = List.of("订单编号", "支付单号", "买家应付货款", "买家应付邮费", "总金额", "买家实付金额", "订单状态",
            "收货地址", "运送方式", "订单创建时间", "商品标题", "宝贝种类", "物流单号", "物流公司", "备注标签", "商家备注", "宝贝总数量", "开票信息",
            "手机订单", "商品属性SKU", "发货时间");

    /** One order: who (as the address cell shows it), what, status, shipping in cents. */
    record Order(String address, Sku sku, int qty, String status, int shippingCents, String created, String note) {}

    static final String ZHANG_WEI_ADDRESS = "上海 上海市 浦东新区 张杨路588弄梧桐苑12号302室";

    static List<Order> orders() {
        return List.of(
                // Tmall packs the receiver into the address: a full mobile identifies 张伟 (also a classic Taobao buyer)
                new Order("张伟，86-13800138000，" + ZHANG_WEI_ADDRESS, MUG_WHITE, 2, "交易成功", 0, "2024-03-01 10:12:30", null),
                new Order("张伟，13800138000，" + ZHANG_WEI_ADDRESS, CANDLE_OSMANTHUS, 1, "卖家已发货，等待买家确认", 800,
                        "2024-03-10 21:05:00", null),
                // 冯雪 buys on Taobao for the first time
                new Order("冯雪，+86 138 0013 8025，黑龙江省 哈尔滨市 南岗区 西大直街92号", TOTE_CREAM, 1, "等待买家付款", 0,
                        "2024-03-14 23:40:11", null),
                new Order("冯雪，+86 138 0013 8025，黑龙江省 哈尔滨市 南岗区 西大直街92号", SCARF_OAT, 1, "交易成功", 0,
                        "2024-03-02 08:00:00", "老客户"),
                // desensitized: nobody to attach these to (ADR 0007); the same masked receiver twice is still nobody
                new Order("江苏省 南京市 建邺区 沙洲街道****", SCARF_OAT, 1, "交易成功", 0, "2024-02-20 14:22:05", null),
                new Order("张**，138****8000，上海 上海市 浦东新区 ****", MUG_SLATE, 1, "交易成功", 0, "2024-02-25 09:30:00", null),
                new Order("张**，138****8000，上海 上海市 浦东新区 ****", PILLOW_BLUE, 2, "买家已付款，等待卖家发货", 0,
                        "2024-03-13 19:45:10", "加急"),
                new Order("广东省 广州市 天河区 ****", SHIRT_WHITE_M, 1, "交易关闭", 0, "2024-03-05 12:00:00", null));
    }

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static void write(Path dir) throws IOException {
        Random rnd = new Random(20240315_12L);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var core = wb.getProperties().getCoreProperties();
            Date fixed = Date.from(LocalDate.of(2024, 3, 15).atStartOfDay().toInstant(ZoneOffset.UTC));
            core.setCreated(Optional.of(fixed));
            core.setModified(Optional.of(fixed));
            XSSFSheet sheet = wb.createSheet("订单列表");
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            int rowNo = 1;
            for (Order o : orders()) {
                Row row = sheet.createRow(rowNo++);
                int goods = o.sku().cny() * o.qty();
                int total = goods + o.shippingCents();
                boolean unpaid = o.status().equals("等待买家付款");
                boolean shipped = o.status().equals("交易成功") || o.status().startsWith("卖家已发货");
                LocalDateTime created = LocalDateTime.parse(o.created(), TS);
                String tid = "3" + digits(rnd, 18);
                row.createCell(0).setCellValue(tid);
                row.createCell(1).setCellValue(unpaid ? "" : "2024" + digits(rnd, 24));
                cents(row, 2, goods, money);
                cents(row, 3, o.shippingCents(), money);
                cents(row, 4, total, money);
                cents(row, 5, unpaid ? 0 : total, money);
                row.createCell(6).setCellValue(o.status());
                row.createCell(7).setCellValue(o.address());
                row.createCell(8).setCellValue("快递");
                row.createCell(9).setCellValue(o.created());
                row.createCell(10).setCellValue(o.sku().titleCn());
                row.createCell(11).setCellValue(1);
                row.createCell(12).setCellValue(shipped ? "YT" + digits(rnd, 13) : "");
                row.createCell(13).setCellValue(shipped ? "圆通速递" : "");
                row.createCell(14).setCellValue("");
                row.createCell(15).setCellValue(o.note() == null ? "" : o.note());
                row.createCell(16).setCellValue(o.qty());
                row.createCell(17).setCellValue("");
                row.createCell(18).setCellValue("手机订单");
                row.createCell(19).setCellValue(o.sku().attrsCn());
                row.createCell(20).setCellValue(shipped ? created.plusHours(20).format(TS) : "");
            }
            int[] widths = {22, 30, 12, 12, 10, 12, 24, 48, 8, 20, 40, 8};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            Path file = dir.resolve("taobao").resolve(FILE);
            Files.createDirectories(file.getParent());
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            wb.write(raw);
            Files.write(file, SpreadsheetWriter.withFixedEntryTimes(raw.toByteArray()));
        }
    }

    private static void cents(Row row, int col, int cents, CellStyle style) {
        var cell = row.createCell(col);
        cell.setCellValue(cents / 100.0);
        cell.setCellStyle(style);
    }

    private QianniuWriter() {}
}
