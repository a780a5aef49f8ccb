package com.fankeep;

import com.fankeep.cli.Cli;
import com.fankeep.core.shared.Logging;
import com.fankeep.ui.DesktopLauncher;
import com.fankeep.ui.StartupBench;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;

/** The one entry point: no command → the desktop app; a command → the CLI (same jar, same services). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0 || args.length > 0 && !DesktopLauncher.isRunning()) {
            System.exit(code);
        }
    }

    /** One command line (or the desktop app), without leaving the JVM: also the CLI's AOT training ({@link AotTraining}). */
    static int run(String[] args) {
        Logging.quietConsole();
        Charset console = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(System.out, true, stdoutCharset(console));
        PrintWriter err = new PrintWriter(System.err, true, stdoutCharset(console));
        return Cli.run(args, Locale.getDefault(), out, err, DesktopLauncher::launch, StartupBench::measure);
    }

    private static Charset stdoutCharset(Charset fallback) {
        String enc = System.getProperty("stdout.encoding");
        return enc != null ? Charset.forName(enc) : fallback;
    }
}
