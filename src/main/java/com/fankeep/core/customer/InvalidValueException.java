package com.fankeep.core.customer;

/** A value the owner typed that cannot be stored (a phone that does not parse, an e-mail without @ …). */
public final class InvalidValueException extends IllegalArgumentException {

    private final String field;

    /** @param field what was wrong: phone, email, value, birthday, tag, state, customer */
    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
