package com.fankeep.cli;

import com.fankeep.core.shared.Messages;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the CLI gets a password: never a plain argument (it would stay in the shell history and the process list).
 * In order: {@code --password-file FILE} (first line), the environment variable, a prompt on the terminal.
 */
final class Passwords {

    static final String ENV = "FANKEEP_PASSWORD";
    static final String NEW_ENV = "FANKEEP_NEW_PASSWORD";
    static final String BACKUP_ENV = "FANKEEP_BACKUP_PASSWORD";

    private final Map<String, String> env;
    private final Messages messages;
    private Path file;

    Passwords(Map<String, String> env, Messages messages) {
        this.env = env;
        this.messages = messages;
    }

    void file(Path file) {
        this.file = file;
    }

    /** The folder's password, or null when there is no way to ask for one. */
    char[] current() {
        return read(file, ENV, "cli.password.prompt", false);
    }

    /** A new password (asked twice on a terminal), or null when there is no way to ask for one. */
    char[] next(Path newFile) {
        return read(newFile, NEW_ENV, "cli.password.newPrompt", true);
    }

    /** The password a backup was made under, or null when there is no way to ask for one. */
    char[] backup(Path backupFile) {
        return read(backupFile, BACKUP_ENV, "cli.password.backupPrompt", false);
    }

    private char[] read(Path fromFile, String variable, String promptKey, boolean twice) {
        if (fromFile != null) {
            try {
                String text = Files.readString(fromFile, StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                return (end < 0 ? text : text.substring(0, end)).replace("\r", "").toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the password file " + fromFile + ": " + e.getMessage(), e);
            }
        }
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            return null;
        }
        char[] first = console.readPassword("%s ", messages.get(promptKey));
        if (twice && first != null) {
            char[] again = console.readPassword("%s ", messages.get("cli.password.again"));
            if (again == null || !java.util.Arrays.equals(first, again)) {
                throw new IllegalArgumentException(messages.get("cli.password.mismatch"));
            }
        }
        return first;
    }
}
