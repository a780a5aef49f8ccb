package com.fankeep.cli;

import com.fankeep.core.importing.mapping.MappingProfile;
import com.fankeep.core.importing.mapping.MappingService;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.importing.read.TableReader;
import com.fankeep.core.importing.read.TableReaders;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "mapping", mixinStandardHelpOptions = true,
        description = "Column mappings for spreadsheets FanKeep does not know: which column holds what.",
        subcommands = {MappingCommand.Save.class, MappingCommand.ListMappings.class})
final class MappingCommand {

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = {"Saves a mapping for the header of FILE; files with the same header are then read with it",
                    "(also by `import` without --mapping). Columns not named are ignored.",
                    "Fields: name, phone, wechat, qq, email, address, province, city, note, birthday, last_purchase, referred_by,",
                    "nickname:<platform> (e.g. nickname:taobao), ignore."})
    static final class Save implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "a name to find it again by")
        String name;

        @Parameters(index = "1", paramLabel = "FILE", description = "a file with the header to map")
        Path file;

        @Option(names = "--header-row", paramLabel = "N", description = "the header's row (default: the first non-empty row)")
        Integer headerRow;

        @Option(names = "--map", paramLabel = "COLUMN=FIELD", required = true, description = "e.g. --map 手机=phone --map 旺旺=nickname:taobao")
        Map<String, String> map = new LinkedHashMap<>();

        private final CliContext context;

        Save(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            List<String> header = header();
            MappingProfile saved = new MappingService(context.database(RootOptions.dataDir(spec))).save(name, header, map);
            context.out().println(context.messages().get("cli.mapping.saved", saved.name(), saved.headerNames().size()));
            return 0;
        }

        private List<String> header() throws Exception {
            try (TableReader reader = TableReaders.open(file, null)) {
                for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                    if (headerRow == null ? !row.isBlank() : row.number() == headerRow) {
                        return row.cells();
                    }
                }
            }
            throw new IllegalArgumentException("no header row found in " + file);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Saved mappings.")
    static final class ListMappings implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final CliContext context;

        ListMappings(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            for (MappingProfile p : new MappingService(context.database(RootOptions.dataDir(spec))).list()) {
                context.out().println(p.name() + ": " + p.mapping());
            }
            return 0;
        }
    }
}
