package com.fankeep.cli;

import com.fankeep.core.db.DatabaseInfo;
import com.fankeep.core.db.DatabaseInfoService;
import com.fankeep.core.shared.Messages;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "db", mixinStandardHelpOptions = true, description = "The database of the data folder.",
        subcommands = DbCommand.Info.class)
final class DbCommand {

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Where the database is, its engine, schema version and durability setting.")
    static final class Info implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        private final CliContext context;

        Info(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            DatabaseInfo info = new DatabaseInfoService(context.database(RootOptions.dataDir(spec))).info();
            if (json) {
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
}
