package com.fankeep.core.customer;

import java.time.DateTimeException;
import java.time.MonthDay;

/** A birthday whose year may be unknown. Written {@code 1990-05-17} or {@code 05-17}. */
public record Birthday(Integer year, int month, int day) {

    public Birthday {
        MonthDay.of(month, day); // throws for 02-30 and the like
        if (year != null && (year < 1900 || year > 2100)) {
            throw new DateTimeException("year out of range: " + year);
        }
    }

    /** Parses {@code 1990-05-17}, {@code 1990/5/17}, {@code 05-17}; null for blank; throws for anything else. */
    public static Birthday parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] p = text.strip().split("[-/.]");
        try {
            if (p.length == 3) {
                return new Birthday(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            if (p.length == 2) {
                return new Birthday(null, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
        } catch (NumberFormatException e) {
            throw new DateTimeException("not a birthday: " + text);
        }
        throw new DateTimeException("not a birthday: " + text);
    }

    @Override
    public String toString() {
        String md = String.format("%02d-%02d", month, day);
        return year == null ? md : year + "-" + md;
    }
}
