package com.fankeep.testing;

import com.fankeep.core.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The whole database as SQL text, with H2's {@code U&'\738b…'} escapes decoded: SCRIPT writes every non-ASCII character
 * that way, so a search of the raw dump never finds a Chinese name or address.
 */
public final class SqlDump {

    private static final Pattern ESCAPE = Pattern.compile("\\\\(?:\\+([0-9a-fA-F]{6})|([0-9a-fA-F]{4}))");

    private SqlDump() {
    }

    public static String of(Database db, Path dir) throws Exception {
        Path script = Files.createTempFile(dir, "dump-", ".sql");
        db.dsl().execute("script to '" + script + "'");
        String raw = Files.readString(script);
        Files.delete(script);
        return decode(raw);
    }

    static String decode(String script) {
        return ESCAPE.matcher(script).replaceAll(r -> {
            int codePoint = Integer.parseInt(r.group(1) != null ? r.group(1) : r.group(2), 16);
            return java.util.regex.Matcher.quoteReplacement(Character.toString(codePoint));
        });
    }
}
