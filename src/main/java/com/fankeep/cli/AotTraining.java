package com.fankeep.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Locale;

/**
 * The command-line launcher's AOT training run (installer/linux/build.sh, ADR 0035): several commands in one JVM, so
 * the cache holds what they load and link — the JDK records one run per cache. Each argument is one command line,
 * words separated by spaces. Not a command of its own: only the installer runs it.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] commandLines) {
        for (String line : commandLines) {
            StringWriter out = new StringWriter();
            String[] args = line.strip().split("\\s+");
            int code = Cli.run(args, Locale.getDefault(), new PrintWriter(out), new PrintWriter(out), dir -> {
            });
            System.out.println("training: " + Arrays.toString(args) + " -> " + code);
        }
    }
}
