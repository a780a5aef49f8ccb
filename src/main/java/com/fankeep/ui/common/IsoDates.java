package com.fankeep.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Dates typed and shown as everywhere else in FanKeep, in both languages: 2026-12-06 (not the locale's 12/6/2026).
 * Typing accepts 2026-12-6, 2026/12/06 and 2026.12.06 as well.
 */
public final class IsoDates extends StringConverter<LocalDate> {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final Pattern LOOSE = Pattern.compile("\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?\\s*");

    /** Gives {@code picker} the yyyy-MM-dd converter and prompt. */
    public static DatePicker apply(DatePicker picker) {
        picker.setConverter(new IsoDates());
        picker.setPromptText("yyyy-mm-dd");
        return picker;
    }

    @Override
    public String toString(LocalDate date) {
        return date == null ? "" : ISO.format(date);
    }

    /** null for an empty text; a text that is no date throws, which the picker answers by keeping the old value. */
    @Override
    public LocalDate fromString(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = LOOSE.matcher(text);
        if (!m.matches()) {
            throw new DateTimeParseException("not a date like 2026-12-06", text, 0);
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException("no such day", text, 0, e); // 2026-02-30
        }
    }
}
