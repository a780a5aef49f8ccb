package com.fankeep.cli;

import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.SampleData;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Folders;
import com.fankeep.core.shared.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sample", mixinStandardHelpOptions = true, description = "The invented sample shop that comes with FanKeep.",
        subcommands = SampleCommand.Load.class)
final class SampleCommand {

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Imports the sample exports (invented people) into the data folder, like \"Load sample data\" in the app.")
    static final class Load implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "print the import summary as JSON")
        boolean json;

        private final CliContext context;

        Load(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Path dir = Files.createTempDirectory("fankeep-samples");
            try {
                List<Path> files = SampleData.extractTo(dir);
                ImportService service = context.services(RootOptions.dataDir(spec)).imports();
                // the sample shop's exports are in China time
                ImportSummary s = service.importNow(new ImportRequest(files, null, null, ZoneId.of("Asia/Shanghai")),
                        Progress.NONE, Cancellation.none());
                context.out().println(json ? Json.write(s)
                        : context.messages().get("cli.sample.loaded", s.newOrders(), s.newCustomers(), files.size()));
                return 0;
            } finally {
                Folders.deleteTree(dir);
            }
        }
    }
}
