package com.fankeep.core.importing.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.model.ImportItem;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.importing.model.ImportedContact;
import com.fankeep.core.importing.read.SheetRow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerSheetFormatTest {

    final CustomerSheetFormat format = new CustomerSheetFormat();

    static Header header(String... names) {
        return new Header(1, Arrays.asList(names));
    }

    @Test
    void recognisesTheUsualChineseColumnNames() {
        Header h = header("客户", "手机号", "微信号", "QQ号", "收货地址", "备注", "最近购买", "生日", "旺旺", "邮箱", "城市");
        assertThat(format.score(h)).isEqualTo(CustomerSheetFormat.MAX_SCORE);
        assertThat(CustomerSheetFormat.columns(h).values()).containsExactly(ContactField.NAME, ContactField.PHONE,
                ContactField.WECHAT, ContactField.QQ, ContactField.ADDRESS, ContactField.NOTE, ContactField.LAST_PURCHASE,
                ContactField.BIRTHDAY, ContactField.nickname("taobao"), ContactField.EMAIL, ContactField.CITY);
    }

    @Test
    void recognisesEnglishNamesAndIgnoresCaseSpacesAndRemarks() {
        assertThat(format.score(header("Name", "Mobile Phone", "E-mail", "Notes"))).isEqualTo(4);
        assertThat(CustomerSheetFormat.columns(header("姓名", "电话(必填)", "手机/电话", "QQ 号", "淘宝昵称")).values())
                .containsExactly(ContactField.NAME, ContactField.PHONE, ContactField.PHONE, ContactField.QQ,
                        ContactField.nickname("taobao"));
    }

    @Test
    void needsANameOrPhoneAndOneMoreKnownColumn() {
        assertThat(format.score(header("姓名"))).isZero();
        assertThat(format.score(header("微信", "QQ"))).isZero();
        assertThat(format.score(header("姓名", "生日"))).isEqualTo(2);
        assertThat(format.score(header("电话", "金额", "商品"))).isZero();
    }

    @Test
    void anOrderExportIsNoCustomerList() {
        assertThat(format.score(header("订单编号", "买家会员名", "联系手机", "收货地址", "备注"))).isZero();
        assertThat(format.score(header("Name", "Email", "Financial Status", "Phone", "Notes"))).isZero();
    }

    @Test
    void theRealHeaderWinsOverTitleRowsAboveIt() {
        List<SheetRow> rows = List.of(
                new SheetRow(1, List.of("2019-2022 老客户整理")),
                new SheetRow(2, List.of("姓名 电话 微信 备注")),
                new SheetRow(4, List.of("姓名", "电话", "微信", "QQ", "地址", "备注", "最后购买", "生日")),
                new SheetRow(5, List.of("张伟", "13800138000", "zw_1988", "10001001", "上海", "淘宝 zhangwei1988", "2022/11/11", "3月5日")));
        var match = FormatRegistry.standard().detect(rows, null).orElseThrow();
        assertThat(match.format().id()).isEqualTo("customer_sheet");
        assertThat(match.header().rowNumber()).isEqualTo(4);
    }

    @Test
    void platformFormatsOutscoreIt() {
        List<SheetRow> google = List.of(new SheetRow(1, List.of("First Name", "Last Name", "Nickname", "Birthday", "Notes",
                "E-mail 1 - Value", "Phone 1 - Value", "Mobile", "Name")));
        assertThat(FormatRegistry.standard().detect(google, null).orElseThrow().format().id()).isEqualTo("google_contacts");
    }

    @Test
    void rowsBecomeContacts() {
        Header h = header("姓名", "电话", "微信", "QQ", "地址", "备注", "最后购买", "生日");
        List<Object> out = read(h,
                new SheetRow(5, List.of("王喆", "138 0013 8001", "", "", "北京 北京市 朝阳区 望京西园", "淘宝：喆喆爱购物", "2022年11月11日", "3月5日")),
                new SheetRow(6, List.of("—— 以下是微信上加的老客户 ——")),
                new SheetRow(7, List.of("许晴", "", "xuqing_1990", "10001031", "", "", "去年双十一", "6月18日")),
                new SheetRow(8, List.of("孤名")),
                new SheetRow(9, List.of("", "", "", "", "", "", "2022/5/20", "")),
                new SheetRow(10, List.of("朱琳", "13800138014（微信同号）、电话:13800138114", "", "", "", "微信 zhulin_cs", "", "13月1日")));
        assertThat(out).hasSize(6);
        ImportedContact wang = (ImportedContact) out.get(0);
        assertThat(wang.name()).isEqualTo("王喆");
        assertThat(wang.phones()).containsExactly("138 0013 8001");
        assertThat(wang.nicknames()).containsExactly("taobao:喆喆爱购物");
        assertThat(wang.address().province()).isEqualTo("北京");
        assertThat(wang.address().city()).isEqualTo("北京市");
        assertThat(wang.birthday().year()).isNull();
        assertThat(wang.birthday().month()).isEqualTo(3);
        assertThat(wang.lastPurchaseAt().toLocalDate()).hasToString("2022-11-11");
        assertThat(wang.source().row()).isEqualTo(5);

        ImportProblem bad = (ImportProblem) out.get(1);
        assertThat(bad.row()).isEqualTo(7);
        assertThat(bad.column()).isEqualTo("最后购买");
        ImportedContact xu = (ImportedContact) out.get(2);
        assertThat(xu.wechat()).isEqualTo("xuqing_1990");
        assertThat(xu.lastPurchaseAt()).isNull();
        assertThat(((ImportedContact) out.get(3)).name()).isEqualTo("孤名"); // a lone name is no section title

        ImportProblem badBirthday = (ImportProblem) out.get(4); // a row of only a date is nobody: no item for row 9
        assertThat(badBirthday.row()).isEqualTo(10);
        assertThat(badBirthday.column()).isEqualTo("生日");
        assertThat(badBirthday.value()).isEqualTo("13月1日");
        ImportedContact zhu = (ImportedContact) out.get(5);
        assertThat(zhu.phones()).containsExactly("13800138014", "13800138114");
        assertThat(zhu.wechat()).isEqualTo("zhulin_cs"); // from the note: the WeChat column is empty
        assertThat(zhu.birthday()).isNull();
    }

    @Test
    void aWeChatColumnWinsOverTheNote() {
        Header h = header("姓名", "微信", "备注");
        ImportedContact c = (ImportedContact) read(h, new SheetRow(2, List.of("张伟", "zw_1988", "微信 other_id"))).get(0);
        assertThat(c.wechat()).isEqualTo("zw_1988");
    }

    private List<Object> read(Header h, SheetRow... rows) {
        List<Object> out = new ArrayList<>();
        FormatReader reader = format.reader(h, new FormatContext("list.xlsx", ZoneId.of("Asia/Shanghai")));
        ItemSink sink = new ItemSink() {
            @Override
            public void item(ImportItem item) {
                out.add(item);
            }

            @Override
            public void problem(ImportProblem problem) {
                out.add(problem);
            }
        };
        for (SheetRow r : rows) {
            reader.accept(r, sink);
        }
        reader.finish(sink);
        return out;
    }
}
