package com.fankeep.core.importing;

/** A cell value that cannot be read as what its column holds; becomes an import problem with file, row and column. */
public final class ParseException extends Exception {

    private final String code;

    public ParseException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable problem code, e.g. "bad_amount", "bad_date". */
    public String code() {
        return code;
    }
}
