package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.importing.DateParser.DayOrder;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DateParserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final DateParser cn = new DateParser(SHANGHAI, DayOrder.YEAR_FIRST);
    private final DateParser us = new DateParser(SHANGHAI, DayOrder.MONTH_FIRST);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "2024-03-15 10:30:00|2024-03-15T10:30+08:00",
            "2024/03/15 10:30|2024-03-15T10:30+08:00",
            "2024/3/5|2024-03-05T00:00+08:00",
            "2023年6月18日|2023-06-18T00:00+08:00",
            "2023.3.5|2023-03-05T00:00+08:00",
            "20230618|2023-06-18T00:00+08:00",
            "21/03/05|2021-03-05T00:00+08:00",
            "45123|2023-07-16T00:00+08:00",
            "2024-03-15 10:30:00\t|2024-03-15T10:30+08:00",
            "2024-01-01 10:00:00 +0900|2024-01-01T10:00+09:00",
    })
    void chineseSheetsAndExports(String raw, String expected) throws Exception {
        assertThat(cn.parse(raw)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "6/18/23|2023-06-18T00:00+08:00",
            "09/03/26|2026-09-03T00:00+08:00",
            "5/31/2016 0:37|2016-05-31T00:37+08:00",
            "Jul-21-25|2025-07-21T00:00+08:00",
            "Sep-30-26 23:45:00|2026-09-30T23:45+08:00",
    })
    void americanPlatforms(String raw, String expected) throws Exception {
        assertThat(us.parse(raw)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    void nonsenseIsAProblemNamingTheValue() {
        assertThatThrownBy(() -> cn.parse("去年双十一")).isInstanceOf(ParseException.class).hasMessageContaining("去年双十一");
        assertThatThrownBy(() -> cn.parse("2023-02-30")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cn.parse("12345")).isInstanceOf(ParseException.class);
    }

    @Test
    void birthdaysMayHaveNoYear() throws Exception {
        assertThat(DateParser.parseBirthday("3月5日")).isEqualTo(new DateParser.Birthday(null, 3, 5));
        assertThat(DateParser.parseBirthday("3月5号")).isEqualTo(new DateParser.Birthday(null, 3, 5));
        assertThat(DateParser.parseBirthday("2月29日")).isEqualTo(new DateParser.Birthday(null, 2, 29));
        assertThat(DateParser.parseBirthday("1990-03-05")).isEqualTo(new DateParser.Birthday(1990, 3, 5));
        assertThatThrownBy(() -> DateParser.parseBirthday("13月1日")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> DateParser.parseBirthday("1991-02-29")).isInstanceOf(ParseException.class);
    }
}
