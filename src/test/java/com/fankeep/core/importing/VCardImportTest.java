package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.importing.ContactsFixture.*;
import static com.fankeep.core.importing.GoldenImport.importNow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.model.ImportProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Golden test: the Android vCard 2.1 and iPhone vCard 3.0 address books of sample-data/contacts. */
class VCardImportTest extends ImportTestBase {

    @Test
    void android21QuotedPrintableCards() {
        ImportSummary s = importNow(service, VCARD21);

        assertThat(s.files()).extracting(FileSummary::format).containsExactly("vcard");
        assertThat(s.files().get(0).contacts()).isEqualTo(7);
        assertThat(s.newCustomers()).isEqualTo(7);
        assertThat(s.problems()).isZero();
        assertThat(channels(db, "张伟", "phone")).containsExactly("+8613800138000");
        assertThat(channels(db, "张伟", "email")).containsExactly("zhangwei1988@example.com");
        assertThat(channels(db, "张伟", "wechat")).containsExactly("zw_1988"); // from the note 「微信 zw_1988」
        assertThat(channels(db, "张伟", "nickname")).containsExactly("zhangwei1988");
        assertThat(channels(db, "张伟", "address")).containsExactly("上海上海市浦东新区张杨路588弄梧桐苑12号302室");
        assertThat(customer(db, "张伟").getCity()).isEqualTo("上海市");
        assertThat(channels(db, "王喆", "phone")).containsExactly("+8613800138001");
        assertThat(channels(db, "赵敏", "phone")).containsExactly("+8613800138007", "+8613800138107");
        assertThat(channels(db, "许晴", "wechat")).containsExactly("xuqing_1990");
        assertThat(channels(db, "陶堃", "phone")).containsExactly("+8613800138028");
        assertThat(channels(db, "Emily Carter", "phone")).containsExactly("+14155550134");
        assertThat(channelRecords(db, "Emily Carter", "nickname")).singleElement()
                .satisfies(c -> assertThat(c.getPlatform() + ":" + c.getNormalizedValue()).isEqualTo("etsy:emilycarterart"));
    }

    @Test
    void iphone30GroupedFoldedAndEscapedCards() {
        ImportSummary s = importNow(service, VCARD30);

        assertThat(s.files().get(0).contacts()).isEqualTo(7);
        assertThat(s.newCustomers()).isEqualTo(7);
        assertThat(s.problems()).isZero();
        // the whole CJK name in N's given-name slot, a grouped TEL, a Canadian second number
        assertThat(channels(db, "林晓雨", "phone")).containsExactly("+8613800138005", "+16045550123");
        assertThat(channels(db, "林晓雨", "wechat")).containsExactly("linxy_van");
        assertThat(channels(db, "林晓雨", "nickname")).containsExactly("xiaoyu_lin");
        assertThat(customer(db, "林晓雨").getNote()).startsWith("在温哥华读书，东西一般寄到厦门父母家。\n淘宝 xiaoyu_lin, 微信 linxy_van;");
        assertThat(customer(db, "林晓雨").getProvince()).isEqualTo("福建省");
        assertThat(channels(db, "陈静", "phone")).containsExactly("+8613800138004");
        assertThat(channels(db, "陈美玲", "phone")).containsExactly("+61491570156");
        assertThat(channels(db, "Olivia Brown", "phone")).containsExactly("+14165550199"); // written (416) 555-0199
        var zhou = customer(db, "周婷");
        assertThat(zhou.getBirthdayYear()).isEqualTo((short) 1995);
        assertThat(zhou.getBirthdayMonth()).isEqualTo((short) 2);
        assertThat(zhou.getBirthdayDay()).isEqualTo((short) 14);
        assertThat(customer(db, "李娜").getNote()).isEqualTo("单位：娜娜小铺");
    }

    @Test
    void everyPhoneChannelIsE164AndAKey() {
        importNow(service, VCARD21, VCARD30);
        assertThat(db.dsl().fetchCount(CUSTOMER)).isEqualTo(14);
        var phones = db.dsl().selectFrom(CONTACT_CHANNEL).where(CONTACT_CHANNEL.KIND.eq("phone")).fetch();
        assertThat(phones).hasSize(16).allSatisfy(p -> {
            assertThat(p.getNormalizedValue()).matches("\\+\\d{8,15}");
            assertThat(p.getMergeKey()).isTrue();
        });
    }

    @Test
    void importingTheSameCardsAgainChangesNothing() {
        importNow(service, VCARD21, VCARD30);
        String before = fingerprint(db);
        ImportSummary again = importNow(service, VCARD21, VCARD30);
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.newCustomers()).isZero();
        // recognised again, but nobody gets anything new: matched to existing counts who the import adds to
        assertThat(again.matchedCustomers()).isZero();
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void aCardWithoutEndIsImportedAndReportedAtItsBeginLine() throws Exception {
        Path f = temp.resolve("broken.vcf");
        Files.writeString(f, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nTEL:13800138070\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李四\r\nTEL:13800138071\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王五\r\nBDAY:去年\r\nTEL:13800138072\r\n", StandardCharsets.UTF_8);
        ImportSummary s = importNow(service, f);

        assertThat(s.newCustomers()).isEqualTo(3);
        assertThat(s.firstProblems()).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column,
                ImportProblem::code, ImportProblem::warning).containsExactly(
                org.assertj.core.groups.Tuple.tuple("broken.vcf", 1L, null, "broken_vcard", true),
                org.assertj.core.groups.Tuple.tuple("broken.vcf", 10L, null, "broken_vcard", true),
                org.assertj.core.groups.Tuple.tuple("broken.vcf", 10L, "BDAY", "bad_date", true));
        assertThat(s.firstProblems().get(0).message()).contains("END:VCARD is missing");
        assertThat(customer(db, "王五").getBirthdayMonth()).isNull();
    }
}
