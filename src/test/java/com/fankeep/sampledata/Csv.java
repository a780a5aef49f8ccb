package com.fankeep.sampledata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A tiny CSV builder that gives byte-exact control over quoting, line endings, encoding and BOM,
 * because the quirks of the real exports live exactly there.
 *
 * <p>Fields passed to {@link #row(Object...)}: a {@link String} is quoted only when it has to be
 * (comma, quote, CR or LF inside); {@link #raw(String)} is written verbatim (e.g. Taobao's
 * {@code ="3301…"}); {@link #quoted(String)} is always quoted; {@code null} is an empty field.
 */
final class Csv {

    /** A field written exactly as given. */
    record Raw(String text) {}

    /** A field always enclosed in double quotes. */
    record Quoted(String text) {}

    static Raw raw(String text) {
        return new Raw(text);
    }

    static Quoted quoted(String text) {
        return new Quoted(text);
    }

    static final String CRLF = "\r\n";
    static final String LF = "\n";

    private final StringBuilder out = new StringBuilder();
    private final String eol;

    Csv(String eol) {
        this.eol = eol;
    }

    Csv header(List<String> names) {
        return row(names.toArray());
    }

    Csv row(List<?> fields) {
        return row(fields.toArray());
    }

    Csv row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append(eol);
        return this;
    }

    /** A line written verbatim (e.g. eBay's trailer lines), followed by the line ending. */
    Csv line(String text) {
        out.append(text).append(eol);
        return this;
    }

    static String field(Object f) {
        if (f == null) {
            return "";
        }
        if (f instanceof Raw r) {
            return r.text();
        }
        if (f instanceof Quoted q) {
            return '"' + q.text().replace("\"", "\"\"") + '"';
        }
        String s = f.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    String text() {
        return out.toString();
    }

    void write(Path file, Charset charset, boolean bom) throws IOException {
        writeText(file, text(), charset, bom);
    }

    /** Encodes strictly: a character the charset cannot hold is a bug in the generator, not a '?'. */
    static void writeText(Path file, String text, Charset charset, boolean bom) throws IOException {
        CharsetEncoder enc = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf;
        try {
            buf = enc.encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new IOException("cannot encode " + file.getFileName() + " as " + charset, e);
        }
        byte[] body = Arrays.copyOf(buf.array(), buf.limit());
        byte[] bytes = body;
        if (bom) {
            bytes = new byte[body.length + 3];
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            System.arraycopy(body, 0, bytes, 3, body.length);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes);
    }
}
