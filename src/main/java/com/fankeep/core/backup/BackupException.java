package com.fankeep.core.backup;

/**
 * A backup or restore that did not happen, with a message key for the owner (i18n "backup.error.*") and its
 * arguments; nothing was changed when this is thrown.
 */
public final class BackupException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public BackupException(String key, String message, Throwable cause, Object... args) {
        super(message, cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
