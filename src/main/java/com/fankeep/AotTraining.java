package com.fankeep;

import java.util.Arrays;

/**
 * The command-line launcher's AOT training run (installer/linux/build.sh, ADR 0035): several commands in one JVM, so
 * the cache holds what they load and link — the JDK records one run per cache. Each argument is one command line,
 * words separated by spaces, run as {@link Main} runs it (its class and lambdas are then in the cache too, ADR 0047).
 * The window's training runs through it too ({@code bench startup}, then an import: ADR 0065). Exits 1 when a command
 * failed (the installer then makes no cache from the run), and always through {@link System#exit} as {@link Main}
 * does: the window's start leaves threads behind. Not a command of its own: only the installer runs it.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] commandLines) {
        boolean failed = false;
        for (String line : commandLines) {
            String[] args = line.strip().split("\\s+");
            int code = Main.run(args);
            System.out.println("training: " + Arrays.toString(args) + " -> " + code);
            failed |= code != 0;
        }
        System.exit(failed ? 1 : 0);
    }
}
