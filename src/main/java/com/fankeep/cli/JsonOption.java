package com.fankeep.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch of a command that can print JSON instead of lines, written once and mixed in. */
final class JsonOption {

    @Option(names = "--json", description = "print JSON")
    boolean on;
}
