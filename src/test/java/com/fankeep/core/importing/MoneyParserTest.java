package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MoneyParserTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "128.50|128.50", "128.5元|128.50", "¥1,280.00|1280.00", "￥99|99.00", "$45.99|45.99", "£12|12.00",
            "-12.50|-12.50", "(12.50)|-12.50", "30|30.00", "\t19.90\t|19.90", "=\"88.00\"|88.00", "１２８．５０|128.50",
            "0.125|0.13",
    })
    void readsAmountsAsExported(String raw, String expected) throws Exception {
        assertThat(MoneyParser.parse(raw)).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void emptyIsNullAndGarbageIsAProblem() throws Exception {
        assertThat(MoneyParser.parse("")).isNull();
        assertThat(MoneyParser.parse("-")).isNull();
        assertThatThrownBy(() -> MoneyParser.parse("十二块")).isInstanceOf(ParseException.class)
                .hasMessageContaining("十二块").extracting("code").isEqualTo("bad_amount");
        assertThatThrownBy(() -> MoneyParser.parse("1.2.3")).isInstanceOf(ParseException.class);
    }

    @Test
    void anAmountTooLargeForTheDatabaseIsAProblemNotAFailedImport() throws Exception {
        // found by FuzzRunTest: a flipped byte made a 28-digit discount, and the whole import failed on insert
        assertThat(MoneyParser.parse("999999999999.99")).isEqualTo(new BigDecimal("999999999999.99"));
        assertThatThrownBy(() -> MoneyParser.parse("4200028232916369638709708179")).isInstanceOf(ParseException.class)
                .extracting("code").isEqualTo("bad_amount");
        assertThatThrownBy(() -> MoneyParser.parse("-1000000000000")).isInstanceOf(ParseException.class);
    }
}
