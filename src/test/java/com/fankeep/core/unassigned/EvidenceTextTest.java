package com.fankeep.core.unassigned;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.shared.Messages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The review's evidence is listed as each language lists: the enumeration comma in Chinese, ", " in English. */
class EvidenceTextTest {

    private static final List<Evidence> EVIDENCE = List.of(new Evidence("phone_tail", "1234"), new Evidence("surname", "王"),
            new Evidence("city", "杭州"));

    @Test
    void chineseListsWithTheEnumerationComma() {
        Messages zh = Messages.of(Locale.SIMPLIFIED_CHINESE);
        assertThat(Evidence.text(zh, EVIDENCE)).isEqualTo("尾号 1234、同姓 王、同城 杭州");
        assertThat(zh.get("common.labelValue", zh.get("orders.unassigned.column.evidence"), Evidence.text(zh, EVIDENCE.subList(0, 1))))
                .isEqualTo("依据：尾号 1234");
    }

    @Test
    void englishListsWithACommaAndASpace() {
        assertThat(Evidence.text(Messages.of(Locale.ENGLISH), EVIDENCE)).isEqualTo("last digits 1234, surname 王, same city 杭州");
    }
}
