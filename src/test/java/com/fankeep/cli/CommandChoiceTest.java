package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** picocli gets only the command group a command line names (ADR 0035); help and misspellings still see them all. */
class CommandChoiceTest {

    @Test
    void theNamedGroupOnlyWhereverTheRootOptionsStand() {
        assertThat(FanKeepCommand.needed(new String[] {"--data-dir", "/tmp/x", "stats", "--json"})).containsExactly(StatsCommand.class);
        assertThat(FanKeepCommand.needed(new String[] {"--data-dir=/tmp/x", "customer", "list"})).containsExactly(CustomerCommand.class);
        assertThat(FanKeepCommand.needed(new String[] {"--password-file", "backup", "db", "check"})).containsExactly(DbCommand.class);
        assertThat(FanKeepCommand.needed(new String[] {"backup", "--data-dir", "stats"})).containsExactly(BackupCommand.class);
    }

    @Test
    void noGroupForTheDesktopAppOrTheVersionAllForHelpAndUnknownWords() {
        assertThat(FanKeepCommand.needed(new String[] {"--data-dir", "/tmp/x"})).isEmpty();
        assertThat(FanKeepCommand.needed(new String[] {"--version"})).isEmpty();
        assertThat(FanKeepCommand.needed(new String[] {"--help"})).isEqualTo(FanKeepCommand.SUBCOMMANDS);
        assertThat(FanKeepCommand.needed(new String[] {"stast"})).isEqualTo(FanKeepCommand.SUBCOMMANDS);
    }

    @Test
    void helpStillListsEveryGroupAndAMisspeltOneIsAUsageError() {
        StringWriter out = new StringWriter();
        int code = Cli.run(new String[] {"--help"}, Locale.ENGLISH, new PrintWriter(out), new PrintWriter(new StringWriter()), dir -> {
        });
        assertThat(code).isZero();
        assertThat(FanKeepCommand.SUBCOMMANDS).hasSizeGreaterThan(20);
        for (Class<?> c : FanKeepCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
            assertThat(out.toString()).as(name).containsPattern("(?m)^ +" + java.util.regex.Pattern.quote(name) + "\\b");
        }
        StringWriter err = new StringWriter();
        assertThat(Cli.run(new String[] {"stast"}, Locale.ENGLISH, new PrintWriter(new StringWriter()), new PrintWriter(err), dir -> {
        })).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("stats");
    }
}
