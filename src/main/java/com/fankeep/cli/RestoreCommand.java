package com.fankeep.cli;

import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.RestoreResult;
import com.fankeep.core.backup.RestoreService;
import com.fankeep.core.db.DataFolder;
import com.fankeep.core.shared.Logging;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Works on the closed data folder: the database must not be open in the desktop app. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the database by a backup. The backup is checked first; the current database is kept "
                + "as a backup in the backups folder. A damaged or foreign file changes nothing."})
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a FanKeep backup (.zip)")
    Path file;

    @picocli.CommandLine.Option(names = "--backup-password-file", paramLabel = "FILE",
            description = "for a backup made under an earlier password: that password, first line of FILE "
                    + "(else $FANKEEP_BACKUP_PASSWORD, else asked)")
    Path backupPasswordFile;

    private final CliContext context;

    RestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path dir = DataFolder.resolve(RootOptions.dataDir(spec));
        Logging.toDataFolder(dir);
        BackupInfo info = RestoreService.inspect(file);
        BackupCommand.describe(info, context.messages(), context.out());
        com.fankeep.core.db.DatabaseKey current = context.key(dir);
        RestoreResult result;
        try {
            result = RestoreService.restore(dir, file, Clock.systemDefaultZone(), current, null);
        } catch (com.fankeep.core.backup.BackupException e) {
            if (!RestoreService.NEEDS_PASSWORD.equals(e.key())) {
                throw e;
            }
            char[] older = context.passwords().backup(backupPasswordFile);
            if (older == null) {
                throw e;
            }
            result = RestoreService.restore(dir, file, Clock.systemDefaultZone(), current, older);
        }
        context.out().println(context.messages().get("cli.restore.done", file));
        if (result.previousKeptAt() != null) {
            context.out().println(context.messages().get("cli.restore.kept", result.previousKeptAt()));
        }
        return 0;
    }
}
