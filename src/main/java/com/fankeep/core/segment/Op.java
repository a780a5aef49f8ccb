package com.fankeep.core.segment;

import java.util.List;

/** The operators of the rule language; the first spelling is the one printed. */
public enum Op {
    EQ(List.of("="), List.of("=")),
    NE(List.of("!=", "<>", "≠"), List.of("!=")),
    GT(List.of(">"), List.of(">")),
    GE(List.of(">=", "≥"), List.of(">=")),
    LT(List.of("<"), List.of("<")),
    LE(List.of("<=", "≤"), List.of("<=")),
    CONTAINS(List.of("contains"), List.of("包含")),
    WITHIN(List.of("within"), List.of("近")),
    BEFORE(List.of("before"), List.of("早于")),
    AFTER(List.of("after"), List.of("晚于")),
    /** Flags and {@code has}: no operator is written. */
    IS(List.of(), List.of());

    private final List<String> english;
    private final List<String> chinese;

    Op(List<String> english, List<String> chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** Whether a comparison's result ({@code compareTo}: negative, 0, positive) satisfies this comparison operator. */
    boolean accepts(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> throw new IllegalArgumentException(name());
        };
    }

    /** The spelling printed in English (symbols are the same in both). */
    public String word() {
        return english.isEmpty() ? "" : english.getFirst();
    }

    public String word(boolean inChinese) {
        return inChinese ? (chinese.isEmpty() ? "" : chinese.getFirst()) : word();
    }

    /** The operator spelled {@code text} (any language, any case), or null. */
    public static Op of(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        for (Op op : values()) {
            if (op.english.contains(t) || op.chinese.contains(t)) {
                return op;
            }
        }
        return null;
    }
}
