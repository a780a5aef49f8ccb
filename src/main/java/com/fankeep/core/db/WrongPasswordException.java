package com.fankeep.core.db;

import java.nio.file.Path;

/** The database is encrypted and the password given was wrong (or none was given). Nothing was changed. */
public final class WrongPasswordException extends DatabaseOpenException {

    private final boolean missing;

    public WrongPasswordException(Path dataDir, boolean missing) {
        super(dataDir, missing ? "The database in " + dataDir + " is encrypted: a password is needed"
                : "Wrong password for the database in " + dataDir, null);
        this.missing = missing;
    }

    /** True when no password was given at all. */
    public boolean missing() {
        return missing;
    }
}
