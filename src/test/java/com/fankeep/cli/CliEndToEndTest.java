package com.fankeep.cli;

import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.testing.HoldDatabase;
import com.fankeep.testing.JavaProcess;
import com.fankeep.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real entry point in a child JVM: exit codes, output, and the database it leaves behind. */
class CliEndToEndTest {

    private static final String MAIN = "com.fankeep.Main";

    @TempDir
    Path temp;

    @Test
    void statsOnAnEmptyFolderCreatesAndMigratesTheDatabaseAndPrintsZeros() throws Exception {
        Path dir = temp.resolve("new-shop");
        JavaProcess.Result r = JavaProcess.run(MAIN, "stats", "--json", "--data-dir", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo(
                "{\"customers\":0,\"orders\":0,\"orderLines\":0,\"interactions\":0,\"openFollowUps\":0,\"revenue\":{}}");
        assertThat(r.err()).isEmpty();
        assertThat(dir.resolve("fankeep.mv.db")).exists();
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isZero();
        }
    }

    @Test
    void statsReportsWhatTheDatabaseHolds() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            db.transaction(dsl -> dsl.insertInto(SHOP_ORDER, SHOP_ORDER.PLATFORM, SHOP_ORDER.EXTERNAL_ORDER_ID,
                    SHOP_ORDER.STATUS, SHOP_ORDER.CURRENCY, SHOP_ORDER.PAID_AMOUNT)
                    .values("taobao", "3301", "completed", "CNY", new BigDecimal("128.50"))
                    .values("shopify", "#1001", "paid", "USD", new BigDecimal("12.00"))
                    .execute());
            new com.fankeep.core.insight.StatsService(db).recountAll(); // rows written past the services
        }
        JavaProcess.Result json = JavaProcess.run(MAIN, "--data-dir", dir.toString(), "stats", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"orders\":2").contains("\"revenue\":{\"CNY\":128.50,\"USD\":12.00}");

        JavaProcess.Result table = JavaProcess.run(MAIN, "--data-dir", dir.toString(), "stats");
        assertThat(table.out()).contains("Orders").contains("CNY 128.50").contains("USD 12.00");
    }

    @Test
    void dataDirCanComeFromTheEnvironment() throws Exception {
        Path dir = temp.resolve("from-env");
        ProcessBuilder pb = JavaProcess.builder(MAIN, "db", "info", "--json");
        pb.environment().put("FANKEEP_HOME", dir.toString());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("\"schemaVersion\":\"" + TestDatabases.latestMigration() + "\"").contains(dir.toString());
        assertThat(dir.resolve("fankeep.mv.db")).exists();
    }

    @Test
    void usageErrorsExitWithTwoAndHelpAndVersionWithZero() throws Exception {
        JavaProcess.Result bad = JavaProcess.run(MAIN, "no-such-command", "--data-dir", temp.toString());
        assertThat(bad.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(bad.err()).contains("Unmatched argument");

        JavaProcess.Result help = JavaProcess.run(MAIN, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("stats").contains("db").contains("--data-dir").contains("Exit codes");

        JavaProcess.Result version = JavaProcess.run(MAIN, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("FanKeep ");
        assertThat(temp.resolve("fankeep.mv.db")).doesNotExist();
    }

    @Test
    void aSecondProcessOnTheSameFolderGetsAClearMessageAndChangesNothing() throws Exception {
        Path dir = temp.resolve("busy-shop");
        Process holder = JavaProcess.builder(HoldDatabase.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("READY");
            String before = sha256(dir.resolve("fankeep.mv.db"));

            JavaProcess.Result r = JavaProcess.run(MAIN, "stats", "--data-dir", dir.toString());

            assertThat(r.exitCode()).isEqualTo(Cli.FAILURE);
            assertThat(r.err()).contains("already open").contains(dir.toString()).contains("Nothing was changed")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
            assertThat(sha256(dir.resolve("fankeep.mv.db"))).isEqualTo(before);
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
