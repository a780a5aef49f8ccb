package com.fankeep.core.importing;

import static com.fankeep.core.importing.ContactsFixture.*;
import static com.fankeep.core.importing.GoldenImport.importNow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden test: sample-data/contacts/outlook_contacts.csv (61 columns, GBK, GBK-only 堃). */
class OutlookContactsImportTest extends ImportTestBase {

    @Test
    void importsTheGbkContacts() {
        ImportSummary s = importNow(service, OUTLOOK);

        assertThat(s.files()).extracting(FileSummary::format).containsExactly("outlook_contacts");
        assertThat(s.files().get(0).contacts()).isEqualTo(5);
        assertThat(s.newCustomers()).isEqualTo(5);
        assertThat(s.problems()).isZero();
        var tao = customer(db, "陶堃");
        assertThat(channels(db, "陶堃", "phone")).containsExactly("+8613800138028"); // (+86) 138-0013-8028
        assertThat(channels(db, "陶堃", "nickname")).containsExactly("taokun_wx");
        assertThat(tao.getProvince()).isEqualTo("江苏省");
        assertThat(tao.getCity()).isEqualTo("无锡市");
        assertThat(channels(db, "陶堃", "address")).containsExactly("江苏省无锡市梁溪区中山路218号太湖苑5号楼1102");
        // a business phone is a phone too; a company goes into the note
        assertThat(channels(db, "唐嘉", "phone")).containsExactly("+8613800138024");
        assertThat(customer(db, "唐嘉").getNote()).isEqualTo("京东取消过一单\n单位：贵阳示例茶舍");
        // 有赞下过单 is a remark, not a Youzan account
        assertThat(channels(db, "罗婉", "nickname")).isEmpty();
    }

    @Test
    void birthdaysInBothSlashedOrders() {
        importNow(service, OUTLOOK);
        var tao = customer(db, "陶堃"); // 1990/12/1
        assertThat(tao.getBirthdayYear()).isEqualTo((short) 1990);
        assertThat(tao.getBirthdayMonth()).isEqualTo((short) 12);
        assertThat(tao.getBirthdayDay()).isEqualTo((short) 1);
        var xie = customer(db, "谢欣"); // 1991/5/4
        assertThat(xie.getBirthdayMonth()).isEqualTo((short) 5);
        assertThat(xie.getBirthdayDay()).isEqualTo((short) 4);
    }

    @Test
    void importingItAgainChangesNothing() {
        importNow(service, OUTLOOK);
        String before = fingerprint(db);
        assertThat(importNow(service, OUTLOOK).nothingNew()).isTrue();
        assertThat(fingerprint(db)).isEqualTo(before);
    }
}
