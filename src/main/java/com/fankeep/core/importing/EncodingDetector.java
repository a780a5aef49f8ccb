package com.fankeep.core.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Guesses a text file's encoding from its first bytes: a BOM decides; else bytes that are valid UTF-8 are UTF-8;
 * else juniversalchardet's guess, with every GB-family answer read as GB18030 (a superset of GBK: GB2312 would
 * reject characters such as 喆 that real exports contain).
 */
public final class EncodingDetector {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private EncodingDetector() {
    }

    /** What was found: the charset and how many BOM bytes to skip. */
    public record Detected(Charset charset, int bomLength) {
    }

    public static Detected detect(byte[] head, boolean wholeFile) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        Charset utf16 = utf16WithoutBom(head);
        if (utf16 != null) {
            return new Detected(utf16, 0);
        }
        if (isUtf8(head, wholeFile)) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(head, 0, head.length);
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        if (guess != null && guess.toUpperCase().startsWith("BIG5")) {
            return new Detected(Charset.forName("Big5-HKSCS"), 0);
        }
        if (guess != null && (guess.startsWith("WINDOWS-125") || guess.startsWith("ISO-8859"))) {
            return new Detected(Charset.forName("windows-1252"), 0);
        }
        // GB2312, GBK, GB18030, HZ, or no answer: Chinese shop exports are GBK, read it as its superset.
        return new Detected(GB18030, 0);
    }

    private static boolean isUtf8(byte[] head, boolean wholeFile) {
        int end = head.length;
        if (!wholeFile) {
            // The sample may cut a multi-byte character at its end: drop an incomplete tail sequence.
            int i = end - 1;
            int back = 0;
            while (i >= 0 && back < 3 && (head[i] & 0xC0) == 0x80) {
                i--;
                back++;
            }
            if (i >= 0 && (head[i] & 0x80) != 0) {
                end = i;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Arrays.copyOf(head, end)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** UTF-16 text without a BOM has a zero byte in every other position for ASCII characters. */
    private static Charset utf16WithoutBom(byte[] head) {
        int n = Math.min(head.length, 1000) & ~1;
        if (n < 8) {
            return null;
        }
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            if (head[i] == 0) {
                evenZero++;
            }
            if (head[i + 1] == 0) {
                oddZero++;
            }
        }
        int pairs = n / 2;
        if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
