package com.fankeep.core.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.interaction.ContactMedium;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The .ics is read back with a small RFC 5545 reader: unfold, split name;params:value, unescape. */
public class IcsWriterTest {

    static FollowUp followUp(long id, String name, String title, LocalDate due, LocalTime time) {
        return new FollowUp(id, 7, name, title, FollowUpReason.MANUAL, due, time, ContactMedium.WECHAT, null, null,
                FollowUpStatus.OPEN, null, null, null, null, null, due, due);
    }

    /** Parses VEVENTs back into maps of property (with parameters) → unescaped value. */
    public static List<Map<String, String>> parse(String ics) {
        assertThat(ics).endsWith("\r\n");
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
            assertThat(physical).doesNotContain("\n").doesNotContain("\r");
        }
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> cur = null;
        for (String line : unfolded.split("\r\n")) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (line.equals("BEGIN:VEVENT")) {
                cur = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(cur);
                cur = null;
            } else if (cur != null) {
                cur.put(name, unescape(value));
            }
        }
        return events;
    }

    static String unescape(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                b.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                assertThat(c).as("unescaped special in " + v).isNotIn(';', ',');
                b.append(c);
            }
        }
        return b.toString();
    }

    @Test
    void allDayAndTimedFollowUpsComeBackWithTheirDatesAndTexts() {
        String longTitle = "回访：粗陶侧把茶壶用着怎么样？顺便问问要不要加微信，下次上新提前告诉她；记得说谢谢, thanks \\ 再见\n第二行";
        String ics = IcsWriter.write(List.of(
                followUp(1, "陈静", longTitle, LocalDate.of(2024, 3, 18), null),
                followUp(2, "Amy; O'Neil, Jr.", "Call", LocalDate.of(2024, 2, 29), LocalTime.of(9, 30))),
                OffsetDateTime.of(2024, 3, 15, 18, 5, 0, 0, ZoneOffset.ofHours(8)));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
        List<Map<String, String>> events = parse(ics);
        assertThat(events).hasSize(2);

        Map<String, String> allDay = events.get(0);
        assertThat(allDay.get("UID")).isEqualTo("follow-up-1@fankeep");
        assertThat(allDay.get("DTSTAMP")).isEqualTo("20240315T100500Z");
        assertThat(allDay.get("DTSTART;VALUE=DATE")).isEqualTo("20240318");
        assertThat(allDay.get("DTEND;VALUE=DATE")).isEqualTo("20240319");
        assertThat(allDay.get("SUMMARY")).isEqualTo("陈静 · " + longTitle);
        assertThat(allDay.get("DESCRIPTION")).isEqualTo(longTitle + "\nwechat");

        Map<String, String> timed = events.get(1);
        assertThat(timed.get("DTSTART")).isEqualTo("20240229T093000");
        assertThat(timed.get("DTEND")).isEqualTo("20240229T100000");
        assertThat(timed.get("SUMMARY")).isEqualTo("Amy; O'Neil, Jr. · Call");
    }

    @Test
    void foldingNeverSplitsAChineseCharacter() {
        StringBuilder out = new StringBuilder();
        IcsWriter.line(out, "SUMMARY:" + "粉".repeat(100));
        for (String physical : out.toString().split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(new String(physical.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(physical);
        }
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo("SUMMARY:" + "粉".repeat(100) + "\r\n");
    }
}
