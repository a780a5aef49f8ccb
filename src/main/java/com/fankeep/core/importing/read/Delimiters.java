package com.fankeep.core.importing.read;

/** Picks the field separator from the first lines: comma, TAB, semicolon or bar, outside quotes. */
final class Delimiters {

    private static final char[] CANDIDATES = {',', '\t', ';', '|'};

    private Delimiters() {
    }

    static char sniff(String text) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < text.length() && lines < 20; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                lines++;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        // eBay files may start with "sep=," — Excel's own hint
        String first = text.stripLeading();
        if (first.startsWith("sep=") && first.length() > 4) {
            return first.charAt(4);
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
