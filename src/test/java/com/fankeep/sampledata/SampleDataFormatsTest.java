package com.fankeep.sampledata;

import static com.fankeep.sampledata.SampleFiles.decodeStrict;
import static com.fankeep.sampledata.SampleFiles.hasUtf8Bom;
import static com.fankeep.sampledata.SampleFiles.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Asserts the real-layout properties (docs/EXPORT-FORMATS.md) of the committed sample files. Header
 * literals are copied from the reference document, not from the generator, so a drift in either is caught.
 */
class SampleDataFormatsTest {

    static final Path DIR = Path.of("sample-data");
    static final Charset GBK = Charset.forName("GBK");

    static final String TAOBAO_ORDER_HEADER = "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,"
            + "买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,"
            + "订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,定金排名,修改后的sku,修改后的收货地址,异常信息,"
            + "天猫卡券抵扣,集分宝抵扣,是否是O2O交易";
    static final String TAOBAO_ITEM_HEADER = "订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码";
    static final String SHOPIFY_HEADER = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,"
            + "Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,"
            + "Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,"
            + "Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,"
            + "Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,"
            + "Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,"
            + "Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,"
            + "Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,"
            + "Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,"
            + "Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,"
            + "Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,"
            + "Payment Terms Name,Next Payment Due At,Payment References";
    static final String SHOPIFY_CUSTOMER_HEADER = "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,"
            + "Default Address Company,Default Address Address1,Default Address Address2,Default Address City,"
            + "Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,"
            + "Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags";

    static final Path TB_ORDERS = DIR.resolve("taobao/ExportOrderList202403151030.csv");
    static final Path TB_ITEMS = DIR.resolve("taobao/ExportOrderDetailList202403151030.csv");

    // ------------------------------------------------------------------ helpers

    static byte[] bytes(String rel) throws IOException {
        return Files.readAllBytes(DIR.resolve(rel));
    }

    static String text(Path p, Charset cs) throws IOException {
        return SampleFiles.stripBom(decodeStrict(Files.readAllBytes(p), cs));
    }

    /** Rows as header→value maps (the first row is the header; duplicate names keep the first). */
    record Table(List<String> header, List<List<String>> rows) {
        String get(List<String> row, String column) {
            int i = header.indexOf(column);
            assertThat(i).as("column " + column).isGreaterThanOrEqualTo(0);
            return row.get(i);
        }

        List<String> column(String name) {
            return rows.stream().map(r -> get(r, name)).toList();
        }
    }

    static Table table(Path p, Charset cs) throws IOException {
        List<List<String>> all = parse(text(p, cs));
        Table t = new Table(all.get(0), all.subList(1, all.size()));
        for (List<String> r : t.rows()) {
            assertThat(r).as(p + ": every row has as many fields as the header").hasSameSizeAs(t.header());
        }
        return t;
    }

    static String digitsOnly(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    // ------------------------------------------------------------------ Taobao

    @Test
    void taobaoFilesAreGbkAndNotUtf8() throws IOException {
        for (Path p : List.of(TB_ORDERS, TB_ITEMS)) {
            byte[] b = Files.readAllBytes(p);
            assertThat(decodeStrict(b, GBK)).as(p + " decodes as GBK").startsWith("订单编号,");
            assertThatThrownBy(() -> decodeStrict(b, StandardCharsets.UTF_8)).as(p + " is not UTF-8")
                    .isInstanceOf(CharacterCodingException.class);
            assertThat(hasUtf8Bom(b)).isFalse();
            assertThat(new String(b, GBK)).as("CRLF line endings").contains("\r\n").doesNotContain("\r\n\r\n");
        }
    }

    @Test
    void taobaoHeadersAreExactlyTheDocumentedOnesWithTrailingSpaces() throws IOException {
        String orders = text(TB_ORDERS, GBK);
        assertThat(orders.substring(0, orders.indexOf("\r\n"))).isEqualTo(TAOBAO_ORDER_HEADER);
        Table t = table(TB_ORDERS, GBK);
        assertThat(t.header()).hasSize(40)
                .contains("收货地址 ", "联系电话 ", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ", "联系手机")
                .doesNotContain("收货地址", "联系电话", "物流单号");
        String items = text(TB_ITEMS, GBK);
        assertThat(items.substring(0, items.indexOf("\r\n"))).isEqualTo(TAOBAO_ITEM_HEADER);
    }

    @Test
    void taobaoOrderNumbersAreExcelFormulasInBothFilesAndLinkUp() throws IOException {
        Table orders = table(TB_ORDERS, GBK);
        Table items = table(TB_ITEMS, GBK);
        Pattern tid = Pattern.compile("=\"\\d{19}\"");
        assertThat(orders.column("订单编号")).hasSizeBetween(28, 34).allMatch(v -> tid.matcher(v).matches());
        assertThat(items.column("订单编号")).allMatch(v -> tid.matcher(v).matches());
        assertThat(new HashSet<>(items.column("订单编号"))).isEqualTo(new HashSet<>(orders.column("订单编号")));
        // raw text: the formula is written bare, not as a quoted CSV field
        assertThat(text(TB_ORDERS, GBK)).containsPattern("\r\n=\"\\d{19}\",");
        // several items for the multi-item orders, and 宝贝种类 agrees with the item file
        Map<String, Long> perOrder = items.column("订单编号").stream()
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        assertThat(perOrder.values()).contains(2L, 3L);
        for (List<String> r : orders.rows()) {
            assertThat(Long.parseLong(orders.get(r, "宝贝种类 "))).isEqualTo(perOrder.get(orders.get(r, "订单编号")));
        }
    }

    @Test
    void taobaoRowsCarryTheRealQuirks() throws IOException {
        Table t = table(TB_ORDERS, GBK);
        Pattern address = Pattern.compile("\\S+ \\S+ \\S+ \\S+\\(\\d{6}\\)");
        Pattern ts = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        Set<String> statuses = new HashSet<>();
        int masked = 0;
        for (List<String> r : t.rows()) {
            assertThat(t.get(r, "联系手机")).as("phone with a leading apostrophe").matches("'1380013\\d{4}|'138\\*{4}\\d{4}");
            masked += t.get(r, "联系手机").contains("****") ? 1 : 0;
            assertThat(t.get(r, "收货地址 ")).matches(address);
            assertThat(t.get(r, "订单创建时间")).matches(ts);
            String status = t.get(r, "订单状态");
            statuses.add(status);
            String pay = t.get(r, "订单付款时间 ");
            if (status.equals("等待买家付款") || t.get(r, "订单关闭原因").equals("买家未付款")) {
                assertThat(pay).isEmpty();
                assertThat(t.get(r, "买家实际支付金额")).isEqualTo("0.00");
            } else {
                assertThat(pay).matches(ts);
            }
            boolean shipped = status.equals("交易成功") || status.startsWith("卖家已发货");
            assertThat(t.get(r, "物流单号 ").isEmpty()).as("tracking number iff shipped: " + r).isEqualTo(!shipped);
            assertThat(t.get(r, "物流公司").isEmpty()).isEqualTo(!shipped);
            if (status.equals("交易关闭")) {
                assertThat(t.get(r, "订单关闭原因")).isIn("买家未付款", "退款");
            } else {
                assertThat(t.get(r, "订单关闭原因")).isEqualTo("订单未关闭");
            }
        }
        assertThat(masked).isGreaterThanOrEqualTo(2);
        assertThat(statuses).contains("交易成功", "交易关闭", "卖家已发货，等待买家确认", "等待买家付款", "买家已付款，等待卖家发货");
        assertThat(t.column("订单关闭原因")).contains("买家未付款", "退款");
        assertThat(t.column("买家留言")).anyMatch(m -> m.contains("\n")).anyMatch(m -> m.contains(","));
        // repeat buyers
        Map<String, Long> byNick = t.column("买家会员名").stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        assertThat(byNick.get("zhangwei1988")).isEqualTo(3L);
        // a partial refund shows as one closed item inside a successful order
        Table items = table(TB_ITEMS, GBK);
        Set<String> closedItemOrders = new HashSet<>();
        for (List<String> r : items.rows()) {
            if (items.get(r, "订单状态").equals("交易关闭")) {
                closedItemOrders.add(items.get(r, "订单编号"));
            }
        }
        assertThat(t.rows()).anyMatch(r -> closedItemOrders.contains(t.get(r, "订单编号"))
                && t.get(r, "订单状态").equals("交易成功"));
    }

    @Test
    void taobaoItemAttributesAreQuotedInTheRawFile() throws IOException {
        String raw = text(TB_ITEMS, GBK);
        assertThat(raw).contains(",\"颜色分类：白色;尺码：M\",");
        Table items = table(TB_ITEMS, GBK);
        assertThat(items.column("商品属性")).allMatch(v -> v.matches("[^;：]+：[^;：]+(;[^;：]+：[^;：]+)*"));
        assertThat(items.column("价格")).allMatch(v -> v.matches("\\d+\\.\\d{2}"));
    }

    @Test
    void theRareCharacterIsGbkButNotGb2312AndRoundTrips() throws IOException {
        for (String ch : List.of("喆", "堃")) {
            assertThat(Charset.forName("GB2312").newEncoder().canEncode(ch)).as(ch + " outside GB2312").isFalse();
            assertThat(GBK.newEncoder().canEncode(ch)).as(ch + " inside GBK").isTrue();
        }
        byte[] raw = Files.readAllBytes(TB_ORDERS);
        byte[] zhe = "王喆".getBytes(GBK);
        assertThat(indexOf(raw, zhe)).as("王喆 as GBK bytes in the file").isGreaterThan(0);
        assertThat(text(TB_ORDERS, GBK)).contains("王喆", "喆喆爱购物", "陶堃");
        assertThat(text(DIR.resolve("contacts/outlook_contacts.csv"), GBK)).contains("堃");
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ------------------------------------------------------------------ Shopify

    @Test
    void shopifyOrdersHaveThe79ColumnHeaderAndMultiLineOrders() throws IOException {
        Path p = DIR.resolve("shopify/orders_export_1.csv");
        byte[] b = Files.readAllBytes(p);
        assertThat(hasUtf8Bom(b)).isFalse();
        String text = decodeStrict(b, StandardCharsets.UTF_8);
        assertThat(text.substring(0, text.indexOf('\n'))).isEqualTo(SHOPIFY_HEADER);
        Table t = table(p, StandardCharsets.UTF_8);
        assertThat(t.header()).hasSize(79);
        Set<String> lineColumns = Set.of("Name", "Lineitem quantity", "Lineitem name", "Lineitem price",
                "Lineitem compare at price", "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable",
                "Lineitem fulfillment status", "Vendor", "Lineitem discount");
        Set<String> seen = new HashSet<>();
        int continuation = 0;
        Pattern ts = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\+0800");
        for (List<String> r : t.rows()) {
            String name = t.get(r, "Name");
            assertThat(name).matches("#\\d{4}");
            if (!seen.add(name)) {
                continuation++;
                for (int i = 0; i < r.size(); i++) {
                    if (!lineColumns.contains(t.header().get(i))) {
                        assertThat(r.get(i)).as(name + " continuation row, column " + t.header().get(i)).isEmpty();
                    }
                }
            } else {
                assertThat(t.get(r, "Currency")).isEqualTo("USD");
                assertThat(t.get(r, "Created at")).matches(ts);
                assertThat(t.get(r, "Paid at")).matches(v -> v.isEmpty() || ts.matcher(v).matches());
            }
        }
        assertThat(seen).hasSizeBetween(12, 18);
        assertThat(continuation).isGreaterThanOrEqualTo(3);
        assertThat(t.column("Financial Status")).contains("paid", "refunded", "partially_refunded", "pending");
        assertThat(t.column("Billing Phone")).contains("+1 415-555-0134");
    }

    @Test
    void anOverseasChineseShopifyBuyerIsATaobaoBuyerByPhone() throws IOException {
        Table shop = table(DIR.resolve("shopify/orders_export_1.csv"), StandardCharsets.UTF_8);
        Table tb = table(TB_ORDERS, GBK);
        Set<String> taobaoPhones = tb.column("联系手机").stream().map(SampleDataFormatsTest::digitsOnly)
                .collect(Collectors.toSet());
        boolean found = false;
        for (List<String> r : shop.rows()) {
            String phone = shop.get(r, "Billing Phone");
            if (phone.startsWith("+86") && !shop.get(r, "Shipping Country").equals("CN")) {
                assertThat(phone).as("written differently from Taobao").isNotEqualTo(digitsOnly(phone));
                found |= taobaoPhones.contains(digitsOnly(phone).substring(2));
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void shopifyCustomersCarryLeadingApostrophes() throws IOException {
        Path p = DIR.resolve("shopify/customers_export.csv");
        String text = text(p, StandardCharsets.UTF_8);
        assertThat(text.substring(0, text.indexOf('\n'))).isEqualTo(SHOPIFY_CUSTOMER_HEADER);
        Table t = table(p, StandardCharsets.UTF_8);
        assertThat(t.rows()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(t.column("Customer ID")).allMatch(v -> v.matches("'\\d{13}"));
        assertThat(t.column("Phone")).allMatch(v -> v.matches("'\\+\\d{8,15}"));
        assertThat(t.column("Default Address Phone")).allMatch(v -> v.startsWith("'+"));
        assertThat(t.column("Default Address Zip")).allMatch(v -> v.startsWith("'"));
    }

    // ------------------------------------------------------------------ spreadsheet

    @Test
    void theHandMadeSpreadsheetLooksHandMade() throws IOException {
        try (InputStream in = Files.newInputStream(DIR.resolve("spreadsheet/老客户名单.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getMergedRegions()).extracting(CellRangeAddress::formatAsString).contains("A1:H1");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("老客户");
            assertThat(s.getRow(1)).as("blank row under the title").isNull();
            List<String> header = new ArrayList<>();
            s.getRow(2).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("姓名", "电话", "微信", "QQ", "地址", "备注", "最后购买", "生日");
            assertThat(s.getMergedRegions()).as("a merged group row in the body")
                    .anyMatch(r -> r.getFirstRow() > 2 && r.getFirstColumn() == 0 && r.getLastColumn() == 7);

            int blankRows = 0;
            boolean numericPhone = false;
            boolean fullWidth = false;
            boolean twoNumbers = false;
            boolean wechatOnly = false;
            boolean dateCell = false;
            boolean serialInGeneral = false;
            boolean yyyymmdd = false;
            Set<String> textDates = new HashSet<>();
            for (int i = 3; i <= s.getLastRowNum(); i++) {
                Row r = s.getRow(i);
                if (r == null) {
                    blankRows++;
                    continue;
                }
                Cell phone = r.getCell(1);
                Cell wechat = r.getCell(2);
                Cell last = r.getCell(6);
                if (phone != null && phone.getCellType() == CellType.NUMERIC) {
                    numericPhone |= phone.getNumericCellValue() == 13800138000d
                            && phone.getCellStyle().getDataFormatString().equals("General");
                }
                if (phone != null && phone.getCellType() == CellType.STRING) {
                    String v = phone.getStringCellValue();
                    fullWidth |= v.matches("[０-９]{11}");
                    twoNumbers |= v.matches(".*\\d\\s*[/、]\\s*[+\\d].*");
                }
                wechatOnly |= phone == null && wechat != null && r.getCell(0) != null;
                if (last != null && last.getCellType() == CellType.NUMERIC) {
                    if (DateUtil.isCellDateFormatted(last)) {
                        dateCell = true;
                    } else if (last.getNumericCellValue() > 30000 && last.getNumericCellValue() < 60000) {
                        serialInGeneral = true;
                    } else if (String.valueOf((long) last.getNumericCellValue()).matches("20\\d{6}")) {
                        yyyymmdd = true;
                    }
                }
                if (last != null && last.getCellType() == CellType.STRING) {
                    textDates.add(last.getStringCellValue());
                }
                Cell birthday = r.getCell(7);
                if (birthday != null) {
                    assertThat(birthday.getStringCellValue()).matches("\\d{1,2}月\\d{1,2}日");
                }
            }
            assertThat(blankRows).isGreaterThanOrEqualTo(2);
            assertThat(numericPhone).as("numeric phone cell 13800138000 in General format").isTrue();
            assertThat(fullWidth).as("full-width digits").isTrue();
            assertThat(twoNumbers).as("two numbers in one cell").isTrue();
            assertThat(wechatOnly).as("WeChat-only contact").isTrue();
            assertThat(dateCell).as("real date cell").isTrue();
            assertThat(serialInGeneral).as("Excel serial in a General cell").isTrue();
            assertThat(yyyymmdd).as("yyyymmdd number").isTrue();
            assertThat(textDates).anyMatch(v -> v.matches("\\d{4}\\.\\d{1,2}\\.\\d{1,2}"))
                    .anyMatch(v -> v.matches("\\d{4}年\\d{1,2}月\\d{1,2}日"))
                    .anyMatch(v -> v.matches("\\d{2}/\\d{2}/\\d{2}"));
            assertThat(s.getColumnWidth(1)).as("phone column narrow enough for 1.38E+10").isLessThan(11 * 256);
        }
    }

    // ------------------------------------------------------------------ encodings and BOMs

    @Test
    void bomsAndEncodingsAreAsDocumented() throws IOException {
        for (String f : List.of("pinduoduo/orders_export2024-03-15-10-00-00.csv", "douyin/1710468000_new.csv",
                "contacts/google_contacts.csv")) {
            byte[] b = bytes(f);
            assertThat(hasUtf8Bom(b)).as(f + " starts with EF BB BF").isTrue();
            decodeStrict(b, StandardCharsets.UTF_8);
        }
        for (String f : List.of("shopify/orders_export_1.csv", "shopify/customers_export.csv",
                "youzan/youzan_orders_20240315.csv", "youzan/youzan_customers_20240315.csv",
                "etsy/EtsySoldOrders2024-3.csv", "etsy/EtsySoldOrderItems2024-3.csv",
                "ebay/eBay-OrdersReport-Mar-15-2024.csv", "woocommerce/orders-export-2024-03-15.csv",
                "contacts/android_contacts_vcard21.vcf", "contacts/iphone_contacts_vcard30.vcf")) {
            byte[] b = bytes(f);
            assertThat(hasUtf8Bom(b)).as(f + " has no BOM").isFalse();
            decodeStrict(b, StandardCharsets.UTF_8);
        }
        for (String f : List.of("jd/jd_orders_20240315.csv", "contacts/outlook_contacts.csv")) {
            byte[] b = bytes(f);
            decodeStrict(b, GBK);
            assertThatThrownBy(() -> decodeStrict(b, StandardCharsets.UTF_8)).as(f + " is GBK, not UTF-8")
                    .isInstanceOf(CharacterCodingException.class);
        }
    }

    // ------------------------------------------------------------------ Chinese platforms

    @Test
    void jdRepeatsOrderMoneyOnEverySkuRow() throws IOException {
        Path p = DIR.resolve("jd/jd_orders_20240315.csv");
        Table t = table(p, GBK);
        assertThat(t.header()).hasSize(30).contains("商家备注等级（等级1-5为由高到低）");
        Map<String, Set<String>> amounts = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        for (List<String> r : t.rows()) {
            amounts.computeIfAbsent(t.get(r, "订单号"), k -> new HashSet<>()).add(t.get(r, "订单金额"));
            rows.merge(t.get(r, "订单号"), 1, Integer::sum);
        }
        assertThat(rows.values()).contains(2, 3);
        assertThat(amounts.values()).allMatch(v -> v.size() == 1);
        assertThat(t.column("联系电话")).anyMatch(v -> v.matches("1\\*{6}\\d{4}"));
        assertThat(t.column("订单状态")).contains("完成", "(删除)等待出库", "已取消");
        assertThat(text(p, GBK)).contains(",\"张伟\",").contains(",\"13800138000\",");
    }

    @Test
    void pinduoduoAppendsTabsToIdsNumbersAndTimes() throws IOException {
        Table t = table(DIR.resolve("pinduoduo/orders_export2024-03-15-10-00-00.csv"), StandardCharsets.UTF_8);
        assertThat(t.header()).hasSize(49).startsWith("商品", "订单号").contains("商品总价(元)", "商家编码-SKU维度");
        assertThat(t.column("订单号")).allMatch(v -> v.matches("\\d{6}-\\d{15}\t"));
        assertThat(t.column("商品数量(件)")).allMatch(v -> v.matches("\\d+\t"));
        assertThat(t.column("支付时间")).contains("\t").anyMatch(v -> v.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\t"));
        assertThat(t.column("订单状态")).contains("已签收", "待支付", "已取消", "已签收，退款成功");
        assertThat(t.column("商品规格")).anyMatch(v -> v.contains(","));
    }

    @Test
    void youzanHasTheDuplicatedHeaderAndTrailingCommaCustomers() throws IOException {
        Table t = table(DIR.resolve("youzan/youzan_orders_20240315.csv"), StandardCharsets.UTF_8);
        assertThat(t.header()).hasSize(60);
        assertThat(t.header().stream().filter("分销员"::equals).count()).isEqualTo(2);
        assertThat(t.column("订单星级")).allMatch(" "::equals);
        assertThat(t.column("订单风险标签")).allMatch("——"::equals);
        assertThat(t.column("订单号")).allMatch(v -> v.matches("E\\d{22}"));
        assertThat(t.column("分销员")).anyMatch(v -> !v.isEmpty());
        String customers = text(DIR.resolve("youzan/youzan_customers_20240315.csv"), StandardCharsets.UTF_8);
        assertThat(customers.substring(0, customers.indexOf("\r\n"))).startsWith("客户姓名,客户昵称,客户手机号,").endsWith("指定时间消费金额,");
        Table c = table(DIR.resolve("youzan/youzan_customers_20240315.csv"), StandardCharsets.UTF_8);
        assertThat(c.header()).hasSize(35).endsWith("");
        assertThat(c.column("客户手机号")).allMatch(v -> v.matches("138\\*{6}\\d{2}"));
    }

    @Test
    void douyinQuotesTabPrefixedIdsAndEncryptsReceivers() throws IOException {
        Path p = DIR.resolve("douyin/1710468000_new.csv");
        String raw = text(p, StandardCharsets.UTF_8);
        assertThat(raw).contains("\"\t69").contains(",\"-\",");
        Table t = table(p, StandardCharsets.UTF_8);
        assertThat(t.header()).hasSize(21);
        assertThat(t.column("主订单编号")).allMatch(v -> v.matches("\t\\d{19}"));
        assertThat(t.column("收件人")).allMatch(v -> v.endsWith("密文"));
        assertThat(t.column("收件人手机号")).contains("##密文", "$$密文");
        assertThat(t.column("订单应付金额")).contains("0.00");
        assertThat(t.column("取消原因")).contains("主品订单售后完成");
        assertThat(t.column("售后状态")).contains("退款成功");
    }

    // ------------------------------------------------------------------ overseas platforms

    @Test
    void etsyUsesShortUsDatesAndHasNoPhoneOrEmail() throws IOException {
        Table orders = table(DIR.resolve("etsy/EtsySoldOrders2024-3.csv"), StandardCharsets.UTF_8);
        Table items = table(DIR.resolve("etsy/EtsySoldOrderItems2024-3.csv"), StandardCharsets.UTF_8);
        assertThat(orders.header()).hasSize(33);
        assertThat(items.header()).hasSize(29);
        assertThat(orders.column("Sale Date")).allMatch(v -> v.matches("03/\\d\\d/24"));
        assertThat(orders.header()).noneMatch(h -> h.contains("Phone") || h.contains("Email"));
        Set<String> orderIds = new HashSet<>(orders.column("Order ID"));
        assertThat(new HashSet<>(items.column("Order ID"))).isEqualTo(orderIds);
        assertThat(items.rows().size()).isGreaterThan(orders.rows().size());
    }

    @Test
    void ebayHasABlankFirstLineAndTrailerLines() throws IOException {
        String text = text(DIR.resolve("ebay/eBay-OrdersReport-Mar-15-2024.csv"), StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\r\n", -1));
        assertThat(lines.get(0)).isEmpty();
        assertThat(lines.get(1)).startsWith("Sales Record Number,Order Number,Buyer Username,");
        assertThat(lines.get(1).split(",", -1)).hasSize(51);
        long orders = lines.stream().filter(l -> l.matches("\\d{4},\\d{2}-\\d{5}-\\d{5},.*")).count();
        assertThat(text).contains("\r\n" + orders + " record(s) downloaded,,,\r\n").contains("Seller ID : ");
        assertThat(text).containsPattern(",\\$\\d+\\.\\d\\d,").containsPattern(",Mar-\\d\\d-24,");
    }

    @Test
    void wooCommerceUsesTheSkyVergeLegacyLayout() throws IOException {
        Table t = table(DIR.resolve("woocommerce/orders-export-2024-03-15.csv"), StandardCharsets.UTF_8);
        assertThat(t.header()).hasSize(43).startsWith("order_id", "order_number_formatted");
        assertThat(t.column("date")).allMatch(v -> v.matches("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}"));
        assertThat(t.column("order_total")).allMatch(v -> v.matches("\\d+(\\.\\d{1,2})?"));
        assertThat(t.column("order_item_1")).allMatch(v -> v.matches("product_id:\\d+\\|\\d+\\|[\\d.]+\\|.+"));
        assertThat(t.column("order_notes")).anyMatch(v -> v.contains("|"));
    }

    // ------------------------------------------------------------------ contacts

    @Test
    void vcard21IsQuotedPrintableUtf8WithSoftLineBreaks() throws IOException {
        String v = text(DIR.resolve("contacts/android_contacts_vcard21.vcf"), StandardCharsets.UTF_8);
        assertThat(v).startsWith("BEGIN:VCARD\r\nVERSION:2.1\r\n").contains("=\r\n");
        assertThat(v.replace("\r\n", "")).doesNotContain("\n");
        assertThat(v).contains("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=BC=9F;;;\r\n");
        Matcher m = Pattern.compile("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:((?:=[0-9A-F]{2})+)\r\n").matcher(v);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(decodeQp(m.group(1)));
        }
        assertThat(names).contains("张伟", "王喆");
    }

    static String decodeQp(String qp) {
        String s = qp.replace("=\r\n", "");
        byte[] out = new byte[s.length() / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(i * 3 + 1, i * 3 + 3), 16);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void vcard30IsIphoneStyleWithGroupingAndFolding() throws IOException {
        byte[] b = bytes("contacts/iphone_contacts_vcard30.vcf");
        String v = decodeStrict(b, StandardCharsets.UTF_8);
        assertThat(v).contains("VERSION:3.0\r\n", "item1.TEL;type=pref:", "item1.X-ABLabel:", "\r\n ", "N:;林晓雨;;;");
        for (String line : v.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("folded at 75 octets: " + line).isLessThanOrEqualTo(75);
        }
        assertThat(v.replace("\r\n ", "")).contains("淘宝 xiaoyu_lin\\, 微信 linxy_van\\;");
    }

    @Test
    void googleAndOutlookContactCsvs() throws IOException {
        Table g = table(DIR.resolve("contacts/google_contacts.csv"), StandardCharsets.UTF_8);
        assertThat(g.header()).startsWith("First Name", "Middle Name", "Last Name").contains("Labels", "Phone 1 - Value");
        assertThat(g.column("Phone 1 - Value")).anyMatch(v -> v.contains(" ::: "));
        assertThat(g.column("Labels")).allMatch(v -> v.startsWith("* myContacts"));
        Table o = table(DIR.resolve("contacts/outlook_contacts.csv"), GBK);
        assertThat(o.header()).hasSize(61).startsWith("First Name", "Middle Name", "Last Name").endsWith("Notes");
        assertThat(o.column("Mobile Phone")).anyMatch(v -> v.contains(" "));
    }

    // ------------------------------------------------------------------ across files

    private static final Pattern CN_MOBILE = Pattern.compile("(?<![0-9A-Za-z+])1[3-9]\\d{9}(?!\\d)");

    @Test
    void everyChineseMobileInEveryFileIsFromTheInventedRange() throws IOException {
        int seen = 0;
        for (String f : SampleFiles.list(DIR)) {
            if (f.endsWith(".xlsx") || f.endsWith(".md") || f.startsWith(".")) {
                continue;
            }
            Charset cs = f.startsWith("taobao/") || f.startsWith("jd/") || f.endsWith("outlook_contacts.csv") ? GBK
                    : StandardCharsets.UTF_8;
            String t = text(DIR.resolve(f), cs);
            Matcher m = CN_MOBILE.matcher(t);
            while (m.find()) {
                seen++;
                assertThat(m.group()).as(f + " holds a mobile outside 138 0013 xxxx").startsWith("1380013");
            }
        }
        assertThat(seen).isGreaterThan(50);
    }

    @Test
    void theSamePersonAppearsAcrossPlatformsWrittenDifferently() throws IOException {
        // 张伟, 13800138000: the same number in five spellings across seven files
        assertThat(text(TB_ORDERS, GBK)).contains("'13800138000");
        assertThat(text(DIR.resolve("shopify/orders_export_1.csv"), StandardCharsets.UTF_8)).contains("+86 138 0013 8000");
        assertThat(text(DIR.resolve("jd/jd_orders_20240315.csv"), GBK)).contains("\"13800138000\"");
        assertThat(text(DIR.resolve("pinduoduo/orders_export2024-03-15-10-00-00.csv"), StandardCharsets.UTF_8))
                .contains("13800138000\t");
        assertThat(text(DIR.resolve("contacts/android_contacts_vcard21.vcf"), StandardCharsets.UTF_8))
                .contains("TEL;CELL:13800138000");
        try (InputStream in = Files.newInputStream(DIR.resolve("spreadsheet/老客户名单.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> phones = new ArrayList<>();
            for (Row r : wb.getSheetAt(0)) {
                Cell c = r.getCell(1);
                if (c != null && r.getRowNum() > 2) {
                    phones.add(c.getCellType() == CellType.NUMERIC ? String.format("%.0f", c.getNumericCellValue())
                            : c.getStringCellValue());
                }
            }
            assertThat(phones).contains("13800138000", "138-0013-8000", "１３８００１３８００４");
        }
    }
}
