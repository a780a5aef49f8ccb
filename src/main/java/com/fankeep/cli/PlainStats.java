package com.fankeep.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * `stats` in its plain forms — {@code stats}, {@code --json}, {@code --data-dir DIR}, {@code --password-file FILE}
 * (also as {@code --opt=value}), each at most once, root options before or after {@code stats} — read without
 * picocli, whose model of even two commands took ~0.25 s of a 0.6 s process (interpreted reflection over Java 5
 * bytecode the AOT cache does not link, ADR 0047). Anything else (help, a typo, a repeated option, a value that looks
 * like an option) is not a plain form and goes to picocli, which answers exactly as before.
 */
record PlainStats(Path dataDir, Path passwordFile, boolean json) {

    static Optional<PlainStats> of(String[] args) {
        Path dataDir = null;
        Path passwordFile = null;
        boolean json = false;
        boolean stats = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = null;
                if (a.equals("--data-dir") || a.equals("--password-file")) {
                    if (i + 1 >= args.length) {
                        return Optional.empty();
                    }
                    value = args[++i];
                } else if (a.startsWith("--data-dir=") || a.startsWith("--password-file=")) {
                    value = a.substring(a.indexOf('=') + 1);
                    a = a.substring(0, a.indexOf('='));
                }
                if (value != null && (value.isEmpty() || value.startsWith("-"))) {
                    return Optional.empty();
                }
                switch (a) {
                    case "stats" -> {
                        if (stats) {
                            return Optional.empty();
                        }
                        stats = true;
                    }
                    case "--json" -> {
                        if (!stats || json) {
                            return Optional.empty();
                        }
                        json = true;
                    }
                    case "--data-dir" -> {
                        if (dataDir != null) {
                            return Optional.empty();
                        }
                        dataDir = Path.of(value);
                    }
                    case "--password-file" -> {
                        if (passwordFile != null) {
                            return Optional.empty();
                        }
                        passwordFile = Path.of(value);
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty(); // picocli's own message for it
        }
        return stats ? Optional.of(new PlainStats(dataDir, passwordFile, json)) : Optional.empty();
    }

    /** The words for the log: the command and its options' names, never their values (as {@link Cli#forLog}). */
    String forLog() {
        return (dataDir != null ? "[--data-dir] " : "") + (passwordFile != null ? "[--password-file] " : "") + "stats"
                + (json ? " [--json]" : "");
    }
}
