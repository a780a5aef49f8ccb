package com.fankeep.cli;

import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.currency.ShopCurrencies;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.Progress;
import com.fankeep.core.shared.RefusedException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports shop order exports and customer lists (the format is detected from each file's header).",
                "All files go in together or not at all; importing the same file again changes nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported (rows with problems are listed, the rest is stored)",
                "1:a file could not be read or its layout is unknown (the other files are still imported), or the import failed",
                "2:usage error"})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "export files (CSV, XLSX, XLS)")
    List<Path> files;

    @Option(names = "--format", paramLabel = "F", description = "skip detection and read every file as this format")
    String format;

    @Option(names = "--mapping", paramLabel = "NAME", description = "read the files with this saved column mapping (see `mapping save`)")
    String mapping;

    @Option(names = "--encoding", paramLabel = "E", description = "text encoding, e.g. GBK or UTF-8 (default: detected)")
    Charset encoding;

    @Option(names = "--zone", paramLabel = "ZONE", description = "time zone of times without an offset (default: this computer's)")
    ZoneId zone;

    @Option(names = "--currency", paramLabel = "CODE",
            description = "currency of amounts the files do not label, e.g. EUR (default: the shop's currency per platform, `currency list`)")
    String currency;

    @Option(names = "--dry-run", description = "show what would happen and store nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    private final CliContext context;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ImportService service = context.services(RootOptions.dataDir(spec)).imports();
        ImportRequest request = new ImportRequest(files, format, encoding, zone, mapping, currency);
        if (currency != null) {
            try {
                ShopCurrencies.checked(currency);
            } catch (RefusedException e) {
                context.err().println(e.localized(context.messages()));
                return Cli.FAILURE;
            }
        }
        ImportSummary s = dryRun
                ? service.dryRun(request, Progress.NONE, Cancellation.none())
                : service.importNow(request, Progress.NONE, Cancellation.none());
        if (json) {
            context.out().println(Json.write(s));
        } else {
            print(s, context.messages(), context.out());
            if (!dryRun && s.possibleDuplicates() >= 0) {
                // the import ended with a duplicates scan of the customers it created or changed (ScanAfterImport)
                context.out().println(context.messages().get("import.duplicates.found", s.possibleDuplicates()));
            }
        }
        return s.files().stream().anyMatch(f -> f.refusal() != null) ? Cli.FAILURE : Cli.OK;
    }

    private void print(ImportSummary s, Messages m, PrintWriter out) {
        for (FileSummary f : s.files()) {
            if (f.refusal() != null) {
                out.println(m.get("cli.import.refused", f.file(), f.refusal()));
            } else {
                out.println(m.get("cli.import.file", f.file(), f.format(), f.reader(), f.rows(), f.newOrders(),
                        f.updatedOrders(), f.unchangedOrders(), f.contacts(), f.newCustomers(), f.matchedCustomers(), f.problems()));
            }
        }
        out.println(m.get("cli.import.total", s.newOrders(), s.updatedOrders(), s.newCustomers(), s.matchedCustomers(), s.problems()));
        for (ImportProblem p : s.firstProblems()) {
            out.println(m.get("cli.import.problem", p.file(), p.row(), p.column() == null ? "-" : p.column(),
                    p.value() == null ? "" : p.value(), p.message()));
        }
        if (s.problems() > s.firstProblems().size()) {
            out.println(m.get("cli.import.moreProblems", s.problems() - s.firstProblems().size()));
        }
        if (dryRun) {
            out.println(m.get("cli.import.dryRun"));
        } else if (s.nothingNew()) {
            out.println(m.get("cli.import.nothingNew"));
        } else {
            out.println(m.get("cli.import.done"));
        }
    }
}
