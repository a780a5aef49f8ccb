package com.fankeep.core.launch;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Times as the owner types them: {@code YYYY-MM-DD} or {@code YYYY-MM-DDTHH:MM}, in local time. */
public final class LaunchTimes {

    private LaunchTimes() {
    }

    /** @param endOfDay a bare date as the end of a window means the last minute of that day */
    public static OffsetDateTime parse(String text, ZoneId zone, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace(' ', 'T');
        try {
            LocalDateTime local = t.contains("T") ? LocalDateTime.parse(t)
                    : LocalDate.parse(t).atTime(endOfDay ? LocalTime.of(23, 59, 59) : LocalTime.MIDNIGHT);
            return local.atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new LaunchException("launch.error.time", "not a time: \"" + text + "\" (YYYY-MM-DD or YYYY-MM-DDTHH:MM)", text);
        }
    }
}
