package com.fankeep.core.importing;

import static com.fankeep.core.importing.ContactsFixture.*;
import static com.fankeep.core.importing.GoldenImport.importNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Golden test: sample-data/contacts/google_contacts.csv (UTF-8 with BOM, " ::: " between values, --06-18). */
class GoogleContactsImportTest extends ImportTestBase {

    @Test
    void importsEveryContactWithAllItsNumbers() {
        ImportSummary s = importNow(service, GOOGLE);

        assertThat(s.files()).extracting(FileSummary::format).containsExactly("google_contacts");
        assertThat(s.files().get(0).contacts()).isEqualTo(6);
        assertThat(s.newCustomers()).isEqualTo(6);
        assertThat(s.problems()).isZero();
        // family name first, no space, for Chinese names; two numbers joined with " ::: " are two channels
        assertThat(channels(db, "刘洋", "phone")).containsExactly("+8613800138003", "+8613800138103");
        assertThat(channels(db, "刘洋", "nickname")).containsExactly("liuyang_hz");
        assertThat(channels(db, "何静怡", "phone")).containsExactly("+8613800138017", "+8613800138117");
        assertThat(channels(db, "韩梅", "wechat")).containsExactly("hanmei_dl");
        assertThat(channels(db, "韩梅", "qq")).containsExactly("10001024");
        assertThat(customer(db, "黄磊").getNote()).isEqualTo("西安 淘宝 huanglei_xa\n买过茶壶和杯子");
        assertThat(channels(db, "James Wilson", "email")).containsExactly("james.wilson@example.co.uk");
        assertThat(channels(db, "James Wilson", "address")).containsExactly("London48CamdenHighStreet,Flat3");
    }

    @Test
    void aBirthdayWithoutYearKeepsMonthAndDayOnly() {
        importNow(service, GOOGLE);
        var ye = customer(db, "叶子豪");
        assertThat(ye.getBirthdayYear()).isNull();
        assertThat(ye.getBirthdayMonth()).isEqualTo((short) 6);
        assertThat(ye.getBirthdayDay()).isEqualTo((short) 18);
        assertThat(ye.getNote()).isEqualTo("昵称：豪哥");
    }

    @Test
    void aLondonLandlineIsKeptButIsNoKey() {
        importNow(service, GOOGLE);
        assertThat(channelRecords(db, "James Wilson", "phone")).singleElement().satisfies(p -> {
            assertThat(p.getNormalizedValue()).isEqualTo("+442079460958");
            assertThat(p.getMergeKey()).isFalse();
        });
    }

    @Test
    void theLegacyGoogleCsvIsReadToo() throws Exception {
        Path f = temp.resolve("contacts.csv");
        Files.writeString(f, "Name,Given Name,Additional Name,Family Name,Birthday,Notes,Group Membership,E-mail 1 - Type,"
                + "E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value\n"
                + "苏小冉,小冉,,苏,1996-03-05,微信：xiaoran_su,* My Contacts,* Home,su@example.com,Mobile,138 0013 8031 ::: 13800138131\n",
                StandardCharsets.UTF_8);
        ImportSummary s = importNow(service, f);
        assertThat(s.files()).extracting(FileSummary::format).containsExactly("google_contacts");
        assertThat(channels(db, "苏小冉", "phone")).containsExactly("+8613800138031", "+8613800138131");
        assertThat(channels(db, "苏小冉", "wechat")).containsExactly("xiaoran_su");
        assertThat(customer(db, "苏小冉").getBirthdayYear()).isEqualTo((short) 1996);
    }

    @Test
    void importingItAgainChangesNothing() {
        importNow(service, GOOGLE);
        String before = fingerprint(db);
        assertThat(importNow(service, GOOGLE).nothingNew()).isTrue();
        assertThat(fingerprint(db)).isEqualTo(before);
    }
}
