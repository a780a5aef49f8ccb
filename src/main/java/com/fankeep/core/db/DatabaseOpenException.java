package com.fankeep.core.db;

import java.nio.file.Path;

/** The database could not be opened; nothing was changed. */
public class DatabaseOpenException extends RuntimeException {

    private final Path dataDir;

    public DatabaseOpenException(Path dataDir, String message, Throwable cause) {
        super(message, cause);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
