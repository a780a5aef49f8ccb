package com.fankeep.core.followup;

import java.nio.charset.StandardCharsets;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes follow-ups as an iCalendar file (RFC 5545) for the phone's calendar: one VEVENT each, all-day
 * ({@code DTSTART;VALUE=DATE}) when there is no time, otherwise a floating local time (the owner's own calendar shows it
 * in their own zone); DTSTAMP in UTC; text escaped (backslash, semicolon, comma, newline); lines folded at 75 octets
 * without splitting a UTF-8 character; CRLF line ends.
 */
public final class IcsWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final int FOLD = 75;

    private IcsWriter() {
    }

    /** @param stamp when the file is made (DTSTAMP) */
    public static String write(List<FollowUp> followUps, OffsetDateTime stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//FanKeep//Follow-ups//EN");
        line(out, "CALSCALE:GREGORIAN");
        String dtstamp = LOCAL.format(stamp.withOffsetSameInstant(ZoneOffset.UTC)) + "Z";
        for (FollowUp f : followUps) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:follow-up-" + f.id() + "@fankeep");
            line(out, "DTSTAMP:" + dtstamp);
            if (f.dueTime() == null) {
                line(out, "DTSTART;VALUE=DATE:" + DATE.format(f.dueDate()));
                line(out, "DTEND;VALUE=DATE:" + DATE.format(f.dueDate().plusDays(1)));
            } else {
                LocalDateTime start = f.dueDate().atTime(f.dueTime());
                line(out, "DTSTART:" + LOCAL.format(start));
                line(out, "DTEND:" + LOCAL.format(start.plusMinutes(30)));
            }
            line(out, "SUMMARY:" + escape(f.customerName() + " · " + f.title()));
            StringBuilder desc = new StringBuilder(f.title());
            if (f.channel() != null) {
                desc.append("\n").append(f.channel().code());
            }
            line(out, "DESCRIPTION:" + escape(desc.toString()));
            line(out, "CATEGORIES:" + escape(f.reason().code()));
            line(out, "STATUS:CONFIRMED");
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT value escaping (RFC 5545 3.3.11). */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        continue;
                    }
                    b.append("\\n");
                }
                default -> b.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** Appends one content line, folded so no physical line exceeds 75 octets (3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = FOLD;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = FOLD - 1;   // the leading space counts
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

}
