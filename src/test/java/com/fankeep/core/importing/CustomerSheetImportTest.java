package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.importing.ContactsFixture.*;
import static com.fankeep.core.importing.GoldenImport.importNow;
import static com.fankeep.core.importing.GoldenImport.TAOBAO_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fankeep.core.importing.model.ImportProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Golden test: the hand-made sample-data/spreadsheet/老客户名单.xlsx, alone and merged with other files. */
class CustomerSheetImportTest extends ImportTestBase {

    @Test
    void readsTheListBelowItsMergedTitle() {
        ImportSummary s = importNow(service, SHEET);

        assertThat(s.files()).extracting(FileSummary::format).containsExactly("customer_sheet");
        assertThat(s.files().get(0).contacts()).isEqualTo(26); // the merged group row is no contact
        assertThat(s.newCustomers()).isEqualTo(25); // 张伟 twice: numeric cell and 138-0013-8000
        assertThat(db.dsl().fetchCount(CUSTOMER)).isEqualTo(25);
        assertThat(customers(db, "张伟")).isEqualTo(1);
    }

    @Test
    void unreadableDatesAreWarningsNamingFileRowAndColumn() {
        ImportSummary s = importNow(service, SHEET);

        assertThat(s.firstProblems()).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column,
                ImportProblem::value, ImportProblem::code, ImportProblem::warning).containsExactly(
                tuple("老客户名单.xlsx", 15L, "最后购买", "去年双十一", "bad_date", true),
                tuple("老客户名单.xlsx", 16L, "最后购买", "3月5号", "bad_date", true),
                tuple("老客户名单.xlsx", 32L, "最后购买", "2022年9月", "bad_date", true));
        assertThat(service.problems(s.files().get(0).batchId())).hasSize(3);
        // the person is imported all the same
        assertThat(channels(db, "许晴", "wechat")).containsExactly("xuqing_1990");
    }

    @Test
    void phonesInEveryFormatBecomeE164() {
        importNow(service, SHEET);

        assertThat(channels(db, "张伟", "phone")).containsExactly("+8613800138000"); // numeric cell, shown 1.38E+10
        assertThat(channels(db, "王喆", "phone")).containsExactly("+8613800138001"); // 138 0013 8001
        assertThat(channels(db, "陈静", "phone")).containsExactly("+8613800138004"); // full-width digits
        assertThat(channels(db, "孙杰", "phone")).containsExactly("+8613800138012"); // (+86)
        assertThat(channels(db, "吴昊", "phone")).containsExactly("+8613800138010"); // 0086
        assertThat(channels(db, "马超", "phone")).containsExactly("+8613800138013"); // dots
        assertThat(channels(db, "沈梦琪", "phone")).containsExactly("+8613800138033"); // 86-…
        assertThat(channels(db, "朱琳", "phone")).containsExactly("+8613800138014"); // 13800138014（微信同号）
        assertThat(channels(db, "胡斌", "phone")).containsExactly("+8613800138015"); // 电话:13800138015
        assertThat(channels(db, "何静怡", "phone")).containsExactly("+8613800138017"); // 1380013 8017
        assertThat(channels(db, "周婷", "phone")).containsExactly("+8613800138009");
        // two numbers in one cell are two channels
        assertThat(channels(db, "林晓雨", "phone")).containsExactly("+8613800138005", "+16045550123");
        assertThat(channels(db, "杨帆", "phone")).containsExactly("+8613800138006", "+8613800138106");
        var phones = db.dsl().selectFrom(CONTACT_CHANNEL).where(CONTACT_CHANNEL.KIND.eq("phone")).fetch();
        assertThat(phones).hasSize(24).allSatisfy(p -> {
            if (!p.getIsMasked()) {
                assertThat(p.getNormalizedValue()).matches("\\+\\d{10,15}");
                assertThat(p.getMergeKey()).isTrue();
            }
        });
    }

    @Test
    void maskedNumbersAreKeptButAreNoKeys() {
        importNow(service, SHEET);
        assertThat(channelRecords(db, "黄磊", "phone")).singleElement().satisfies(p -> {
            assertThat(p.getRawValue()).isEqualTo("138****8008");
            assertThat(p.getIsMasked()).isTrue();
            assertThat(p.getMergeKey()).isFalse();
        });
        assertThat(channels(db, "黄磊", "qq")).containsExactly("10001009"); // what identifies him
    }

    @Test
    void weChatOnlyRowsAreCustomersWithAWeChatChannel() {
        importNow(service, SHEET);
        assertThat(channels(db, "许晴", "phone")).isEmpty();
        assertThat(channels(db, "许晴", "wechat")).containsExactly("xuqing_1990");
        assertThat(channels(db, "许晴", "qq")).containsExactly("10001031");
        assertThat(channels(db, "苏小冉", "wechat")).containsExactly("xiaoran_su");
        assertThat(channels(db, "韩梅", "wechat")).containsExactly("hanmei_dl");
    }

    @Test
    void birthdaysWithoutYearKeepMonthAndDay() {
        importNow(service, SHEET);
        var zhang = customer(db, "张伟"); // 3月5日
        assertThat(zhang.getBirthdayYear()).isNull();
        assertThat(zhang.getBirthdayMonth()).isEqualTo((short) 3);
        assertThat(zhang.getBirthdayDay()).isEqualTo((short) 5);
        assertThat(customer(db, "冯雪").getBirthdayMonth()).isEqualTo((short) 1);
        assertThat(customer(db, "王喆").getBirthdayMonth()).isNull();
    }

    @Test
    void aTaobaoNicknameInTheNoteBecomesANicknameChannel() {
        importNow(service, SHEET);
        assertThat(channelRecords(db, "王喆", "nickname")).singleElement().satisfies(c -> {
            assertThat(c.getPlatform()).isEqualTo("taobao");
            assertThat(c.getNormalizedValue()).isEqualTo("喆喆爱购物");
            assertThat(c.getMergeKey()).isTrue();
        });
        assertThat(customer(db, "王喆").getNote()).isEqualTo("淘宝：喆喆爱购物");
        assertThat(channels(db, "李娜", "nickname")).isEmpty(); // 「淘宝 娜娜小铺 老客户」: no colon, not Latin
        assertThat(channels(db, "黄磊", "nickname")).isEmpty(); // 「从淘宝导出的」
    }

    @Test
    void theSamePersonAcrossTheSheetAndAPhoneMergesIntoOneCustomer() {
        importNow(service, SHEET, VCARD21);

        // 王喆: 138 0013 8001 in the sheet, +86 138 0013 8001 on the phone
        assertThat(customers(db, "王喆")).isEqualTo(1);
        assertThat(channels(db, "王喆", "phone")).containsExactly("+8613800138001");
        assertThat(channels(db, "王喆", "email")).containsExactly("wangzhe@example.net");
        assertThat(channels(db, "王喆", "wechat")).containsExactly("wangzhe_bj");
        // 许晴: WeChat-only in the sheet; the phone's card has her number and 「微信 xuqing_1990」 in its note
        assertThat(customers(db, "许晴")).isEqualTo(1);
        assertThat(channels(db, "许晴", "phone")).containsExactly("+8613800138030");
        // only Emily Carter is new
        assertThat(db.dsl().fetchCount(CUSTOMER)).isEqualTo(26);
    }

    @Test
    void theSheetsTaobaoNicknameFindsTheTaobaoBuyer() {
        importNow(service, TAOBAO_ORDERS, SHEET, VCARD21);
        var wang = customer(db, "王喆");
        assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.eq(wang.getId()))).isEqualTo(2);
        assertThat(channels(db, "王喆", "nickname")).containsExactly("喆喆爱购物");
        assertThat(channels(db, "王喆", "email")).containsExactly("wangzhe@example.net");
    }

    @Test
    void importingTheSheetAgainChangesNothing() {
        importNow(service, SHEET, VCARD21);
        String before = fingerprint(db);
        ImportSummary again = importNow(service, SHEET);
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.newCustomers()).isZero();
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void peopleWithoutAnyKeyAreRecognisedByNameAndAddressOnTheNextImport() throws Exception {
        Path f = temp.resolve("邻居.csv");
        Files.writeString(f, "姓名,电话,地址,备注\n王阿姨,138****1234,北京朝阳某路1号,老邻居\n李四,,,\n赵六,,上海徐汇某路2号,\n",
                StandardCharsets.UTF_8);
        ImportSummary first = importNow(service, f);
        assertThat(first.newCustomers()).isEqualTo(2);
        assertThat(first.firstProblems()).extracting(ImportProblem::row, ImportProblem::value, ImportProblem::code,
                ImportProblem::warning).containsExactly(tuple(3L, "李四", "no_contact_details", false));
        String before = fingerprint(db);

        ImportSummary again = importNow(service, f);
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.newCustomers()).isZero();
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(customers(db, "王阿姨")).isEqualTo(1);
    }
}
