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
        subcommands = {StatsCommand.class, DbCommand.class, ImportCommand.class, ImportsCommand.class, SampleCommand.class, BenchCommand.class, MappingCommand.class,
                CustomerCommand.class, BackupCommand.class, RestoreCommand.class, DuplicatesCommand.class,
                MergeCommand.class, RecoveryCommand.class, ExportCommand.class, InteractionCommand.class,
                FollowUpCommand.class, TemplateCommand.class, SegmentCommand.class, GroupCommand.class, ReferralCommand.class,
                CitiesCommand.class, TierCommand.class, CampaignCommand.class, LaunchCommand.class, ReportCommand.class,
                CurrencyCommand.class, OrdersCommand.class},
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

    FanKeepCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.launchDesktop(dataDir);
        return 0;
    }
}
