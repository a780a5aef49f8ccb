package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.importing.currency.CurrencyRefusedException;
import com.fankeep.core.importing.currency.ShopCurrencies;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden test: the shop's currency per platform and `import --currency` for amounts the file does not label. */
class ShopCurrencyImportTest {

    @TempDir
    Path temp;
    GoldenDb g;
    ShopCurrencies currencies;

    @BeforeEach
    void open() {
        g = new GoldenDb(temp);
        currencies = new ShopCurrencies(new SettingsService(g.db));
    }

    @AfterEach
    void close() {
        g.close();
    }

    private ImportSummary importWith(String currency, Path... files) {
        return g.service.importNow(new ImportRequest(List.of(files), null, null, GoldenDb.SHANGHAI, null, currency),
                Progress.NONE, Cancellation.none());
    }

    @Test
    void chinesePlatformsDefaultToYuanAndOverseasOnesHaveNoDefault() {
        assertThat(currencies.all()).containsEntry("taobao", "CNY").containsEntry("douyin", "CNY")
                .containsEntry("woocommerce", null).containsEntry("etsy", null).containsKeys(ShopCurrencies.PLATFORMS.toArray(String[]::new));
    }

    @Test
    void aWooCommerceFileWithoutCurrencyColumnIsInTheShopsCurrencyWithoutWarning() {
        currencies.set("WooCommerce", "eur");

        ImportSummary s = g.importNow(WooCommerceImportTest.ORDERS);

        assertThat(currencies.all()).containsEntry("woocommerce", "EUR");
        assertThat(s.firstProblems()).extracting(p -> p.code()).doesNotContain("currency_assumed");
        assertThat(g.order("woocommerce", "1201").getCurrency()).isEqualTo("EUR");
        assertThat(g.revenue("USD")).isNull();
    }

    @Test
    void theFirstImportFromAPlatformAsksOnceProposingItsUsualCurrencyAndChinesePlatformsFollowTheirSetting() {
        var q = currencies.question(List.of("shopify_orders", "google_contacts"), null);
        assertThat(q.platforms()).containsExactly("shopify");
        assertThat(q.firstTime()).isTrue();
        assertThat(q.code()).isEqualTo("USD");
        assertThat(currencies.question(List.of("taobao_qianniu_orders"), null).code()).isEqualTo("CNY");
        assertThat(currencies.question(List.of("google_contacts"), null)).isNull();

        currencies.remember(q, "eur");
        assertThat(currencies.all()).containsEntry("shopify", "EUR");
        var again = currencies.question(List.of("shopify_orders"), null);
        assertThat(again.firstTime()).isFalse();
        assertThat(again.code()).isEqualTo("EUR");
        assertThat(currencies.question(List.of("shopify_orders"), "GBP").code()).isEqualTo("GBP");

        currencies.set("taobao", "HKD");
        g.importNow(TaobaoImportTest.ORDERS, TaobaoImportTest.DETAILS);
        assertThat(g.revenue("HKD")).isNotNull();
        assertThat(g.revenue("CNY")).isNull();
    }

    @Test
    void theImportsOwnCurrencyWinsOverTheSetting() {
        currencies.set("woocommerce", "EUR");

        importWith("aud", WooCommerceImportTest.ORDERS);

        assertThat(g.order("woocommerce", "1201").getCurrency()).isEqualTo("AUD");
    }

    @Test
    void theFilesOwnMoneySignsWinOverTheChosenCurrency() {
        importWith("EUR", EbayImportTest.REPORT, EbayImportTest.REPORT_UK);

        assertThat(g.order("ebay", "16-85806-18368").getCurrency()).isEqualTo("USD"); // $43.00
        assertThat(g.order("ebay", "24-15229-61546").getCurrency()).isEqualTo("GBP"); // £51.20
    }

    static final Path UK_SHOP = Path.of("src/test/resources/layouts/woocommerce/orders-export-uk-shop.csv");
    static final Path DE_SHOP = Path.of("src/test/resources/layouts/woocommerce/orders-export-de-shop.csv");

    @Test
    void aFileWithoutCurrencyColumnWhoseRowsAllBillToOneCountryIsInThatCountrysCurrency() {
        ImportSummary s = g.importNow(UK_SHOP);

        assertThat(g.order("woocommerce", "1201").getCurrency()).isEqualTo("GBP");
        assertThat(g.revenue("USD")).isNull();
        assertThat(s.firstProblems()).extracting(p -> p.code()).doesNotContain("currency_assumed");
        // the preview's first-run question proposes it (not the platform's usual USD), and the answer is kept
        var q = currencies.question(List.of("woocommerce_orders"), null, ShopCurrencies.ofRows(List.of(UK_SHOP)));
        assertThat(q.firstTime()).isTrue();
        assertThat(q.code()).isEqualTo("GBP");
        assertThat(ShopCurrencies.ofRows(List.of(DE_SHOP))).isEqualTo("EUR");
    }

    @Test
    void rowsOfSeveralCountriesOrASettingKeepTheUsualRule() {
        assertThat(ShopCurrencies.ofRows(List.of(WooCommerceImportTest.ORDERS))).isNull();   // US, GB, CA, AU
        assertThat(ShopCurrencies.ofRows(List.of(UK_SHOP, DE_SHOP))).isNull();
        assertThat(currencies.question(List.of("woocommerce_orders"), null, null).code()).isEqualTo("USD");
        currencies.set("woocommerce", "EUR");   // the shop's setting wins over the rows' country

        g.importNow(UK_SHOP);

        assertThat(g.order("woocommerce", "1201").getCurrency()).isEqualTo("EUR");
        assertThat(currencies.question(List.of("woocommerce_orders"), null, "GBP").code()).isEqualTo("EUR");
    }

    @Test
    void withoutSettingOrChoiceTheOwnerIsStillToldAboutTheAssumption() {
        ImportSummary s = g.importNow(WooCommerceImportTest.ORDERS);

        assertThat(s.firstProblems()).extracting(p -> p.code()).containsExactly("currency_assumed");
    }

    @Test
    void anUnknownCodeOrPlatformIsRefusedAndNothingChanges() {
        currencies.set("etsy", "GBP");

        assertThatThrownBy(() -> currencies.set("etsy", "XYZ")).isInstanceOf(CurrencyRefusedException.class)
                .extracting(e -> ((CurrencyRefusedException) e).key()).isEqualTo("import.currency.unknownCode");
        assertThatThrownBy(() -> currencies.set("amazon", "USD")).isInstanceOf(CurrencyRefusedException.class);
        assertThatThrownBy(() -> importWith("dollars", WooCommerceImportTest.ORDERS)).isInstanceOf(CurrencyRefusedException.class);

        assertThat(currencies.all()).containsEntry("etsy", "GBP");
        assertThat(new com.fankeep.core.insight.StatsService(g.db).stats().orders()).isZero();
        currencies.set("etsy", null);
        assertThat(currencies.all()).containsEntry("etsy", null);
    }
}
