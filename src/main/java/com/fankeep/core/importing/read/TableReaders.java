package com.fankeep.core.importing.read;

import com.fankeep.core.importing.EncodingDetector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens any table file by what its bytes say it is, not by its name. */
public final class TableReaders {

    static final int SNIFF_BYTES = 64 * 1024;

    private TableReaders() {
    }

    /** What a file is. */
    public enum Kind { CSV, XLSX, XLS, VCARD }

    /** @param encoding a charset the owner chose, or null to detect it */
    public static TableReader open(Path file, Charset encoding) throws UnreadableFileException {
        byte[] head = head(file);
        Kind kind = kind(head);
        try {
            return switch (kind) {
                case XLSX -> {
                    ZipBombCheck.check(file);
                    yield new XlsxTableReader(file);
                }
                case XLS -> new XlsTableReader(file);
                case VCARD -> new VCardTableReader(file, encoding);
                case CSV -> openCsv(file, head, encoding);
            };
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(kind == Kind.CSV || kind == Kind.VCARD ? "unreadable_text" : "broken_workbook",
                    "cannot read " + file.getFileName() + " as " + kind + ": " + e.getMessage(), e);
        }
    }

    public static Kind kind(Path file) throws UnreadableFileException {
        return kind(head(file));
    }

    private static TableReader openCsv(Path file, byte[] head, Charset override) throws IOException, UnreadableFileException {
        EncodingDetector.Detected detected = EncodingDetector.detect(head, head.length < SNIFF_BYTES);
        Charset charset = override != null ? override : detected.charset();
        int bom = override == null || override.equals(detected.charset()) ? detected.bomLength() : 0;
        if (isBinary(head, charset)) {
            throw new UnreadableFileException("binary_file", file.getFileName() + " is not a text or Excel file", null);
        }
        String text = new String(head, bom, head.length - bom, charset);
        return new CsvTableReader(file, charset, bom, Delimiters.sniff(text));
    }

    static Kind kind(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Kind.XLSX;
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return Kind.XLS;
        }
        String start = new String(head, 0, Math.min(head.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("ï»¿", "").stripLeading();
        if (start.regionMatches(true, 0, "BEGIN:VCARD", 0, 11)) {
            return Kind.VCARD;
        }
        return Kind.CSV;
    }

    private static boolean isBinary(byte[] head, Charset charset) {
        if (charset.name().startsWith("UTF-16")) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b > 0 && b < 32 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control > head.length / 20;
    }

    private static byte[] head(Path file) throws UnreadableFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new UnreadableFileException("cannot_open", "cannot open " + file + ": " + e.getMessage(), e);
        }
    }
}
