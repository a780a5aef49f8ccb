package com.fankeep.core.importing.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.read.SheetRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Country names, split names, eBay's currency signs and trailer lines, Shopify notes. */
class OverseasHelpersTest {

    @Test
    void countryNamesAndCodesBecomeIsoCodes() {
        assertThat(CountryCodes.iso("United States")).isEqualTo("US");
        assertThat(CountryCodes.iso("united kingdom")).isEqualTo("GB");
        assertThat(CountryCodes.iso("UK")).isEqualTo("GB");
        assertThat(CountryCodes.iso("Canada")).isEqualTo("CA");
        assertThat(CountryCodes.iso("AU")).isEqualTo("AU");
        assertThat(CountryCodes.iso("USA")).isEqualTo("US");
        assertThat(CountryCodes.iso("Hong Kong")).isEqualTo("HK");
        assertThat(CountryCodes.iso("Atlantis")).isNull();
        assertThat(CountryCodes.iso(null)).isNull();
    }

    @Test
    void namesJoinTheWayThePersonWritesThem() {
        assertThat(PersonNames.join("Emily", "Carter")).isEqualTo("Emily Carter");
        assertThat(PersonNames.join("美玲", "陈")).isEqualTo("陈美玲");
        assertThat(PersonNames.join(null, "Carter")).isEqualTo("Carter");
        assertThat(PersonNames.street("2150 Mission St", "Apt 4")).isEqualTo("2150 Mission St, Apt 4");
        assertThat(PersonNames.street("12 Rue des Lilas", null)).isEqualTo("12 Rue des Lilas");
    }

    @Test
    void ebayCurrencySigns() {
        assertThat(EbayOrdersFormat.currencyCode(null, "$")).isEqualTo("USD");
        assertThat(EbayOrdersFormat.currencyCode("AU", "$")).isEqualTo("AUD");
        assertThat(EbayOrdersFormat.currencyCode("C", "$")).isEqualTo("CAD");
        assertThat(EbayOrdersFormat.currencyCode(null, "£")).isEqualTo("GBP");
        assertThat(EbayOrdersFormat.currencyCode(null, null)).isNull();
    }

    @Test
    void ebayTrailerLinesAreRecognised() {
        assertThat(EbayOrdersFormat.isTrailer(new SheetRow(9, List.of("4 record(s) downloaded", "", "", "")))).isTrue();
        assertThat(EbayOrdersFormat.isTrailer(new SheetRow(10, List.of("Seller ID : xiaoman-studio", "", "", "")))).isTrue();
        assertThat(EbayOrdersFormat.isTrailer(new SheetRow(3, List.of("1001", "10-90614-20934", "jwilson_ldn")))).isFalse();
    }

    @Test
    void aWeChatIdInAShopifyNote() {
        assertThat(ShopifyCustomersFormat.wechat("WeChat: linxy_van")).isEqualTo("linxy_van");
        assertThat(ShopifyCustomersFormat.wechat("VIP; 微信：meiling_syd")).isEqualTo("meiling_syd");
        assertThat(ShopifyCustomersFormat.wechat("prefers WeChat")).isNull();
        assertThat(ShopifyCustomersFormat.wechat(null)).isNull();
    }
}
