package com.fankeep.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One way to show a phone and one way to show money, on every page. */
class DisplayFormatsTest {

    @Test
    void phonesOfTheShopsCountryAreNationalForeignOnesE164AndMaskedOnesAsTheyCame() {
        assertThat(PhoneDisplay.format("+8613800138000")).isEqualTo("138 0013 8000");
        assertThat(PhoneDisplay.format("13800138000")).isEqualTo("138 0013 8000");
        assertThat(PhoneDisplay.format("+861065529988")).isEqualTo("010 6552 9988");
        assertThat(PhoneDisplay.format("+14155550134")).isEqualTo("+14155550134");
        assertThat(PhoneDisplay.format("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(PhoneDisplay.format("138****8012")).isEqualTo("138****8012");
        assertThat(PhoneDisplay.isMasked("138****8012")).isTrue();
        assertThat(PhoneDisplay.isMasked("+8613800138000")).isFalse();
        assertThat(PhoneDisplay.format("not a phone")).isEqualTo("not a phone");
    }

    @Test
    void moneyIsOneFormatWithTheCurrencySignAndTheShopsCurrencyFirst() {
        assertThat(MoneyText.format("CNY", new BigDecimal("1328"))).isEqualTo("¥1,328.00");
        assertThat(MoneyText.format("CNY", new BigDecimal("57.005"))).isEqualTo("¥57.01");
        assertThat(MoneyText.format("USD", new BigDecimal("-12.5"))).isEqualTo("-$12.50");
        assertThat(MoneyText.format("HKD", new BigDecimal("80"))).isEqualTo("HKD 80.00");
        Map<String, BigDecimal> spend = new LinkedHashMap<>();
        spend.put("USD", new BigDecimal("12.50"));
        spend.put("CNY", new BigDecimal("57"));
        assertThat(MoneyText.format(spend)).isEqualTo("¥57.00 + $12.50");
        assertThat(MoneyText.format(Map.of())).isEmpty();
    }
}
