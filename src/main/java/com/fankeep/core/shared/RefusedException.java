package com.fankeep.core.shared;

/**
 * A request the owner made that was refused, with a message key for them (i18n) and its arguments; nothing was
 * changed when this is thrown. Features subclass it (groups, campaigns, launches…) so the UI and the CLI show every
 * refusal the same way.
 */
public class RefusedException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public RefusedException(String key, String message, Object... args) {
        super(message);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public String localized(Messages messages) {
        return messages.get(key, args);
    }
}
