package com.fankeep.cli;

import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.RestoreService;
import com.fankeep.core.db.DatabaseInfo;
import com.fankeep.core.integrity.IntegrityReport;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.db.DatabaseInfoService;
import com.fankeep.core.shared.Messages;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "db", mixinStandardHelpOptions = true, description = "The database of the data folder.",
        subcommands = {DbCommand.Info.class, DbCommand.Check.class, DbCommand.Compact.class, DbKeyCommands.Encrypt.class,
                DbKeyCommands.ChangePassword.class, DbKeyCommands.Decrypt.class})
final class DbCommand {

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Where the database is, its engine, schema version and durability setting.")
    static final class Info implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        JsonOption json;

        private final CliContext context;

        Info(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            DatabaseInfo info = new DatabaseInfoService(context.database(RootOptions.dataDir(spec))).info();
            if (json.on) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("dataDir", info.dataDir().toString());
                m.put("file", info.file().toString());
                m.put("fileBytes", info.fileBytes());
                m.put("engine", info.engine());
                m.put("engineVersion", info.engineVersion());
                m.put("schemaVersion", info.schemaVersion());
                m.put("migrations", info.appliedMigrations());
                m.put("durability", info.durability());
                context.out().println(Json.write(m));
            } else {
                print(info, context.messages(), context.out());
            }
            return 0;
        }

        private static void print(DatabaseInfo info, Messages m, PrintWriter out) {
            out.printf("%-18s %s%n", m.get("db.info.dataDir"), info.dataDir());
            out.printf("%-18s %s (%,d bytes)%n", m.get("db.info.file"), info.file(), info.fileBytes());
            out.printf("%-18s %s %s%n", m.get("db.info.engine"), info.engine(), info.engineVersion());
            out.printf("%-18s %s (%d)%n", m.get("db.info.schema"), info.schemaVersion(), info.appliedMigrations().size());
            out.printf("%-18s %s%n", m.get("db.info.durability"), info.durability());
        }
    }

    @Command(name = "compact", mixinStandardHelpOptions = true,
            description = "Make the database file smaller: move its live data together and give the rest back to the disk.")
    static final class Compact implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        JsonOption json;

        private final CliContext context;

        Compact(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            // the CLI closes the database anyway: H2's full rewrite on close gives the smallest file
            com.fankeep.core.db.Database db = context.database(RootOptions.dataDir(spec));
            long start = System.nanoTime();
            long before = size(db.databaseFile());
            db.closeCompacted();
            com.fankeep.core.db.FileCompaction.Result r = new com.fankeep.core.db.FileCompaction.Result(before,
                    size(db.databaseFile()), (System.nanoTime() - start) / 1_000_000);
            if (json.on) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("beforeBytes", r.beforeBytes());
                m.put("afterBytes", r.afterBytes());
                m.put("millis", r.millis());
                context.out().println(Json.write(m));
            } else {
                context.out().println(context.messages().get("db.compact.done", mb(r.beforeBytes()), mb(r.afterBytes()), r.millis()));
            }
            return 0;
        }

        private static String mb(long bytes) {
            return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
        }

        private static long size(java.nio.file.Path file) {
            try {
                return java.nio.file.Files.size(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check the database: every reference and the customer figures against their orders. Exit 1 on a problem.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        private final CliContext context;

        Check(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Messages m = context.messages();
            java.nio.file.Path dir = com.fankeep.core.db.DataFolder.resolve(RootOptions.dataDir(spec));
            IntegrityReport report;
            try {
                report = new IntegrityService(context.database(RootOptions.dataDir(spec))).check();
            } catch (com.fankeep.core.db.DatabaseInUseException e) {
                throw e;
            } catch (com.fankeep.core.db.DatabaseOpenException e) {
                context.err().println(m.get("cli.check.cannotOpen", e.getMessage()));
                suggestRestore(dir);
                return 1;
            }
            for (IntegrityReport.Problem r : report.repaired()) {
                context.out().println(m.get("cli.check.repaired", r.where()));
            }
            if (report.ok()) {
                dashboardAggregates(m);
                duplicateKeys(m);
                context.out().println(m.get("cli.check.ok", report.checks(), report.millis()));
                return 0;
            }
            for (IntegrityReport.Problem p : report.problems()) {
                context.err().println(m.get("cli.check.problem", p.code(), p.where(), p.rows()));
            }
            suggestRestore(dir);
            return 1;
        }

        /**
         * The dashboard's aggregates against a full recount; rebuilt when they differ. One rule with the shop counters:
         * derived data that differed is reported as repaired and the check still exits 0, because nothing is left wrong
         * and nothing is lost (exit 1 means a problem remains: restore a backup).
         */
        private void dashboardAggregates(Messages m) {
            var check = context.services(RootOptions.dataDir(spec)).aggregates()
                    .check(true, com.fankeep.core.shared.Progress.NONE, com.fankeep.core.shared.Cancellation.none());
            if (!check.ok()) {
                context.out().println(m.get("cli.check.aggregates", check.chunksWrong(), check.fingerprintCurrent() ? 0 : 1));
                check.sample().forEach(line -> context.out().println("  " + line));
            }
        }

        /** The duplicates scan's stored keys against the rows (ADR 0044): the same rule, repaired and reported. */
        private void duplicateKeys(Messages m) {
            var differed = context.services(RootOptions.dataDir(spec)).merges()
                    .repairDuplicateKeys(com.fankeep.core.shared.Cancellation.none());
            if (!differed.isEmpty()) {
                context.out().println(m.get("cli.check.duplicateKeys", differed.size()));
            }
        }

        private void suggestRestore(java.nio.file.Path dir) {
            var newest = RestoreService.newestBackup(dir);
            if (newest.isPresent()) {
                BackupInfo b = newest.get();
                context.err().println(context.messages().get("cli.check.failed", b.file().getFileName(), b.createdAt(), b.file()));
            } else {
                context.err().println(context.messages().get("cli.check.noBackup"));
            }
        }
    }
}
