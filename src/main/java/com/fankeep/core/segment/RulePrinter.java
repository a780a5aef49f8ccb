package com.fankeep.core.segment;

import java.util.List;

/**
 * Writes a rule back as text, with parentheses only where needed, so that {@code parse(print(r))} equals {@code r}.
 * English is the canonical form; the Chinese form uses the first Chinese alias of every word.
 */
public final class RulePrinter {

    private RulePrinter() {
    }

    public static String print(Rule rule) {
        return print(rule, false);
    }

    public static String print(Rule rule, boolean inChinese) {
        StringBuilder sb = new StringBuilder();
        write(rule, inChinese, sb);
        return sb.toString();
    }

    private static void write(Rule rule, boolean zh, StringBuilder sb) {
        switch (rule) {
            case Rule.Or o -> join(o.rules(), zh ? " 或 " : " or ", zh, sb, false);
            case Rule.And a -> join(a.rules(), zh ? " 且 " : " and ", zh, sb, true);
            case Rule.Not n -> {
                sb.append(zh ? "非 " : "not ");
                boolean group = n.rule() instanceof Rule.And || n.rule() instanceof Rule.Or;
                wrap(n.rule(), group, zh, sb);
            }
            case Rule.Clause c -> clause(c, zh, sb);
        }
    }

    private static void join(List<Rule> rules, String sep, boolean zh, StringBuilder sb, boolean inAnd) {
        for (int i = 0; i < rules.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            Rule r = rules.get(i);
            // an or inside an and needs parentheses; an and inside an or binds tighter anyway
            wrap(r, inAnd && r instanceof Rule.Or, zh, sb);
        }
    }

    private static void wrap(Rule r, boolean parens, boolean zh, StringBuilder sb) {
        if (parens) {
            sb.append('(');
        }
        write(r, zh, sb);
        if (parens) {
            sb.append(')');
        }
    }

    private static void clause(Rule.Clause c, boolean zh, StringBuilder sb) {
        SegmentField f = c.field();
        sb.append(f.word(zh));
        switch (f.kind()) {
            case FLAG -> {
            }
            case HAS -> sb.append(' ').append(zh ? f.choiceAlias(c.value()) : c.value());
            case PARTICIPATION -> sb.append(' ').append(quote(c.subject())).append(' ').append(c.op().word(zh)).append(' ')
                    .append(value(c, zh));
            default -> {
                sb.append(' ').append(c.op().word(zh)).append(' ');
                sb.append(value(c, zh));
            }
        }
    }

    /** A clause's value as written: quoted when it would not read back as one word. */
    static String value(Rule.Clause c, boolean zh) {
        String v = c.value();
        return switch (c.field().kind()) {
            case CHOICE, PARTICIPATION -> zh ? quote(c.field().choiceAlias(v)) : v;
            case DATE -> c.op() == Op.WITHIN ? v + (zh ? "天" : "d") : v;
            case TEXT -> quote(v);
            default -> v;
        };
    }

    static String quote(String v) {
        if (!RuleLexer.needsQuotes(v)) {
            return v;
        }
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
