package com.fankeep.cli;

import com.fankeep.core.backup.FullExportService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export all}: registered under {@link ExportCommand}. */
final class FullExportCommand {

    private FullExportCommand() {
    }

    @Command(name = "all", mixinStandardHelpOptions = true,
            description = "Everything, version-independent: a zip with one CSV per table and an SQL script.")
    static final class All implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "the zip file to write")
        Path out;

        private final CliContext context;

        All(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            FullExportService.Result r = new FullExportService(context.database(RootOptions.dataDir(spec))).exportAll(out);
            long rows = r.rows().values().stream().mapToLong(Long::longValue).sum();
            context.out().println(context.messages().get("cli.export.done", r.rows().size(), rows, r.file()));
            return 0;
        }
    }
}
