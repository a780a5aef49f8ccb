package com.fankeep.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The root command: with no subcommand it starts the desktop app. */
@Command(name = "fankeep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"FanKeep 粉丝管家 — a local-first CRM for small online shop owners.",
                "Without a command, starts the desktop app."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (a message says what went wrong, e.g. a wrong password; nothing was half-written)", "2:usage error"})
public final class FanKeepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "data folder (default: $FANKEEP_HOME, else the OS user data folder)")
    Path dataDir;

    private final CliContext context;

    @Option(names = "--password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "an encrypted data folder's password, the first line of FILE (else $FANKEEP_PASSWORD, else a prompt)")
    void passwordFile(Path file) {
        context.passwords().file(file);
    }

    /**
     * The command groups, added by {@link Cli} (not listed in the annotation): picocli builds the model of every command
     * it is given by reflection, ~0.2 s for all of them at a start, so a command line naming one gets only that one.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            StatsCommand.class, DbCommand.class, ImportCommand.class, ImportsCommand.class, SampleCommand.class, BenchCommand.class, MappingCommand.class,
            CustomerCommand.class, BackupCommand.class, RestoreCommand.class, DuplicatesCommand.class,
            MergeCommand.class, RecoveryCommand.class, ExportCommand.class, InteractionCommand.class,
            FollowUpCommand.class, TemplateCommand.class, SegmentCommand.class, GroupCommand.class, ReferralCommand.class,
            CitiesCommand.class, TierCommand.class, CampaignCommand.class, LaunchCommand.class, ReportCommand.class,
            CurrencyCommand.class, OrdersCommand.class
    );

    /** Root options that take a value: the word after them is not a command's name. */
    private static final java.util.Set<String> VALUED = java.util.Set.of("--data-dir", "--password-file");

    /**
     * The command groups a command line needs: the one it names; none when it names none and asks for no help (the
     * desktop app, --version); all of them otherwise (help, a misspelt command: picocli lists them and suggests the nearest).
     */
    static java.util.List<Class<?>> needed(String[] args) {
        boolean optionsOnly = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (VALUED.contains(a)) {
                i++;
            } else if (a.startsWith("--data-dir=") || a.startsWith("--password-file=")) {
                continue;
            } else if (a.equals("-V") || a.equals("--version")) {
                continue;
            } else if (a.startsWith("-")) {
                optionsOnly = false;
            } else {
                for (Class<?> c : SUBCOMMANDS) {
                    Command command = c.getAnnotation(Command.class);
                    if (command.name().equals(a) || java.util.Arrays.asList(command.aliases()).contains(a)) {
                        return java.util.List.of(c);
                    }
                }
                return SUBCOMMANDS;
            }
        }
        return optionsOnly ? java.util.List.of() : SUBCOMMANDS;
    }

    FanKeepCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.launchDesktop(dataDir);
        return 0;
    }
}
