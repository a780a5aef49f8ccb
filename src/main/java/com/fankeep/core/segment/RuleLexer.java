package com.fankeep.core.segment;

import java.util.ArrayList;
import java.util.List;

/** Splits a rule into words, quoted strings, operators and parentheses, each with its 1-based column. */
final class RuleLexer {

    enum Kind { WORD, STRING, OP, OPEN, CLOSE, END }

    record Token(Kind kind, String text, int column) {
    }

    private RuleLexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (c == '(' || c == '（') {
                out.add(new Token(Kind.OPEN, "(", i + 1));
                i++;
            } else if (c == ')' || c == '）') {
                out.add(new Token(Kind.CLOSE, ")", i + 1));
                i++;
            } else if (c == '"' || c == '“') {
                i = string(text, i, out);
            } else if (isOpChar(c)) {
                int start = i;
                if (i + 1 < n && text.charAt(i + 1) == '=' && c != '=' || c == '<' && i + 1 < n && text.charAt(i + 1) == '>') {
                    i += 2;
                } else {
                    i++;
                }
                String op = text.substring(start, i);
                if (op.equals("!")) {
                    throw new SegmentRuleException(start + 1, "segment.error.badChar", null, "!");
                }
                out.add(new Token(Kind.OP, op, start + 1));
            } else {
                int start = i;
                while (i < n && !ends(text.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, text.substring(start, i), start + 1));
            }
        }
        out.add(new Token(Kind.END, "", n + 1));
        return out;
    }

    private static int string(String text, int open, List<Token> out) {
        char close = text.charAt(open) == '“' ? '”' : '"';
        StringBuilder sb = new StringBuilder();
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                sb.append(text.charAt(i + 1));
                i += 2;
            } else if (c == close) {
                out.add(new Token(Kind.STRING, sb.toString(), open + 1));
                return i + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        throw new SegmentRuleException(open + 1, "segment.error.unclosedQuote", null);
    }

    static boolean isOpChar(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>' || c == '≠' || c == '≥' || c == '≤';
    }

    private static boolean ends(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '(' || c == ')' || c == '（' || c == '）'
                || c == '"' || c == '“' || c == '”' || isOpChar(c);
    }

    /** True when {@code value} must be quoted to read back as one word. */
    static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (ends(c) || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
