package com.fankeep.cli;

import com.fankeep.core.export.CustomerFilter;
import com.fankeep.core.export.ExportKind;
import com.fankeep.core.export.ExportRequest;
import com.fankeep.core.export.ExportResult;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Exports data out of FanKeep (each export is logged).",
        subcommands = {ExportCommand.Customers.class, FullExportCommand.All.class})
final class ExportCommand {

    @Command(name = "customers", mixinStandardHelpOptions = true,
            description = {"Customers as CSV (UTF-8 with BOM, or --gbk), XLSX, or vCards for the phone's address book.",
                    "No cell can start a formula; --mask-phones hides the middle of phone numbers."})
    static final class Customers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--format", required = true, paramLabel = "csv|xlsx|vcf", description = "file format")
        String format;

        @Option(names = "--filter", paramLabel = "F", description = "state=…, city=…, tag=…, has-phone, lapsed=DAYS, ids=1,2,3 (repeatable)")
        List<String> filter = List.of();

        @Option(names = "--mask-phones", description = "138****8000 instead of the whole number (and e-mails masked)")
        boolean maskPhones;

        @Option(names = "--mask-addresses", description = "only the start of each address")
        boolean maskAddresses;

        @Option(names = "--gbk", description = "CSV in GBK for old Excel (default UTF-8 with BOM)")
        boolean gbk;

        @Option(names = "--batch-size", paramLabel = "N", description = "vCards per file (default ${DEFAULT-VALUE}; 0 = one file)")
        int batchSize = 100;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write (default customers-DATE.EXT here)")
        Path out;

        private final CliContext context;

        Customers(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            ExportKind kind = ExportKind.of(format);
            Path file = out != null ? out : Path.of("customers-" + LocalDate.now() + kind.extension());
            ExportRequest request = new ExportRequest(kind, CustomerFilter.parse(filter), file, maskPhones, maskAddresses, gbk,
                    batchSize, context.messages().locale());
            ExportResult r = context.services(RootOptions.dataDir(spec)).customerExports().export(request, Progress.NONE, Cancellation.none());
            // hundreds of vCard parts: name the first and the last, not every one
            List<Path> files = r.files();
            String names = files.size() <= 3 ? String.join(", ", files.stream().map(Path::toString).toList())
                    : files.getFirst() + " … " + files.getLast();
            context.out().println(context.messages().get("cli.export.done", r.customers(), files.size(), names));
            if (r.skipped() > 0) {
                context.out().println(context.messages().get("cli.export.skipped", r.skipped()));
            }
            return 0;
        }
    }
}
