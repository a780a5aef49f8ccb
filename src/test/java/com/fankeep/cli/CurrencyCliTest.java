package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `currency list|set` and `import --currency`, in this JVM. */
class CurrencyCliTest {

    @TempDir
    Path temp;

    private Run run(String... args) {
        return InProcessCli.over(temp.resolve("shop")).run(args);
    }

    @Test
    void setListAndImportWithTheShopsCurrency() {
        assertThat(run("currency", "set", "woocommerce", "eur").code()).isZero();
        Run list = run("currency", "list", "--json");
        assertThat(list.out()).contains("\"woocommerce\":\"EUR\"").contains("\"taobao\":\"CNY\"").contains("\"etsy\":null");

        Run imported = run("import", "sample-data/woocommerce/orders-export-2024-03-15.csv", "--json");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).doesNotContain("currency_assumed");
        assertThat(run("stats", "--json").out()).contains("EUR");
    }

    @Test
    void anUnknownCurrencyIsOneMessageAndExitOne() {
        Run bad = run("currency", "set", "etsy", "euros");
        assertThat(bad.code()).isEqualTo(Cli.FAILURE);
        assertThat(bad.err().strip()).isEqualTo("Not a currency code: euros (use a code such as CNY, USD or EUR)");

        Run badImport = run("import", "sample-data/woocommerce/orders-export-2024-03-15.csv", "--currency", "euros");
        assertThat(badImport.code()).isEqualTo(Cli.FAILURE);
        assertThat(badImport.err()).contains("Not a currency code: euros");
        assertThat(run("stats", "--json").out()).doesNotContain("USD");
    }
}
