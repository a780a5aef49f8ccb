package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.crypto.EncryptionService;
import com.fankeep.core.db.Database;
import com.fankeep.core.db.FolderSwap;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.InProcessCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `stats` answers from the figures noted at the last clean close while the file is exactly as it left it (ADR 0047). */
class StatsAtLastCloseTest {

    @TempDir
    Path temp;

    @Test
    void theNotedFiguresEqualTheCountersAfterAnOpenAndAreUsedOnlyForTheFileAsLeft() throws Exception {
        Path shop = temp.resolve("shop");
        InProcessCli cli = InProcessCli.over(shop);
        assertThat(cli.run("import", "sample-data/woocommerce/orders-export-2024-03-15.csv").code()).isZero();
        assertThat(cli.run("currency", "set", "etsy", "eur").code()).isZero(); // a write through the services, closed cleanly

        Path facts = shop.resolve("last-close.properties");
        String noted = cli.run("stats", "--json").out();
        assertThat(StatsService.atLastClose(shop)).as("noted at the close").isPresent();
        Files.delete(facts);
        String opened = cli.run("stats", "--json").out();
        assertThat(opened).contains("\"customers\":").doesNotContain("\"customers\":0,");
        assertThat(noted).as("the note equals the counters read after an open").isEqualTo(opened);
        assertThat(Files.exists(facts)).as("a read-only open notes nothing").isFalse();

        try (Database db = Database.open(shop)) {
            CoreServices.over(db); // noted at its close
            assertThat(StatsService.atLastClose(shop)).as("taken while open").isEmpty();
        }
        assertThat(cli.run("stats", "--json").out()).isEqualTo(opened);
        // the note is what answers: a planted figure in it shows, as long as the file is as the close left it
        Files.writeString(facts, Files.readString(facts).replaceFirst("(?m)^note\\.stats=\\d+", "note.stats=424242"));
        assertThat(cli.run("stats", "--json").out()).contains("\"customers\":424242");
        Path file = shop.resolve("fankeep.mv.db");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2_000));
        assertThat(cli.run("stats", "--json").out()).as("the file changed after the close").isEqualTo(opened);
    }

    @Test
    void anEncryptedShopsFiguresAreNeverNoted() throws Exception {
        Path shop = temp.resolve("secret");
        try (Database db = Database.open(shop)) {
            CoreServices.over(db);
        }
        assertThat(StatsService.atLastClose(shop)).as("a plain shop's are").isPresent();
        char[] password = "a password 一".toCharArray();
        EncryptionService.change(shop, null, password, Progress.NONE, Cancellation.none(), FolderSwap.Steps.NONE);
        try (Database db = EncryptionService.open(shop, password)) {
            CoreServices.over(db);
        }
        Path facts = shop.resolve("last-close.properties");
        assertThat(Files.exists(facts) ? Files.readString(facts) : "").doesNotContain("note.stats");
        assertThat(StatsService.atLastClose(shop)).isEmpty();
    }
}
