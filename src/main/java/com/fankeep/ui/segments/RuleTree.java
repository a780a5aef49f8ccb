package com.fankeep.ui.segments;

import com.fankeep.core.segment.FieldKind;
import com.fankeep.core.segment.Op;
import com.fankeep.core.segment.Rule;
import com.fankeep.core.segment.SegmentField;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule editor's model: nested groups ("all of" / "any of", each may be negated) of condition rows (field,
 * operator, value). Converts to and from {@link Rule}, so the editor and the text form show the same rule.
 */
final class RuleTree {

    private RuleTree() {
    }

    abstract static sealed class Node permits Group, Row {
        boolean negated;
    }

    static final class Group extends Node {
        boolean any;
        final List<Node> children = new ArrayList<>();
    }

    static final class Row extends Node {
        SegmentField field;
        Op op;
        String value;
        /** The campaign or launch a participation row names (empty for other fields). */
        String subject = "";

        Row(SegmentField field, Op op, String value) {
            this.field = field;
            this.op = op;
            this.value = value;
        }

        /** A new row's defaults for a field: its first operator, its first choice or an empty value. */
        static Row of(SegmentField field) {
            Row r = new Row(field, field.ops().getFirst(), "");
            r.fieldChanged();
            return r;
        }

        /** Keeps the operator and value meaningful after the field changed. */
        void fieldChanged() {
            if (!field.ops().contains(op)) {
                op = field.ops().getFirst();
            }
            if (field.kind() != FieldKind.PARTICIPATION) {
                subject = "";
            }
            if (field.kind() == FieldKind.CHOICE || field.kind() == FieldKind.HAS || field.kind() == FieldKind.PARTICIPATION) {
                if (!field.choiceCodes().contains(value)) {
                    value = field.choiceCodes().getFirst();
                }
            } else if (field.kind() == FieldKind.FLAG) {
                value = "";
            }
        }
    }

    /** The editor tree of a rule; the root is always a group. */
    static Group of(Rule rule) {
        Node n = node(rule);
        if (n instanceof Group g) {
            return g;
        }
        Group root = new Group();
        root.children.add(n);
        return root;
    }

    private static Node node(Rule rule) {
        return switch (rule) {
            case Rule.Clause c -> {
                Row row = new Row(c.field(), c.op(), c.value());
                row.subject = c.subject();
                yield row;
            }
            case Rule.Not not -> {
                Node inner = node(not.rule());
                if (inner.negated) {
                    Group g = new Group();
                    g.children.add(inner);
                    inner = g;
                }
                inner.negated = true;
                yield inner;
            }
            case Rule.And a -> group(false, a.rules());
            case Rule.Or o -> group(true, o.rules());
        };
    }

    private static Group group(boolean any, List<Rule> rules) {
        Group g = new Group();
        g.any = any;
        rules.forEach(r -> g.children.add(node(r)));
        return g;
    }

    /**
     * The rule the tree shows, or null when it has no rows. A row's value is checked by the parser when the text is
     * printed and read back (the ViewModel does), so a half-typed number shows the same error as in the text.
     */
    static Rule rule(Node n) {
        Rule r = switch (n) {
            // a participation row without its name yet is left out, like an empty group
            case Row row -> row.field.kind() == FieldKind.PARTICIPATION && row.subject.isBlank() ? null
                    : new Rule.Clause(row.field, row.op, row.value, row.field.kind() == FieldKind.PARTICIPATION ? row.subject.strip() : "");
            case Group g -> {
                List<Rule> parts = new ArrayList<>();
                for (Node c : g.children) {
                    Rule part = rule(c);
                    if (part != null) {
                        parts.add(part);
                    }
                }
                yield parts.isEmpty() ? null : parts.size() == 1 ? parts.getFirst()
                        : g.any ? new Rule.Or(parts) : new Rule.And(parts);
            }
        };
        return r != null && n.negated ? new Rule.Not(r) : r;
    }
}
