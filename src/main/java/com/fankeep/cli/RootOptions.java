package com.fankeep.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Reads the root command's global options from any subcommand. */
final class RootOptions {

    private RootOptions() {
    }

    static Path dataDir(CommandSpec spec) {
        return ((FanKeepCommand) spec.root().userObject()).dataDir;
    }
}
