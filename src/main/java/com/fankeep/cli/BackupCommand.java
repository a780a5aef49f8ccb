package com.fankeep.cli;

import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.BackupService;
import com.fankeep.core.backup.BackupSettings;
import com.fankeep.core.backup.RetentionPolicy;
import com.fankeep.core.privacy.ErasedInBackups;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the database now (a verified copy), into the backups folder (a manual backup: never rotated "
                + "away) or --out FILE.",
        subcommands = {BackupCommand.ListBackups.class, BackupCommand.Delete.class, BackupCommand.Configure.class,
                BackupCommand.PurgeErased.class})
final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "write the backup to this file (not rotated)")
    Path out;

    private final CliContext context;

    BackupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BackupService backups = context.services(RootOptions.dataDir(spec)).backups();
        BackupInfo info = out == null ? backups.backupNow() : backups.backupTo(out);
        context.out().println(context.messages().get("cli.backup.written", info.file()));
        describe(info, context.messages(), context.out());
        return 0;
    }

    static void describe(BackupInfo info, Messages m, PrintWriter out) {
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault()).format(info.createdAt());
        out.println(m.get("cli.backup.holds", when, info.rows("customer"), info.rows("shop_order"), info.rows("interaction"),
                info.rows("follow_up"), info.fileBytes(), info.schemaVersion()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The backups in the backups folder, newest first.")
    static final class ListBackups implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        JsonOption json;

        private final CliContext context;

        ListBackups(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            BackupService backups = context.services(RootOptions.dataDir(spec)).backups();
            List<BackupInfo> list = backups.list();
            if (json.on) {
                context.out().println(Json.write(list.stream().map(b -> new BackupJson(b.file().toString(), b.createdAt().toString(),
                        b.kind().json(), b.reason(), String.valueOf(b.schemaVersion()), b.fileBytes(), b.rowCounts())).toList()));
                return 0;
            }
            context.out().println(context.messages().get("cli.backup.folder", backups.settings().folder(), list.size()));
            for (BackupInfo b : list) {
                context.out().println(b.file().getFileName() + " (" + context.messages().get("backup.kind." + b.kind().json()) + ")");
                describe(b, context.messages(), context.out());
            }
            return 0;
        }

        /** One backup: the keys in this order (a Map.of's order changes from run to run); rows as the backup counted them. */
        record BackupJson(String file, String createdAt, String kind, String reason, String schemaVersion, long bytes,
                          java.util.Map<String, Long> rows) {
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a backup of the backups folder (manual backups are only ever deleted this way).")
    static final class Delete implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "FILE", description = "the backup file (as backup list shows it)")
        Path file;

        private final CliContext context;

        Delete(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            BackupService backups = context.services(RootOptions.dataDir(spec)).backups();
            Path f = file.isAbsolute() || file.getParent() != null ? file : backups.settings().folder().resolve(file);
            backups.delete(f);
            context.out().println(context.messages().get("cli.backup.deleted", f.getFileName()));
            return 0;
        }
    }

    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = "Show or change where backups go (e.g. a USB stick or a synced folder) and how many are kept.")
    static final class Configure implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--folder", paramLabel = "DIR",
                description = "backups folder (\"default\" for backups/ in the data folder); the existing backups move there")
        String folder;

        @Option(names = "--keep-daily", paramLabel = "N", description = "newest backup of each of the last N days (at least 1)")
        Integer daily;

        @Option(names = "--keep-weekly", paramLabel = "N", description = "newest of each of the last N weeks")
        Integer weekly;

        @Option(names = "--keep-monthly", paramLabel = "N", description = "newest of each of the last N months")
        Integer monthly;

        private final CliContext context;

        Configure(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Path dir = com.fankeep.core.db.DataFolder.resolve(RootOptions.dataDir(spec));
            BackupSettings s = BackupSettings.read(dir);
            if (folder != null || daily != null || weekly != null || monthly != null) {
                Path f = folder == null ? s.folder()
                        : "default".equals(folder) ? dir.resolve("backups") : Path.of(folder).toAbsolutePath();
                RetentionPolicy r = s.retention();
                try {
                    r = new RetentionPolicy(daily == null ? r.daily() : daily, weekly == null ? r.weekly() : weekly,
                            monthly == null ? r.monthly() : monthly);
                } catch (IllegalArgumentException e) {
                    context.err().println(context.messages().get("cli.backup.badRetention"));
                    return 2;
                }
                int moved = BackupService.changeFolder(dir, f);
                if (moved > 0) {
                    context.out().println(context.messages().get("cli.backup.moved", moved, f));
                }
                s = new BackupSettings(f, r);
                s.write(dir);
            }
            context.out().println(context.messages().get("cli.backup.settings", s.folder(), s.retention().daily(),
                    s.retention().weekly(), s.retention().monthly()));
            return 0;
        }
    }

    @Command(name = "purge-erased", mixinStandardHelpOptions = true,
            description = "Erase the customers in the erasure log from every backup in the backups folder too (each backup "
                    + "is rewritten, verified and keeps its date; a backup without them is left as it is).")
    static final class PurgeErased implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        private final CliContext context;

        PurgeErased(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Messages m = context.messages();
            ErasedInBackups purge = context.services(RootOptions.dataDir(spec)).erasedInBackups();
            ErasedInBackups.Report r = purge.purge((done, total, file) -> {
                if (!file.isEmpty()) {
                    context.err().println(m.get("purge.progress", done + 1, total, file));
                }
            }, Cancellation.none());
            context.out().println(m.get("purge.done", r.backups(), r.rewritten(), r.recordsErased()));
            for (String f : r.failed()) {
                context.err().println(m.get("purge.failed", f));
            }
            return r.failed().isEmpty() ? 0 : 1;
        }
    }
}
