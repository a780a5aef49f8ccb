package com.fankeep.core.importing.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a vCard file (2.1, 3.0 or 4.0) as a table, so that contacts go through the same engine as CSV and Excel
 * files: first a header row of the fixed column names {@link #COLUMNS} (row number 0: it is not in the file), then
 * one row per card, numbered by the line of its {@code BEGIN:VCARD}, so a problem points to the card in the file.
 *
 * <p>Lines are unfolded (CRLF or LF, then a space or tab: the whitespace goes), quoted-printable values are joined
 * at their {@code =} soft line breaks and decoded, and each value is decoded with its {@code CHARSET} (GBK and GB2312
 * are read as GB18030), else the charset the owner chose, else UTF-8 when its bytes are valid UTF-8, else GB18030.
 * Group prefixes ({@code item1.TEL}) are dropped, except that a TEL whose Apple label says fax is left out; the
 * escapes {@code \n \, \; \\} are undone. Several TEL or EMAIL values share one cell, separated by
 * {@link #SEPARATOR}. A card without {@code END:VCARD} is still read, and says so in {@link #PROBLEM}.
 * Photos, logos, sounds and keys are skipped without being kept in memory.
 */
public final class VCardTableReader implements TableReader {

    public static final String FN = "FN";
    public static final String N_FAMILY = "N-FAMILY";
    public static final String N_GIVEN = "N-GIVEN";
    public static final String N_MIDDLE = "N-MIDDLE";
    public static final String NICKNAME = "NICKNAME";
    public static final String ORG = "ORG";
    public static final String TEL = "TEL";
    public static final String EMAIL = "EMAIL";
    public static final String ADR_STREET = "ADR-STREET";
    public static final String ADR_CITY = "ADR-CITY";
    public static final String ADR_REGION = "ADR-REGION";
    public static final String ADR_POSTCODE = "ADR-POSTCODE";
    public static final String ADR_COUNTRY = "ADR-COUNTRY";
    public static final String BDAY = "BDAY";
    public static final String NOTE = "NOTE";
    public static final String WECHAT = "X-WECHAT";
    public static final String QQ = "X-QQ";
    /** What was wrong with the card's text itself (no END:VCARD, a cut line); empty when nothing. */
    public static final String PROBLEM = "X-FANKEEP-PROBLEM";

    public static final List<String> COLUMNS = List.of(FN, N_FAMILY, N_GIVEN, N_MIDDLE, NICKNAME, ORG, TEL, EMAIL,
            ADR_STREET, ADR_CITY, ADR_REGION, ADR_POSTCODE, ADR_COUNTRY, BDAY, NOTE, WECHAT, QQ, PROBLEM);

    /** Between the values of one cell (several phones, e-mails, notes or problems). */
    public static final String SEPARATOR = "\n";

    /** A longer line is cut (a photo written unfolded can be megabytes; nothing FanKeep reads is that long). */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static final Set<String> BINARY = Set.of("PHOTO", "LOGO", "SOUND", "KEY");
    private static final Pattern FAX_LABEL = Pattern.compile("(?i).*(fax|pager|传真|寻呼).*");

    private final CountingInputStream in;
    private final long size;
    private final Charset override;
    private long lineNo;
    private int pushedBack = -2;
    private boolean first = true;
    private Physical pending;
    private boolean headerDone;
    private Card current;

    VCardTableReader(Path file, Charset override) throws IOException {
        this.size = Math.max(1, Files.size(file));
        this.in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        this.override = override;
    }

    @Override
    public SheetRow next() throws IOException {
        if (!headerDone) {
            headerDone = true;
            return new SheetRow(0, COLUMNS);
        }
        while (true) {
            Logical l = readLogical();
            if (l == null) {
                if (current == null) {
                    return null;
                }
                Card done = current;
                current = null;
                done.problem("END:VCARD is missing: the file ends inside this card");
                return done.row();
            }
            VCardProperty p = VCardProperty.parse(l.bytes());
            if (p == null) {
                continue; // not a property line: junk between cards, or base64 lines of an unindented 2.1 photo
            }
            if (p.is("BEGIN", "VCARD")) {
                Card started = new Card(l.line());
                if (current != null) {
                    Card done = current;
                    current = started;
                    done.problem("END:VCARD is missing: this card runs into the next BEGIN:VCARD at line " + l.line());
                    return done.row();
                }
                current = started;
            } else if (current != null && p.is("END", "VCARD")) {
                Card done = current;
                current = null;
                return done.row();
            } else if (current != null) {
                if (l.truncated()) {
                    current.problem(p.name() + " at line " + l.line() + " is longer than " + MAX_LINE_BYTES + " bytes and was cut");
                }
                current.add(p, override);
            }
        }
    }

    @Override
    public double fractionRead() {
        return Math.min(1.0, (double) in.count() / size);
    }

    @Override
    public String description() {
        return "vCard";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ------------------------------------------------------------------ lines

    private record Physical(long line, byte[] bytes, boolean truncated) {
    }

    private record Logical(long line, byte[] bytes, boolean truncated) {
    }

    /** One content line: a physical line plus its folded continuations and quoted-printable soft line breaks. */
    private Logical readLogical() throws IOException {
        Physical start;
        do {
            start = pending != null ? pending : readPhysical();
            pending = null;
            if (start == null) {
                return null;
            }
        } while (isBlank(start.bytes()));
        VCardProperty.Head head = VCardProperty.head(start.bytes());
        boolean qp = head != null && head.quotedPrintable();
        boolean discard = head != null && (head.binary() || BINARY.contains(head.name()));
        Bytes out = new Bytes();
        out.append(start.bytes(), 0);
        boolean truncated = start.truncated();
        while (true) {
            Physical next = readPhysical();
            if (next == null) {
                break;
            }
            if (qp && out.endsWith('=')) {
                out.dropLast();
                truncated |= !out.append(next.bytes(), 0) || next.truncated();
            } else if (next.bytes().length > 0 && (next.bytes()[0] == ' ' || next.bytes()[0] == '\t')) {
                if (!discard) {
                    truncated |= !out.append(next.bytes(), 1) || next.truncated();
                }
            } else {
                pending = next;
                break;
            }
        }
        return new Logical(start.line(), out.toArray(), truncated && !discard);
    }

    /** A line without its CR, LF or CRLF; null at the end of the file. */
    private Physical readPhysical() throws IOException {
        int b = read();
        if (b < 0) {
            return null;
        }
        Bytes buf = new Bytes();
        boolean truncated = false;
        while (b >= 0 && b != '\n' && b != '\r') {
            truncated |= !buf.add((byte) b);
            b = read();
        }
        if (b == '\r') {
            int c = read();
            if (c != '\n') {
                pushedBack = c;
            }
        }
        lineNo++;
        byte[] bytes = buf.toArray();
        if (first) {
            first = false;
            if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
                bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
            }
        }
        return new Physical(lineNo, bytes, truncated);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int b = pushedBack;
            pushedBack = -2;
            return b;
        }
        return in.read();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A growable byte array that stops growing at {@link #MAX_LINE_BYTES}. */
    private static final class Bytes {
        private byte[] data = new byte[128];
        private int length;

        boolean add(byte b) {
            if (length >= MAX_LINE_BYTES) {
                return false;
            }
            if (length == data.length) {
                data = java.util.Arrays.copyOf(data, Math.min(MAX_LINE_BYTES, data.length * 2));
            }
            data[length++] = b;
            return true;
        }

        boolean append(byte[] bytes, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (!add(bytes[i])) {
                    return false;
                }
            }
            return true;
        }

        boolean endsWith(char c) {
            return length > 0 && data[length - 1] == c;
        }

        void dropLast() {
            length--;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(data, length);
        }
    }

    // ------------------------------------------------------------------ cards

    /** What one card says, collected property by property. */
    private static final class Card {
        private final long line;
        private String fn;
        private String family;
        private String given;
        private String middle;
        private final Set<String> nicknames = new LinkedHashSet<>();
        private String org;
        private final List<String[]> tels = new ArrayList<>(); // group, value
        private final Set<String> emails = new LinkedHashSet<>();
        private List<String> adr;
        private boolean adrPreferred;
        private String bday;
        private final List<String> notes = new ArrayList<>();
        private String wechat;
        private String qq;
        private final Map<String, String> labels = new HashMap<>();
        private final List<String> problems = new ArrayList<>();

        Card(long line) {
            this.line = line;
        }

        void problem(String message) {
            problems.add(message);
        }

        void add(VCardProperty p, Charset override) {
            String name = p.name();
            switch (name) {
                case "FN" -> fn = first(fn, VCardProperty.unescape(p.text(override)));
                case "N" -> {
                    List<String> parts = VCardProperty.split(p.text(override), ';');
                    family = first(family, part(parts, 0));
                    given = first(given, part(parts, 1));
                    middle = first(middle, part(parts, 2));
                }
                case "NICKNAME" -> {
                    for (String n : VCardProperty.split(p.text(override), ',')) {
                        if (!n.isBlank()) {
                            nicknames.add(n.trim());
                        }
                    }
                }
                case "ORG" -> org = first(org, part(VCardProperty.split(p.text(override), ';'), 0));
                case "TEL" -> {
                    if (!p.hasType("FAX") && !p.hasType("PAGER")) {
                        String v = telValue(VCardProperty.unescape(p.text(override)));
                        if (v != null) {
                            tels.add(new String[] {p.group(), v});
                        }
                    }
                }
                case "EMAIL" -> {
                    String v = VCardProperty.unescape(p.text(override)).trim();
                    if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
                        v = v.substring(7);
                    }
                    if (!v.isEmpty()) {
                        emails.add(v);
                    }
                }
                case "ADR" -> {
                    boolean preferred = p.hasType("PREF") || p.param("PREF") != null;
                    if (adr == null || preferred && !adrPreferred) {
                        adr = VCardProperty.split(p.text(override), ';');
                        adrPreferred = preferred;
                    }
                }
                case "BDAY" -> bday = first(bday, VCardProperty.unescape(p.text(override)));
                case "NOTE" -> {
                    String v = VCardProperty.unescape(p.text(override)).strip();
                    if (!v.isEmpty()) {
                        notes.add(v);
                    }
                }
                case "X-WECHAT", "X-WEIXIN", "X-WECHAT-ID" -> wechat = first(wechat, VCardProperty.unescape(p.text(override)));
                case "X-QQ" -> qq = first(qq, VCardProperty.unescape(p.text(override)));
                case "IMPP", "X-IMPP" -> impp(p, VCardProperty.unescape(p.text(override)));
                case "X-ABLABEL" -> {
                    if (p.group() != null) {
                        labels.put(p.group(), VCardProperty.unescape(p.text(override)));
                    }
                }
                default -> {
                    // other properties are not customer data FanKeep keeps
                }
            }
        }

        /** IMPP;X-SERVICE-TYPE=QQ:x-apple:10001 (iPhone), IMPP:weixin:abc, IMPP:qq:10001. */
        private void impp(VCardProperty p, String value) {
            String service = p.param("X-SERVICE-TYPE");
            String v = value.trim();
            String scheme = null;
            int colon = v.indexOf(':');
            if (colon > 0) {
                scheme = v.substring(0, colon).toLowerCase(Locale.ROOT);
                v = v.substring(colon + 1);
            }
            String s = (service != null ? service : scheme == null ? "" : scheme).toLowerCase(Locale.ROOT);
            if (v.isBlank()) {
                return;
            }
            if (s.equals("qq") || s.equals("tencent")) {
                qq = first(qq, v);
            } else if (s.equals("wechat") || s.equals("weixin") || s.equals("微信")) {
                wechat = first(wechat, v);
            }
        }

        SheetRow row() {
            Map<String, String> cells = new HashMap<>();
            cells.put(FN, fn);
            cells.put(N_FAMILY, family);
            cells.put(N_GIVEN, given);
            cells.put(N_MIDDLE, middle);
            cells.put(NICKNAME, String.join(", ", nicknames));
            cells.put(ORG, org);
            Set<String> phones = new LinkedHashSet<>();
            for (String[] t : tels) {
                String label = t[0] == null ? null : labels.get(t[0]);
                if (label == null || !FAX_LABEL.matcher(label).matches()) {
                    phones.add(t[1]);
                }
            }
            cells.put(TEL, String.join(SEPARATOR, phones));
            cells.put(EMAIL, String.join(SEPARATOR, emails));
            if (adr != null) {
                // post office box; extended address; street; locality; region; postal code; country
                cells.put(ADR_STREET, joinNonBlank(" ", part(adr, 2), part(adr, 1), part(adr, 0)));
                cells.put(ADR_CITY, part(adr, 3));
                cells.put(ADR_REGION, part(adr, 4));
                cells.put(ADR_POSTCODE, part(adr, 5));
                cells.put(ADR_COUNTRY, part(adr, 6));
            }
            cells.put(BDAY, bday);
            cells.put(NOTE, String.join(SEPARATOR, notes));
            cells.put(WECHAT, wechat == null ? null : wechat.trim());
            cells.put(QQ, qq == null ? null : qq.trim());
            cells.put(PROBLEM, String.join(SEPARATOR, problems));
            List<String> out = new ArrayList<>(COLUMNS.size());
            for (String c : COLUMNS) {
                String v = cells.get(c);
                out.add(v == null ? "" : v.strip());
            }
            return new SheetRow(line, out);
        }

        /** tel:+86-158-0000-1001;ext=12 (vCard 4.0 URIs) → +86-158-0000-1001. */
        private static String telValue(String raw) {
            String v = raw.trim();
            if (v.regionMatches(true, 0, "tel:", 0, 4)) {
                v = v.substring(4);
                int semi = v.indexOf(';');
                if (semi >= 0) {
                    v = v.substring(0, semi);
                }
            }
            return v.isEmpty() ? null : v;
        }

        private static String first(String existing, String value) {
            return existing != null || value == null || value.isBlank() ? existing : value.strip();
        }

        private static String part(List<String> parts, int i) {
            return i < parts.size() && !parts.get(i).isBlank() ? parts.get(i).strip() : null;
        }

        private static String joinNonBlank(String sep, String... parts) {
            StringBuilder sb = new StringBuilder();
            for (String p : parts) {
                if (p != null && !p.isBlank()) {
                    if (!sb.isEmpty()) {
                        sb.append(sep);
                    }
                    sb.append(p.strip());
                }
            }
            return sb.isEmpty() ? null : sb.toString();
        }
    }
}
