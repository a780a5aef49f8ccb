package com.fankeep.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed rule. {@link And} and {@link Or} flatten children of their own kind, so {@code (a and b) and c} and
 * {@code a and b and c} are the same rule, and printing then parsing gives back an equal rule.
 */
public sealed interface Rule {

    /** Every clause of the rule, depth first. */
    default List<Clause> clauses() {
        List<Clause> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Rule r, List<Clause> out) {
        switch (r) {
            case Clause c -> out.add(c);
            case Not n -> collect(n.rule(), out);
            case And a -> a.rules().forEach(x -> collect(x, out));
            case Or o -> o.rules().forEach(x -> collect(x, out));
        }
    }

    /** All of them (at least two; a single child is returned by {@link #and} as itself). */
    record And(List<Rule> rules) implements Rule {
        public And {
            rules = flatten(rules, And.class);
            if (rules.size() < 2) {
                throw new IllegalArgumentException("and needs two rules");
            }
        }
    }

    record Or(List<Rule> rules) implements Rule {
        public Or {
            rules = flatten(rules, Or.class);
            if (rules.size() < 2) {
                throw new IllegalArgumentException("or needs two rules");
            }
        }
    }

    record Not(Rule rule) implements Rule {
        public Not {
            Objects.requireNonNull(rule);
        }
    }

    /**
     * One test: {@code field op value}. The value is kept in its canonical text: choice codes, plain numbers
     * ({@code 3}, {@code 99.5}), days as a count ({@code 180}), dates as {@code 2024-05-01}; empty for flags. The
     * subject names the campaign or launch of a participation field (empty for the others).
     */
    record Clause(SegmentField field, Op op, String value, String subject) implements Rule {
        public Clause {
            Objects.requireNonNull(field);
            Objects.requireNonNull(op);
            value = value == null ? "" : value;
            subject = subject == null ? "" : subject;
            if (!field.ops().contains(op)) {
                throw new IllegalArgumentException(field.word() + " does not take " + op);
            }
            if ((field.kind() == FieldKind.PARTICIPATION) == subject.isBlank()) {
                throw new IllegalArgumentException(field.word() + (subject.isBlank() ? " needs a name" : " takes no name"));
            }
        }

        public Clause(SegmentField field, Op op, String value) {
            this(field, op, value, "");
        }
    }

    static Rule and(List<Rule> rules) {
        return rules.size() == 1 ? rules.getFirst() : new And(rules);
    }

    static Rule or(List<Rule> rules) {
        return rules.size() == 1 ? rules.getFirst() : new Or(rules);
    }

    private static List<Rule> flatten(List<Rule> rules, Class<? extends Rule> kind) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            Objects.requireNonNull(r);
            if (r instanceof And a && kind == And.class) {
                out.addAll(a.rules());
            } else if (r instanceof Or o && kind == Or.class) {
                out.addAll(o.rules());
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }
}
