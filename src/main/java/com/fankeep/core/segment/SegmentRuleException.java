package com.fankeep.core.segment;

import com.fankeep.core.shared.Messages;
import java.util.Locale;

/**
 * A rule text that does not parse, or names a saved segment that does not exist: where (1-based column) and what,
 * as a message key with arguments so the edge shows it in the owner's language.
 */
public class SegmentRuleException extends RuntimeException {

    private final int column;
    private final String key;
    private final transient Object[] args;
    private final String suggestion;

    /**
     * @param key        message key under {@code segment.error.}, its arguments after the column
     * @param suggestion a close known word ("did you mean …?"), or null
     */
    public SegmentRuleException(int column, String key, String suggestion, Object... args) {
        super(format(Messages.of(Locale.ROOT), column, key, suggestion, args));
        this.column = column;
        this.key = key;
        this.args = args.clone();
        this.suggestion = suggestion;
    }

    public int column() {
        return column;
    }

    /** The message key, e.g. {@code segment.error.unknownField}. */
    public String key() {
        return key;
    }

    public String suggestion() {
        return suggestion;
    }

    /** "column 18: unknown field "ordrs" — did you mean orders?" in the given language. */
    public String localized(Messages messages) {
        return format(messages, column, key, suggestion, args);
    }

    private static String format(Messages m, int column, String key, String suggestion, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = String.valueOf(column);
        System.arraycopy(args, 0, all, 1, args.length);
        String text = m.get(key, all);
        return suggestion == null ? text : text + m.get("segment.error.didYouMean", suggestion);
    }
}
