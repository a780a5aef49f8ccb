package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.KeyFile;
import com.fankeep.testing.JavaProcess;
import com.fankeep.testing.PlainText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db encrypt / change-password / decrypt, passwords from a file or the environment, and restore, in a child JVM. */
class EncryptionCliTest {

    private static final String MAIN = "com.fankeep.Main";

    @TempDir
    Path temp;

    /** Runs the real entry point with only the given FANKEEP_* variables set (none inherited). */
    private JavaProcess.Result run(Map<String, String> env, String... args) throws Exception {
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        ProcessBuilder pb = JavaProcess.builder(MAIN, args).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FANKEEP_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
        return new JavaProcess.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void encryptOpenWithThePasswordChangeItRestoreAnOlderBackupAndDecrypt() throws Exception {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            PlainText.addCustomer(db, PlainText.NAME, PlainText.PHONE);
        }
        String d = dir.toString();
        Path first = Files.writeString(temp.resolve("first.txt"), "first password 一\n");

        var encrypt = run(Map.of(), "--data-dir", d, "db", "encrypt", "--new-password-file", first.toString());
        assertThat(encrypt.exitCode()).as(encrypt.err()).isZero();
        assertThat(encrypt.out()).contains("is now encrypted").contains("cannot be recovered").contains("unencrypted backup taken just before was deleted");
        assertThat(PlainText.contains(dir.resolve("fankeep.mv.db"), PlainText.PHONE)).isFalse();
        assertThat(KeyFile.read(dir).orElseThrow().iterations()).isGreaterThanOrEqualTo(600_000);

        var none = run(Map.of(), "--data-dir", d, "stats", "--json");
        assertThat(none.exitCode()).isEqualTo(Cli.FAILURE);
        assertThat(none.err().strip()).startsWith("The data in").contains("is encrypted").doesNotContain("\n");

        var wrong = run(Map.of("FANKEEP_PASSWORD", "guess"), "--data-dir", d, "stats", "--json");
        assertThat(wrong.exitCode()).isEqualTo(Cli.FAILURE);
        assertThat(wrong.err().strip()).startsWith("Wrong password for the data in").doesNotContain("\n");

        var right = run(Map.of(), "stats", "--json", "--password-file", first.toString(), "--data-dir", d);
        assertThat(right.exitCode()).as(right.err()).isZero();
        assertThat(right.out()).contains("\"customers\":1");

        Path underFirst = temp.resolve("under-first.zip");
        var backup = run(Map.of("FANKEEP_PASSWORD", "first password 一"), "--data-dir", d, "backup", "--out", underFirst.toString());
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(PlainText.contains(underFirst, PlainText.PHONE)).isFalse();
        assertThat(PlainText.contains(underFirst, "张三丰")).isFalse();

        var change = run(Map.of("FANKEEP_PASSWORD", "first password 一", "FANKEEP_NEW_PASSWORD", "second"),
                "--data-dir", d, "db", "change-password");
        assertThat(change.exitCode()).as(change.err()).isZero();
        assertThat(change.out()).contains("Backup from before the change"); // encrypted under the old password: kept
        assertThat(run(Map.of("FANKEEP_PASSWORD", "first password 一"), "--data-dir", d, "stats").exitCode()).isEqualTo(Cli.FAILURE);

        var needsOld = run(Map.of("FANKEEP_PASSWORD", "second"), "--data-dir", d, "restore", underFirst.toString());
        assertThat(needsOld.exitCode()).isEqualTo(Cli.FAILURE);
        assertThat(needsOld.err()).contains("made under an earlier password");
        var restore = run(Map.of("FANKEEP_PASSWORD", "second", "FANKEEP_BACKUP_PASSWORD", "first password 一"),
                "--data-dir", d, "restore", underFirst.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        var afterRestore = run(Map.of("FANKEEP_PASSWORD", "first password 一"), "--data-dir", d, "stats", "--json");
        assertThat(afterRestore.exitCode()).as(afterRestore.err()).isZero();

        var decrypt = run(Map.of("FANKEEP_PASSWORD", "first password 一"), "--data-dir", d, "db", "decrypt");
        assertThat(decrypt.exitCode()).as(decrypt.err()).isZero();
        var plain = run(Map.of(), "--data-dir", d, "stats", "--json");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("\"customers\":1");
        assertThat(KeyFile.path(dir)).doesNotExist();
    }
}
