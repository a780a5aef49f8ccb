package com.fankeep.cli;

import com.fankeep.core.backup.BackupException;
import com.fankeep.core.bench.StartupTimes;
import com.fankeep.core.db.DatabaseInUseException;
import com.fankeep.core.db.DatabaseOpenException;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.StorageErrors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.time.Duration;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs one command line and returns its exit code (0 ok, 1 failure, 2 usage). */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    public static int run(String[] args, Locale locale, PrintWriter out, PrintWriter err, Consumer<Path> desktopLauncher) {
        return run(args, locale, out, err, desktopLauncher, (dir, hold) -> {
            throw new IllegalStateException("bench startup needs the desktop app");
        });
    }

    /** As above; {@code startupBench} starts the desktop app in this JVM and times it ({@code bench startup}). */
    public static int run(String[] args, Locale locale, PrintWriter out, PrintWriter err, Consumer<Path> desktopLauncher,
                          BiFunction<Path, Duration, StartupTimes> startupBench) {
        return run(args, locale, out, err, desktopLauncher, startupBench, true);
    }

    /** As above; {@code plainForms} false: every command line through picocli (tests compare the two ways). */
    static int run(String[] args, Locale locale, PrintWriter out, PrintWriter err, Consumer<Path> desktopLauncher,
                   BiFunction<Path, Duration, StartupTimes> startupBench, boolean plainForms) {
        Messages messages = Messages.of(locale);
        try (CliContext context = new CliContext(out, err, messages, desktopLauncher, startupBench)) {
            java.util.Optional<PlainStats> plain = plainForms ? PlainStats.of(args) : java.util.Optional.empty();
            if (plain.isPresent()) {
                return plainStats(plain.get(), context, messages, out, err);
            }
            CommandLine cl = new CommandLine(new FanKeepCommand(context), new CommandFactory(context));
            for (Class<?> command : FanKeepCommand.needed(args)) {
                cl.addSubcommand(command);
            }
            cl.setOut(out);
            cl.setErr(err);
            cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
                err.println(describe(ex, messages));
                LOG.error("command failed: {}", forLog(parseResult), ex);
                return FAILURE;
            });
            int code = cl.execute(args);
            out.flush();
            err.flush();
            return code;
        }
    }

    /** `stats` without picocli (ADR 0047): the same work, output, failure message and log line as through it. */
    private static int plainStats(PlainStats plain, CliContext context, Messages messages, PrintWriter out, PrintWriter err) {
        int code;
        try {
            if (plain.passwordFile() != null) {
                context.passwords().file(plain.passwordFile());
            }
            code = StatsCommand.print(context, plain.dataDir(), plain.json());
        } catch (Exception ex) {
            err.println(describe(ex, messages));
            LOG.error("command failed: {}", plain.forLog(), ex);
            code = FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command and the names of its options, never their values: {@code customer edit 1 --name "张三丰…"} is logged
     * as {@code customer edit [--name]} (values hold names, phones, addresses, passwords).
     */
    static String forLog(CommandLine.ParseResult parsed) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p != parsed) {
                sb.append(' ').append(p.commandSpec().name());
            }
            for (CommandLine.Model.OptionSpec option : p.matchedOptions()) {
                sb.append(" [").append(option.longestName()).append(']');
            }
        }
        return sb.toString().strip();
    }

    static String describe(Exception ex, Messages messages) {
        if (ex instanceof DatabaseInUseException e) {
            return messages.get("error.databaseInUse", e.dataDir());
        }
        if (StorageErrors.diskFull(ex)) {
            return messages.get("error.diskFull");
        }
        if (ex instanceof BackupException e) {
            return messages.get(e.key(), e.args());
        }
        if (ex instanceof com.fankeep.core.group.GroupException e) {
            return messages.get(e.key(), e.args());
        }
        if (ex instanceof com.fankeep.core.db.WrongPasswordException e) {
            return messages.get(e.missing() ? "error.passwordNeeded" : "error.wrongPassword", e.dataDir());
        }
        if (ex instanceof DatabaseOpenException e) {
            return messages.get("error.databaseOpen", e.dataDir(), e.getMessage());
        }
        return messages.get("error.unexpected", ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }
}
