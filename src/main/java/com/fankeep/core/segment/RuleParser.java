package com.fankeep.core.segment;

import com.fankeep.core.segment.RuleLexer.Kind;
import com.fankeep.core.segment.RuleLexer.Token;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rule language, by recursive descent: {@code or} of {@code and}s of optionally negated clauses or parenthesised
 * rules (and binds tighter than or). Keywords and field names in English or Chinese, any case.
 *
 * <pre>
 * rule   = and { ("or" | "或") and }
 * and    = not { ("and" | "且") not }
 * not    = ("not" | "非") not | "(" rule ")" | clause
 * clause = FLAG | "has" CHOICE | ("campaign" | "launch") name ("=" | "!=") CHOICE | field op value
 * </pre>
 */
public final class RuleParser {

    static final Set<String> AND = Set.of("and", "且", "并且");
    static final Set<String> OR = Set.of("or", "或", "或者");
    static final Set<String> NOT = Set.of("not", "非", "不");

    private final List<Token> tokens;
    private int pos;

    private RuleParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The rule written in {@code text}; throws {@link SegmentRuleException} with the column of the first problem. */
    public static Rule parse(String text) {
        RuleParser p = new RuleParser(RuleLexer.tokens(text == null ? "" : text));
        if (p.peek().kind() == Kind.END) {
            throw new SegmentRuleException(1, "segment.error.empty", null);
        }
        Rule r = p.or();
        Token t = p.peek();
        if (t.kind() == Kind.CLOSE) {
            throw new SegmentRuleException(t.column(), "segment.error.unopenedParen", null);
        }
        if (t.kind() != Kind.END) {
            throw new SegmentRuleException(t.column(), "segment.error.expectedJoin", null, t.text());
        }
        return r;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean keyword(Set<String> words) {
        Token t = peek();
        return t.kind() == Kind.WORD && words.contains(t.text().toLowerCase(Locale.ROOT));
    }

    private Rule or() {
        List<Rule> parts = new ArrayList<>();
        parts.add(and());
        while (keyword(OR)) {
            next();
            parts.add(and());
        }
        return Rule.or(parts);
    }

    private Rule and() {
        List<Rule> parts = new ArrayList<>();
        parts.add(not());
        while (keyword(AND)) {
            next();
            parts.add(not());
        }
        return Rule.and(parts);
    }

    private Rule not() {
        if (keyword(NOT)) {
            next();
            return new Rule.Not(not());
        }
        Token t = peek();
        if (t.kind() == Kind.OPEN) {
            next();
            Rule inner = or();
            Token close = peek();
            if (close.kind() != Kind.CLOSE) {
                if (close.kind() == Kind.END) {
                    throw new SegmentRuleException(t.column(), "segment.error.unclosedParen", null);
                }
                throw new SegmentRuleException(close.column(), "segment.error.expectedJoin", null, close.text());
            }
            next();
            return inner;
        }
        return clause();
    }

    private Rule clause() {
        Token t = next();
        if (t.kind() == Kind.END) {
            throw new SegmentRuleException(t.column(), "segment.error.endTooEarly", null);
        }
        if (t.kind() != Kind.WORD) {
            throw new SegmentRuleException(t.column(), "segment.error.expectedField", null, t.text());
        }
        SegmentField field = SegmentField.of(t.text());
        if (field == null) {
            throw new SegmentRuleException(t.column(), "segment.error.unknownField",
                    Suggest.closest(t.text(), SegmentField.spellings()), t.text());
        }
        return switch (field.kind()) {
            case FLAG -> new Rule.Clause(field, Op.IS, "");
            case HAS -> new Rule.Clause(field, Op.IS, choice(field, value(field, Op.IS, t)));
            case PARTICIPATION -> {
                Token name = value(field, Op.IS, t);
                if (name.text().isBlank()) {
                    throw new SegmentRuleException(name.column(), "segment.error.missingValue", null, t.text());
                }
                Op op = operator(field, t);
                yield new Rule.Clause(field, op, choice(field, value(field, op, t)), name.text());
            }
            default -> {
                Op op = operator(field, t);
                Token v = value(field, op, t);
                yield new Rule.Clause(field, op, canonical(field, op, v));
            }
        };
    }

    private Op operator(SegmentField field, Token fieldToken) {
        Token t = next();
        Op op = t.kind() == Kind.OP || t.kind() == Kind.WORD ? Op.of(t.text()) : null;
        if (op == null || !field.ops().contains(op)) {
            if (t.kind() == Kind.END) {
                throw new SegmentRuleException(t.column(), "segment.error.missingOperator", null, fieldToken.text(), opList(field));
            }
            throw new SegmentRuleException(t.column(), "segment.error.badOperator", null, fieldToken.text(), opList(field), t.text());
        }
        return op;
    }

    private static String opList(SegmentField field) {
        return String.join(" ", field.ops().stream().map(Op::word).toList());
    }

    private Token value(SegmentField field, Op op, Token fieldToken) {
        Token t = next();
        if (t.kind() != Kind.WORD && t.kind() != Kind.STRING) {
            throw new SegmentRuleException(t.column(), "segment.error.missingValue", null,
                    (fieldToken.text() + " " + op.word()).strip());
        }
        return t;
    }

    private static String choice(SegmentField field, Token t) {
        String code = field.choice(t.text());
        if (code == null) {
            throw new SegmentRuleException(t.column(), "segment.error.unknownChoice",
                    Suggest.closest(t.text(), field.choiceSpellings()), field.word(), t.text(),
                    String.join(" ", field.choiceCodes()));
        }
        return code;
    }

    private static String canonical(SegmentField field, Op op, Token t) {
        String v = t.text();
        return switch (field.kind()) {
            case TEXT -> v;
            case CHOICE, HAS, PARTICIPATION -> choice(field, t);
            case NUMBER -> number(field, t);
            case ID -> {
                try {
                    long id = Long.parseLong(v);
                    if (id <= 0) {
                        throw new NumberFormatException();
                    }
                    yield Long.toString(id);
                } catch (NumberFormatException e) {
                    throw new SegmentRuleException(t.column(), "segment.error.notId", null, v);
                }
            }
            case DATE -> op == Op.WITHIN ? days(t) : date(t);
            case FLAG -> "";
        };
    }

    private static String number(SegmentField field, Token t) {
        BigDecimal n;
        try {
            n = new BigDecimal(t.text());
        } catch (NumberFormatException e) {
            throw new SegmentRuleException(t.column(), "segment.error.notNumber", null, t.text());
        }
        if (n.signum() < 0) {
            throw new SegmentRuleException(t.column(), "segment.error.notNumber", null, t.text());
        }
        n = n.stripTrailingZeros();
        if (field != SegmentField.SPEND && n.scale() > 0) {
            throw new SegmentRuleException(t.column(), "segment.error.notWhole", null, t.text());
        }
        if (field == SegmentField.BIRTHDAY_MONTH && (n.compareTo(BigDecimal.ONE) < 0 || n.compareTo(BigDecimal.valueOf(12)) > 0)) {
            throw new SegmentRuleException(t.column(), "segment.error.month", null, t.text());
        }
        if (n.compareTo(new BigDecimal("1000000000000")) >= 0) {
            throw new SegmentRuleException(t.column(), "segment.error.notNumber", null, t.text());
        }
        return n.toPlainString();
    }

    private static String days(Token t) {
        String v = t.text().toLowerCase(Locale.ROOT);
        String digits = v.endsWith("d") || v.endsWith("天") ? v.substring(0, v.length() - 1) : v;
        try {
            int days = Integer.parseInt(digits);
            if (days < 0 || days > 100_000) {
                throw new NumberFormatException();
            }
            return Integer.toString(days);
        } catch (NumberFormatException e) {
            throw new SegmentRuleException(t.column(), "segment.error.notDays", null, t.text());
        }
    }

    private static String date(Token t) {
        try {
            return LocalDate.parse(t.text()).toString();
        } catch (DateTimeParseException e) {
            throw new SegmentRuleException(t.column(), "segment.error.notDate", null, t.text());
        }
    }
}
