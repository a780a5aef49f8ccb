package com.fankeep.core.importing.read;

/** A file that cannot be read at all (wrong type, truncated, binary junk): one clear message, nothing stored. */
public final class UnreadableFileException extends Exception {

    private final String code;

    public UnreadableFileException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
