package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `stats` read without picocli (ADR 0047): only its plain forms, and then exactly what picocli's way gives. */
class PlainStatsTest {

    @TempDir
    Path temp;

    @Test
    void thePlainFormsOnlyEverythingElseGoesToPicocli() {
        assertThat(PlainStats.of(args("stats"))).contains(new PlainStats(null, null, false));
        assertThat(PlainStats.of(args("--data-dir", "d", "stats", "--json"))).contains(new PlainStats(Path.of("d"), null, true));
        assertThat(PlainStats.of(args("stats", "--json", "--data-dir=d", "--password-file", "p")))
                .contains(new PlainStats(Path.of("d"), Path.of("p"), true));
        for (String[] other : new String[][] {{}, {"--help"}, {"-h"}, {"--version"}, {"stats", "--help"}, {"stats", "-h"},
                {"stast"}, {"stats", "x"}, {"stats", "stats"}, {"--json", "stats"}, {"stats", "--json", "--json"},
                {"--data-dir", "a", "--data-dir", "b", "stats"}, {"--data-dir", "--json", "stats"}, {"stats", "--data-dir"},
                {"--data-dir=", "stats"}, {"stats", "--json=true"}, {"customer", "list"}, {"stats", "--jsn"}}) {
            assertThat(PlainStats.of(other)).as(String.join(" ", other)).isEmpty();
        }
    }

    @Test
    void theSameOutputCodeAndMessageAsThroughPicocli() throws Exception {
        Path shop = temp.resolve("shop");
        assertThat(run(true, "--data-dir", shop.toString(), "import", "sample-data/woocommerce/orders-export-2024-03-15.csv")[0])
                .isEqualTo("0");
        for (String[] line : new String[][] {{"--data-dir", shop.toString(), "stats", "--json"},
                {"stats", "--data-dir=" + shop}, {"stats", "--data-dir", shop.toString(), "--json"}}) {
            assertThat(run(true, line)).as(String.join(" ", line)).containsExactly(run(false, line));
        }
        Path secret = Files.writeString(temp.resolve("pw.txt"), "pw\n");
        String[] refused = {"--data-dir", shop.toString(), "--password-file", secret.toString(), "stats", "--json"};
        // a plain folder given a password file: as through picocli (the file is not needed)
        assertThat(run(true, refused)).containsExactly(run(false, refused));
        Path notAFolder = Files.writeString(temp.resolve("file.txt"), "x");
        String[] failing = {"--data-dir", notAFolder.toString(), "stats", "--json"};
        String[] plain = run(true, failing);
        assertThat(plain[0]).isEqualTo(String.valueOf(Cli.FAILURE));
        assertThat(plain).containsExactly(run(false, failing));
    }

    private static String[] args(String... a) {
        return a;
    }

    /** exit code, out, err */
    private static String[] run(boolean plainForms, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, Locale.ENGLISH, new PrintWriter(out), new PrintWriter(err), d -> { },
                (d, h) -> { throw new IllegalStateException(); }, plainForms);
        com.fankeep.core.shared.LoggingForTests.reset();
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
