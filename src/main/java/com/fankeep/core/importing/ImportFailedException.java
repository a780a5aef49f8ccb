package com.fankeep.core.importing;

/** The import could not be saved; nothing of it was stored. */
public final class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
