package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `currency list|set` and `import --currency`, in this JVM. */
class CurrencyCliTest {

    @TempDir
    Path temp;

    private record Run(int code, String out, String err) {
    }

    @AfterEach
    void releaseTheLogFile() {
        com.fankeep.core.shared.LoggingForTests.reset();
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 2, args.length);
        all[0] = "--data-dir";
        all[1] = temp.resolve("shop").toString();
        int code = Cli.run(all, Locale.ENGLISH, new PrintWriter(out), new PrintWriter(err), dir -> { });
        return new Run(code, out.toString(), err.toString());
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
