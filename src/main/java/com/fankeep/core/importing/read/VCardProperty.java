package com.fankeep.core.importing.read;

import com.fankeep.core.importing.EncodingDetector;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One unfolded vCard content line, {@code [group.]NAME[;param…]:value}, with its value still as bytes: in a 2.1
 * card each value may have its own CHARSET and ENCODING, so it can only be decoded once the parameters are known.
 *
 * @param group  "item1" for {@code item1.TEL}, or null
 * @param name   upper case, e.g. "TEL"
 * @param params upper-case names → values; 2.1's bare parameters ({@code TEL;CELL}) are TYPE values, bare
 *               {@code QUOTED-PRINTABLE}/{@code BASE64} are ENCODING values
 */
record VCardProperty(String group, String name, Map<String, List<String>> params, byte[] value) {

    private static final Set<String> BARE_ENCODINGS = Set.of("QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT");

    /** What the start of a line says, before its continuation lines are read. */
    record Head(String name, boolean quotedPrintable, boolean binary) {
    }

    /** @return the head of a content line, or null when the line has no colon (not a property) */
    static Head head(byte[] line) {
        VCardProperty p = parse(line);
        if (p == null) {
            return null;
        }
        List<String> encodings = p.params().getOrDefault("ENCODING", List.of());
        boolean qp = encodings.stream().anyMatch(e -> e.equalsIgnoreCase("QUOTED-PRINTABLE"));
        boolean binary = encodings.stream().anyMatch(e -> e.equalsIgnoreCase("BASE64") || e.equalsIgnoreCase("B"));
        return new Head(p.name(), qp, binary);
    }

    /** @return the property, or null when the line has no colon or no name */
    static VCardProperty parse(byte[] line) {
        int colon = -1;
        boolean quoted = false;
        for (int i = 0; i < line.length; i++) {
            byte b = line[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == ':' && !quoted) {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return null;
        }
        String head = new String(line, 0, colon, StandardCharsets.UTF_8);
        List<String> parts = splitOutsideQuotes(head);
        String groupAndName = parts.get(0).trim();
        int dot = groupAndName.lastIndexOf('.');
        String group = dot > 0 ? groupAndName.substring(0, dot) : null;
        String name = (dot >= 0 ? groupAndName.substring(dot + 1) : groupAndName).toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            return null;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.size(); i++) {
            String param = parts.get(i).trim();
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String key;
            String values;
            if (eq < 0) {
                key = BARE_ENCODINGS.contains(param.toUpperCase(Locale.ROOT)) ? "ENCODING" : "TYPE";
                values = param;
            } else {
                key = param.substring(0, eq).trim().toUpperCase(Locale.ROOT);
                values = param.substring(eq + 1).trim();
            }
            List<String> list = params.computeIfAbsent(key, k -> new ArrayList<>());
            for (String v : values.split(",")) {
                String s = v.trim();
                if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                    s = s.substring(1, s.length() - 1);
                }
                if (!s.isEmpty()) {
                    list.add(s);
                }
            }
        }
        return new VCardProperty(group, name, params, Arrays.copyOfRange(line, colon + 1, line.length));
    }

    boolean is(String name, String value) {
        return this.name.equals(name) && new String(this.value, StandardCharsets.ISO_8859_1).trim().equalsIgnoreCase(value);
    }

    /** TYPE=cell,voice / type=CELL;type=VOICE / 2.1's bare CELL, case-insensitive. */
    boolean hasType(String type) {
        return params.getOrDefault("TYPE", List.of()).stream().anyMatch(t -> t.equalsIgnoreCase(type));
    }

    /** The first value of a parameter, or null. */
    String param(String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The value as text, still escaped: quoted-printable decoded, then read in its CHARSET, else {@code fallback}
     * (the owner's choice), else UTF-8 when the bytes are valid UTF-8, else GB18030 (old Chinese phones).
     */
    String text(Charset fallback) {
        byte[] bytes = value;
        String encoding = param("ENCODING");
        if (encoding != null && encoding.equalsIgnoreCase("QUOTED-PRINTABLE")) {
            bytes = decodeQuotedPrintable(bytes);
        }
        Charset charset = charset(param("CHARSET"));
        if (charset == null) {
            charset = fallback != null ? fallback : isUtf8(bytes) ? StandardCharsets.UTF_8 : EncodingDetector.GB18030;
        }
        return new String(bytes, charset);
    }

    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("GBK") || n.equals("GB2312") || n.equals("GB-2312") || n.equals("GB18030") || n.equals("CP936")) {
            return EncodingDetector.GB18030;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return null; // an unknown charset name: guess from the bytes
        }
    }

    /** =E5=BC=A0 → bytes; a lone or malformed = stays as it is (soft line breaks are joined before this). */
    static byte[] decodeQuotedPrintable(byte[] in) {
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '=' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out[n++] = (byte) (hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Undoes \n \N \, \; \: \\ ; any other backslash stays (2.1 values may hold a Windows path). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(i + 1);
                switch (d) {
                    case 'n', 'N' -> sb.append('\n');
                    case ',', ';', ':', '\\' -> sb.append(d);
                    default -> {
                        sb.append(c);
                        continue;
                    }
                }
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Splits a structured (N, ADR: ';') or list (NICKNAME: ',') value at unescaped separators, then unescapes. */
    static List<String> split(String s, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                part.append(c).append(s.charAt(i + 1));
                i++;
            } else if (c == separator) {
                out.add(unescape(part.toString()));
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        out.add(unescape(part.toString()));
        return out;
    }

    private static List<String> splitOutsideQuotes(String head) {
        List<String> out = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                part.append(c);
            } else if (c == ';' && !quoted) {
                out.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        out.add(part.toString());
        return out;
    }
}
