package com.fankeep.core.db;

import java.nio.file.Path;

/** Another FanKeep (app or CLI) holds the database file of this data folder. */
public final class DatabaseInUseException extends DatabaseOpenException {

    public DatabaseInUseException(Path dataDir, Throwable cause) {
        super(dataDir, "The FanKeep database in " + dataDir + " is already open in another FanKeep window or command", cause);
    }
}
