package com.fankeep;

import java.util.Arrays;

/**
 * The command-line launcher's AOT training run (installer/linux/build.sh, ADR 0035): several commands in one JVM, so
 * the cache holds what they load and link — the JDK records one run per cache. Each argument is one command line,
 * words separated by spaces, run as {@link Main} runs it (its class and lambdas are then in the cache too, ADR 0047).
 * Not a command of its own: only the installer runs it.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] commandLines) {
        for (String line : commandLines) {
            String[] args = line.strip().split("\\s+");
            int code = Main.run(args);
            System.out.println("training: " + Arrays.toString(args) + " -> " + code);
        }
    }
}
