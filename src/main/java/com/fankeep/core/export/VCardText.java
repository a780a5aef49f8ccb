package com.fankeep.core.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** vCard 3.0 text (RFC 2426): escaped values, names split into family and given name, lines folded at 75 bytes. */
final class VCardText {

    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "西门", "南宫", "独孤");

    private VCardText() {
    }

    /** One card; {@code phones} in the order the owner would call them. */
    static String card(String name, List<String> phones, String note) {
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCARD");
        line(sb, "VERSION:3.0");
        String[] n = split(name == null ? "" : name.strip());
        line(sb, "N:" + escape(n[0]) + ";" + escape(n[1]) + ";;;");
        line(sb, "FN:" + escape(name == null || name.isBlank() ? phones.getFirst() : name.strip()));
        for (int i = 0; i < phones.size(); i++) {
            line(sb, "TEL;TYPE=CELL" + (i == 0 ? ",PREF" : "") + ":" + escape(phones.get(i)));
        }
        if (note != null && !note.isBlank()) {
            line(sb, "NOTE:" + escape(note));
        }
        line(sb, "END:VCARD");
        return sb.toString();
    }

    /** Family and given name: 张三 → 张 + 三, 欧阳娜娜 → 欧阳 + 娜娜, Sophie Martin → Martin + Sophie. */
    static String[] split(String name) {
        if (name.isEmpty()) {
            return new String[] {"", ""};
        }
        if (name.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            int len = name.codePointCount(0, name.length());
            if (len >= 3 && COMPOUND_SURNAMES.contains(name.substring(0, name.offsetByCodePoints(0, 2)))) {
                int at = name.offsetByCodePoints(0, 2);
                return new String[] {name.substring(0, at), name.substring(at)};
            }
            if (len >= 2) {
                int at = name.offsetByCodePoints(0, 1);
                return new String[] {name.substring(0, at), name.substring(at)};
            }
            return new String[] {name, ""};
        }
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] {name, ""} : new String[] {name.substring(space + 1), name.substring(0, space).strip()};
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 bytes without cutting a character, CRLF at the end. */
    private static void line(StringBuilder sb, String text) {
        int bytes = 0;
        int limit = 75;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > limit) {
                sb.append("\r\n ");
                bytes = 1;
                limit = 75;
            }
            sb.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        sb.append("\r\n");
    }
}
