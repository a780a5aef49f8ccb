package com.fankeep.testing;

import com.fankeep.cli.Cli;
import com.fankeep.core.shared.LoggingForTests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a command line through {@link Cli#run} in this JVM, in English, as {@code Main} does but without a child JVM
 * (a child costs 1-2 s a command). Each run gives its log file back afterwards, as a process that ends would.
 * Tests about the process itself (exit through {@code System.exit}, locks, kills) keep {@link JavaProcess}.
 */
public final class InProcessCli {

    private final Path dataDir;

    private InProcessCli(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Every command run through it gets {@code --data-dir dataDir} appended. */
    public static InProcessCli over(Path dataDir) {
        return new InProcessCli(dataDir);
    }

    public Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        return exec(all.toArray(String[]::new));
    }

    /** The arguments as they are (the caller names the data folder, or the command needs none). */
    public static Run exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            int code = Cli.run(args, Locale.ENGLISH, new PrintWriter(out), new PrintWriter(err), d -> { });
            return new Run(code, out.toString(), err.toString());
        } finally {
            LoggingForTests.reset();
        }
    }

    /** The exit code (0 ok, 1 failure, 2 usage) and what the command printed. */
    public record Run(int code, String out, String err) {
    }
}
