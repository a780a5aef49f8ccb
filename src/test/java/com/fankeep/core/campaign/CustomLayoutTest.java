package com.fankeep.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.testing.TestDatabases;
import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's own courier layout: saved by name, written in its column order (XLSX and CSV), read back, refused when wrong. */
class CustomLayoutTest {

    static final String SPEC = "订单编号=reference,收件人姓名=name,收件人手机=phone,省=province,市=city,区=district,"
            + "收件人地址=address,物品=gift,数量=quantity,备注=text:=1+1 感谢支持,运单号=empty";

    @TempDir
    Path temp;
    private CampaignFixture f;
    private Campaign c;
    private long a;
    private long b;

    @BeforeEach
    void open() {
        f = new CampaignFixture(TestDatabases.fresh(temp.resolve("db")));
        a = f.fan("王小红", "regular", "13800000001", "漕溪北路1号");
        b = f.fan("=HYPERLINK(\"x\")", "regular", "13800000002", "天钥桥路2号");
        c = f.announced(f.picked("贺卡寄送", 10, ClaimPriority.TIME, List.of(a, b)));
        f.campaigns.claim(c.id(), a, "wechat", false);
        f.campaigns.claim(c.id(), b, "wechat", false);
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    @Test
    void aSavedLayoutIsListedAndWritesItsColumnsInOrderInXlsx() throws Exception {
        f.campaigns.saveLayout("韵达网点", SPEC);
        assertThat(f.campaigns.layouts()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("韵达网点");
            assertThat(l.spec()).isEqualTo(SPEC);
        });
        Path out = temp.resolve("yd.xlsx");
        assertThat(f.campaigns.shippingList(c.id(), out, "韵达网点", false)).isEqualTo(2);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            Sheet s = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            s.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("订单编号", "收件人姓名", "收件人手机", "省", "市", "区", "收件人地址", "物品", "数量", "备注", "运单号");
            Row first = s.getRow(1);
            CampaignEntry ea = entry(a);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(ShippingLayout.reference(c.id(), ea.id()));
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("王小红");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("13800000001");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("上海市");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("徐汇区");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("漕溪北路1号");
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("新年贺卡");
            assertThat(first.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(1.0);
            // the owner's fixed text and a customer's name are written as text, never as a formula
            assertThat(first.getCell(9).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(9).getStringCellValue()).isEqualTo("'=1+1 感谢支持");
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(first.getCell(10)).isNull();
        }
        // saved again under the same name: replaced, not added
        f.campaigns.saveLayout("韵达网点", "收件人=name,电话=phone,详细地址=full_address");
        assertThat(f.campaigns.layouts()).singleElement().extracting(CustomLayout::spec)
                .isEqualTo("收件人=name,电话=phone,详细地址=full_address");
    }

    @Test
    void aCsvInTheLayoutComesBackThroughTheTrackingImport() throws Exception {
        f.campaigns.saveLayout("韵达网点", SPEC);
        Path out = temp.resolve("yd.csv");
        f.campaigns.shippingList(c.id(), out, "韵达网点", true);
        List<String[]> rows;
        try (CSVReader r = new CSVReader(new InputStreamReader(Files.newInputStream(out), StandardCharsets.UTF_8))) {
            rows = r.readAll();
        }
        assertThat(rows.get(0)[0]).isEqualTo("\uFEFF订单编号");
        assertThat(rows.get(1)[2]).isEqualTo("138****0001");
        assertThat(rows.get(1)[9]).isEqualTo("'=1+1 感谢支持");
        assertThat(rows.get(2)[1]).isEqualTo("'=HYPERLINK(\"x\")");
        rows.get(1)[10] = "YD0001";
        rows.get(2)[10] = "YD0002";
        Path back = temp.resolve("yd-back.csv");
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(back), StandardCharsets.UTF_8); CSVWriter csv = new CSVWriter(w)) {
            csv.writeAll(rows);
        }
        TrackingImportResult result = f.campaigns.importTracking(c.id(), back, "韵达");
        assertThat(result.shipped()).isEqualTo(2);
        assertThat(entry(a).trackingNo()).isEqualTo("YD0001");
        assertThat(entry(b).trackingNo()).isEqualTo("YD0002");
    }

    @Test
    void aBadLayoutIsRefusedWithWhatIsWrongAndNothingIsSaved() {
        refused("收件人=name,手机=phone,地址=adress", "campaign.error.layoutField", "adress");
        refused("收件人=name,手机=phone", "campaign.error.layoutReceiver", null);
        refused("收件人=name,收件人=phone,地址=address", "campaign.error.layoutDuplicate", "收件人");
        refused("收件人=name,手机=phone,地址=address,备注=text:", "campaign.error.layoutText", "备注");
        refused("收件人 name", "campaign.error.layoutSyntax", "收件人 name");
        refused("=name,手机=phone,地址=address", "campaign.error.layoutHeader", null);
        assertThatThrownBy(() -> f.campaigns.saveLayout("sf", "收件人=name,手机=phone,地址=address"))
                .isInstanceOfSatisfying(CampaignException.class, e -> assertThat(e.key()).isEqualTo("campaign.error.layoutBuiltIn"));
        assertThatThrownBy(() -> f.campaigns.shippingList(c.id(), temp.resolve("x.csv"), "没有这个", false))
                .isInstanceOfSatisfying(CampaignException.class, e -> assertThat(e.key()).isEqualTo("campaign.error.layout"));
        assertThat(f.campaigns.layouts()).isEmpty();
        assertThat(Files.exists(temp.resolve("x.csv"))).isFalse();
    }

    private void refused(String spec, String key, String arg) {
        assertThatThrownBy(() -> f.campaigns.saveLayout("坏的", spec)).isInstanceOfSatisfying(CampaignException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            if (arg != null) {
                assertThat(e.args()).contains(arg);
            }
            assertThat(e.localized(com.fankeep.core.shared.Messages.of(java.util.Locale.SIMPLIFIED_CHINESE))).doesNotContain("{");
        });
    }

    private CampaignEntry entry(long customerId) {
        return f.campaigns.entries(c.id()).stream().filter(x -> x.customerId() == customerId).findFirst().orElseThrow();
    }
}
