package com.fankeep.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Turns an exception into what an error dialog shows (one short line) and what "Copy details" copies (the trace). */
public final class ErrorText {

    private static final int MAX_SUMMARY = 200;

    private ErrorText() {
    }

    public static String summary(Throwable e) {
        String text = e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String firstLine = text.strip().lines().findFirst().orElse(text);
        return firstLine.length() <= MAX_SUMMARY ? firstLine : firstLine.substring(0, MAX_SUMMARY) + "…";
    }

    public static String details(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
