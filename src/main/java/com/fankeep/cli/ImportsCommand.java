package com.fankeep.cli;

import com.fankeep.core.importing.ImportBatch;
import com.fankeep.core.importing.ProblemReport;
import com.fankeep.core.importing.model.ImportProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "imports", mixinStandardHelpOptions = true, description = "The imported files (batches): list, problems, undo.",
        subcommands = {ImportsCommand.ListBatches.class, ImportsCommand.Problems.class, ImportsCommand.Undo.class})
final class ImportsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Imported files, newest first.")
    static final class ListBatches implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        JsonOption json;

        private final CliContext context;

        ListBatches(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<ImportBatch> batches = context.services(RootOptions.dataDir(spec)).imports().batches();
            if (json.on) {
                context.out().println(Json.write(batches));
                return 0;
            }
            for (ImportBatch b : batches) {
                context.out().println(context.messages().get("cli.imports.row", b.id(), b.status(), b.fileName(), b.format(),
                        b.orders(), b.newCustomers(), b.matchedCustomers(), b.problems()));
            }
            return 0;
        }
    }

    @Command(name = "problems", mixinStandardHelpOptions = true,
            description = "The problems of one imported file: file, row, column, value, what was wrong.")
    static final class Problems implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "BATCH", description = "batch id (see `imports list`)")
        long batchId;

        @Option(names = "--out", paramLabel = "FILE", description = "write them as a CSV report (safe to open in Excel)")
        Path out;

        private final CliContext context;

        Problems(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            List<ImportProblem> problems = context.services(RootOptions.dataDir(spec)).imports().problems(batchId);
            if (out != null) {
                ProblemReport.writeCsv(problems, out);
                context.out().println(context.messages().get("cli.imports.problemsWritten", problems.size(), out));
                return 0;
            }
            for (ImportProblem p : problems) {
                context.out().println(context.messages().get("cli.import.problem", p.file(), p.row(),
                        p.column() == null ? "-" : p.column(), p.value() == null ? "" : p.value(), p.message()));
            }
            return 0;
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = "Takes an imported file back out: its orders and the customers only it brought disappear.")
    static final class Undo implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "BATCH", description = "batch id (see `imports list`)")
        long batchId;

        private final CliContext context;

        Undo(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            int removed = context.services(RootOptions.dataDir(spec)).imports().undo(batchId);
            context.out().println(context.messages().get("cli.imports.undone", batchId, removed));
            return 0;
        }
    }
}
