package com.fankeep.core.importing.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.ParseException;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactValuesTest {

    final DateParser monthFirst = new DateParser(ZoneId.of("Asia/Shanghai"), DateParser.DayOrder.MONTH_FIRST);

    @Test
    void chineseNamesJoinFamilyFirstWithoutSpace() {
        assertThat(ContactValues.personName("喆", null, "王")).isEqualTo("王喆");
        assertThat(ContactValues.personName("林晓雨", null, "")).isEqualTo("林晓雨");
        assertThat(ContactValues.personName("Emily", "", "Carter")).isEqualTo("Emily Carter");
        assertThat(ContactValues.personName("Mary", "Ann", "Lee")).isEqualTo("Mary Ann Lee");
        assertThat(ContactValues.personName(null, " ", null)).isNull();
        assertThat(ContactValues.joinName(List.of("王", "喆"))).isEqualTo("王喆");
    }

    @Test
    void phoneCellsLoseWordsAndRemarksAndSplit() {
        assertThat(ContactValues.phones("13800138014（微信同号）")).containsExactly("13800138014");
        assertThat(ContactValues.phones("电话:13800138015")).containsExactly("13800138015");
        assertThat(ContactValues.phones("手机13800138000 座机010-8888 0000")).containsExactly("13800138000", "010-8888 0000");
        assertThat(ContactValues.phones("13800138005 / +1 604-555-0123")).containsExactly("13800138005", "+1 604-555-0123");
        assertThat(ContactValues.phones("13800138006、13800138106")).containsExactly("13800138006", "13800138106");
        assertThat(ContactValues.phones("(+86)13800138012")).containsExactly("(+86)13800138012");
        assertThat(ContactValues.phones("138****8008")).containsExactly("138****8008");
        assertThat(ContactValues.phones("无")).isEmpty();
        assertThat(ContactValues.phones(null)).isEmpty();
    }

    @Test
    void aBracketedNorthAmericanAreaCodeGetsItsCountryCode() {
        assertThat(ContactValues.phones("(416) 555-0199")).containsExactly("+1 416 555 0199");
        assertThat(ContactValues.phones("(010) 8888-0000")).containsExactly("(010) 8888-0000"); // Beijing, not America
        assertThat(ContactValues.phones("400-820-8820")).containsExactly("400-820-8820");
    }

    @Test
    void multiValueCells() {
        assertThat(ContactValues.values("+86 138-0013-8003 ::: 138 0013 8103")).containsExactly("+86 138-0013-8003", "138 0013 8103");
        assertThat(ContactValues.values("a@example.com\nb@example.com\na@example.com")).containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void birthdaysInTheFormsContactListsUse() throws ParseException {
        assertThat(ContactValues.birthday("--06-18", monthFirst)).isEqualTo(new DateParser.Birthday(null, 6, 18));
        assertThat(ContactValues.birthday("--0618", monthFirst)).isEqualTo(new DateParser.Birthday(null, 6, 18));
        assertThat(ContactValues.birthday("3月5日", monthFirst)).isEqualTo(new DateParser.Birthday(null, 3, 5));
        assertThat(ContactValues.birthday("1995-02-14", monthFirst)).isEqualTo(new DateParser.Birthday(1995, 2, 14));
        assertThat(ContactValues.birthday("19950214", monthFirst)).isEqualTo(new DateParser.Birthday(1995, 2, 14));
        assertThat(ContactValues.birthday("1995-02-14T00:00:00Z", monthFirst)).isEqualTo(new DateParser.Birthday(1995, 2, 14));
        assertThat(ContactValues.birthday("1990/12/1", monthFirst)).isEqualTo(new DateParser.Birthday(1990, 12, 1));
        assertThat(ContactValues.birthday("5/4/1991", monthFirst)).isEqualTo(new DateParser.Birthday(1991, 5, 4));
        assertThat(ContactValues.birthday("0/0/00", monthFirst)).isNull();
        assertThat(ContactValues.birthday("", monthFirst)).isNull();
        assertThatThrownBy(() -> ContactValues.birthday("--13-01", monthFirst)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> ContactValues.birthday("去年", monthFirst)).isInstanceOf(ParseException.class);
    }

    @Test
    void countries() {
        assertThat(ContactValues.countryCode("中国")).isEqualTo("CN");
        assertThat(ContactValues.countryCode("United Kingdom")).isEqualTo("GB");
        assertThat(ContactValues.countryCode("ca")).isEqualTo("CA");
        assertThat(ContactValues.countryCode("Ruritania")).isEqualTo("Ruritania");
        assertThat(ContactValues.countryCode(" ")).isNull();
    }
}
