package com.fankeep.cli;

import com.fankeep.core.crypto.EncryptionService;
import com.fankeep.core.db.DataFolder;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Logging;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.db.FolderSwap;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Encryption at rest of the closed data folder: turn it on, change the password, turn it off (ADR 0011). */
final class DbKeyCommands {

    private DbKeyCommands() {
    }

    /** Shared by the three: the folder, the current key, the change, what to print. */
    abstract static class KeyCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        final CliContext context;

        KeyCommand(CliContext context) {
            this.context = context;
        }

        int run(boolean wantEncrypted, boolean newPassword, Path newPasswordFile, String doneKey) {
            Messages m = context.messages();
            Path dir = DataFolder.resolve(RootOptions.dataDir(spec));
            Logging.toDataFolder(dir);
            if (EncryptionService.encrypted(dir) != wantEncrypted) {
                context.err().println(m.get(wantEncrypted ? "cli.crypto.notEncrypted" : "cli.crypto.alreadyEncrypted", dir));
                return Cli.FAILURE;
            }
            DatabaseKey current = context.key(dir);
            char[] next = null;
            if (newPassword) {
                next = context.passwords().next(newPasswordFile);
                if (next == null || next.length == 0) {
                    context.err().println(m.get("cli.crypto.noNewPassword"));
                    return Cli.USAGE;
                }
            }
            var result = EncryptionService.change(dir, current, next, (done, total, step) -> { }, Cancellation.none(),
                    FolderSwap.Steps.NONE);
            context.out().println(m.get(doneKey, dir, result.millis()));
            context.out().println(result.backupBefore() == null
                    ? m.get("cli.crypto.plainBackupRemoved", com.fankeep.core.backup.BackupSettings.read(dir).folder())
                    : m.get("cli.crypto.backup", result.backupBefore().file()));
            if (newPassword) {
                context.out().println(m.get("crypto.forgotten"));
            }
            return Cli.OK;
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = {"Encrypt the database (AES) with a new password. The app must be closed. A backup is made first.",
                    "The new password: --new-password-file FILE, else $FANKEEP_NEW_PASSWORD, else asked twice.",
                    "A forgotten password cannot be recovered."})
    static final class Encrypt extends KeyCommand {

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "the new password, first line of FILE")
        Path newPasswordFile;

        Encrypt(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            return run(false, true, newPasswordFile, "cli.crypto.encrypted");
        }
    }

    @Command(name = "change-password", mixinStandardHelpOptions = true,
            description = {"Re-encrypt the database with a new password. The app must be closed. A backup is made first.",
                    "The current password as for every command; the new one: --new-password-file FILE, else "
                            + "$FANKEEP_NEW_PASSWORD, else asked twice."})
    static final class ChangePassword extends KeyCommand {

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "the new password, first line of FILE")
        Path newPasswordFile;

        ChangePassword(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            return run(true, true, newPasswordFile, "cli.crypto.changed");
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Store the database without encryption again. The app must be closed. A backup is made first.")
    static final class Decrypt extends KeyCommand {

        Decrypt(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            return run(true, false, null, "cli.crypto.decrypted");
        }
    }
}
