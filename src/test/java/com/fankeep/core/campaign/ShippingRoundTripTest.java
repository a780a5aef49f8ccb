package com.fankeep.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.TestDatabases;
import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipping list out (SF, KY, generic; injection-safe, masked phones) and the courier's tracking numbers back. */
class ShippingRoundTripTest {

    @TempDir
    Path temp;
    private CampaignFixture f;
    private Campaign c;
    private long a;
    private long b;
    private long d;
    private long e;

    @BeforeEach
    void open() {
        f = new CampaignFixture(TestDatabases.fresh(temp.resolve("db")));
        a = f.fan("王小红", "regular", "13800000001", "漕溪北路1号");
        b = f.fan("=HYPERLINK(\"x\")", "regular", "13800000002", "天钥桥路2号");
        d = f.fan("李四", "regular", "+86 138 0000 0003", "肇嘉浜路3号");
        e = f.fan("赵五", "regular", "13800000004", "衡山路4号");
        c = f.announced(f.picked("贺卡寄送", 10, ClaimPriority.TIME, List.of(a, b, d, e)));
        for (long id : List.of(a, b, d, e)) {
            f.campaigns.claim(c.id(), id, "wechat", false);
        }
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    @Test
    void sfListHasTheCourierHeaderAndTheAddressInOneColumn() throws Exception {
        Path out = temp.resolve("sf.xlsx");
        assertThat(f.campaigns.shippingList(c.id(), out, ShippingLayout.SF, false)).isEqualTo(4);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            Sheet s = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            s.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactlyElementsOf(ShippingLayout.SF_HEADER);
            Row first = s.getRow(1);
            assertThat(first.getCell(header.indexOf("联系人")).getStringCellValue()).isEqualTo("王小红");
            assertThat(first.getCell(header.indexOf("手机号码")).getStringCellValue()).isEqualTo("13800000001");
            assertThat(first.getCell(header.indexOf("收件详细地址")).getStringCellValue()).isEqualTo("上海市徐汇区漕溪北路1号");
            assertThat(first.getCell(header.indexOf("托寄物内容")).getStringCellValue()).isEqualTo("新年贺卡");
            // a name that Excel would run as a formula is written as text
            assertThat(s.getRow(2).getCell(header.indexOf("联系人")).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
        }
    }

    @Test
    void genericCsvIsInjectionSafeAndCanMaskPhones() throws Exception {
        Path out = temp.resolve("list.csv");
        f.campaigns.shippingList(c.id(), out, ShippingLayout.GENERIC, true);
        List<String[]> rows = readCsv(out, StandardCharsets.UTF_8);
        assertThat(rows.get(1)[2]).isEqualTo("138****0001");
        assertThat(rows.get(2)[1]).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(rows).hasSize(5);
    }

    @Test
    void trackingNumbersComeBackByReferenceByPhoneAndByNameAndAddress() throws Exception {
        // 1. SF's own result file: 用户订单号 then 运单号, in GB18030 as SF writes it, with one row that is not ours
        Path sfBack = temp.resolve("sf-back.csv");
        CampaignEntry ea = entry(a);
        writeCsv(sfBack, Charset.forName("GB18030"), List.of(
                new String[] {"用户订单号", "运单号"},
                new String[] {ShippingLayout.reference(c.id(), ea.id()), "SF0001"},
                new String[] {"FK999-1", "SF0999"}));
        TrackingImportResult first = f.campaigns.importTracking(c.id(), sfBack, "顺丰速运");
        assertThat(first.shipped()).isEqualTo(1);
        assertThat(first.unmatched()).singleElement().asString().contains("SF0999");
        assertThat(entry(a).trackingNo()).isEqualTo("SF0001");
        assertThat(entry(a).carrier()).isEqualTo("顺丰速运");

        // 2. our generic list of the other three, filled in by hand: reference kept for b, only the phone for d,
        //    only name + address for e
        Path list = temp.resolve("rest.csv");
        assertThat(f.campaigns.shippingList(c.id(), list, ShippingLayout.GENERIC, false)).isEqualTo(3);
        List<String[]> rows = readCsv(list, StandardCharsets.UTF_8);
        Map<String, String[]> byName = rows.subList(1, rows.size()).stream().collect(Collectors.toMap(r -> r[1], r -> r));
        byName.get("'=HYPERLINK(\"x\")")[10] = "YT0002";
        String[] rd = byName.get("李四");
        rd[0] = "";
        rd[2] = "138-0000-0003";
        rd[6] = ""; // no address: only the phone can match it
        rd[10] = "YT0003";
        String[] re = byName.get("赵五");
        re[0] = "";
        re[2] = "";
        re[6] = "上海市徐汇区 衡山路4号";
        re[10] = "YT0004";
        Path back = temp.resolve("rest-back.csv");
        writeCsv(back, StandardCharsets.UTF_8, rows);
        TrackingImportResult second = f.campaigns.importTracking(c.id(), back, "圆通");
        assertThat(second.unmatched()).isEmpty();
        assertThat(second.shipped()).isEqualTo(3);
        assertThat(List.of(entry(b), entry(d), entry(e))).extracting(CampaignEntry::trackingNo, CampaignEntry::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("YT0002", EntryState.SHIPPED),
                        org.assertj.core.groups.Tuple.tuple("YT0003", EntryState.SHIPPED),
                        org.assertj.core.groups.Tuple.tuple("YT0004", EntryState.SHIPPED));
        assertThat(f.campaigns.find(c.id()).status()).isEqualTo(CampaignStatus.SHIPPING);
        assertThat(f.services.followUps().forCustomer(e)).extracting(com.fankeep.core.followup.FollowUp::reason)
                .contains(com.fankeep.core.followup.FollowUpReason.SEND_TRACKING, com.fankeep.core.followup.FollowUpReason.DELIVERY_CHECK);
        // nothing left to ship: a second import of the same file matches nothing
        assertThat(f.campaigns.importTracking(c.id(), back, "圆通").shipped()).isZero();
    }

    private CampaignEntry entry(long customerId) {
        return f.campaigns.entries(c.id()).stream().filter(x -> x.customerId() == customerId).findFirst().orElseThrow();
    }

    private static List<String[]> readCsv(Path file, Charset cs) throws Exception {
        try (CSVReader r = new CSVReader(new InputStreamReader(Files.newInputStream(file), cs))) {
            List<String[]> rows = r.readAll();
            rows.getFirst()[0] = rows.getFirst()[0].replace("\uFEFF", "");
            return rows;
        }
    }

    private static void writeCsv(Path file, Charset cs, List<String[]> rows) throws Exception {
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(file), cs); CSVWriter csv = new CSVWriter(w)) {
            rows.forEach(csv::writeNext);
        }
    }
}
