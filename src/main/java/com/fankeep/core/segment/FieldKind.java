package com.fankeep.core.segment;

import java.util.List;

/** What a field's values are, and so which operators it takes. */
public enum FieldKind {
    /** Free text: =, != (exact) and contains (ignoring case). */
    TEXT(List.of(Op.EQ, Op.NE, Op.CONTAINS)),
    /** One of a fixed list of codes (with localized aliases): =, !=. */
    CHOICE(List.of(Op.EQ, Op.NE)),
    /** A whole or decimal number. */
    NUMBER(List.of(Op.EQ, Op.NE, Op.GT, Op.GE, Op.LT, Op.LE)),
    /** A customer id. */
    ID(List.of(Op.EQ, Op.NE)),
    /** A point in time: within N days, before / after a day. */
    DATE(List.of(Op.WITHIN, Op.BEFORE, Op.AFTER)),
    /** True or false on its own, written as the bare field name ({@code do_not_contact}); negate with not. */
    FLAG(List.of(Op.IS)),
    /** {@code has wechat}: the field word, then one of its choices. */
    HAS(List.of(Op.IS)),
    /**
     * Taking part in a named campaign or launch: the field word, the name, then = or != and one of its choices
     * ({@code campaign "新年贺卡" = shipped}).
     */
    PARTICIPATION(List.of(Op.EQ, Op.NE));

    private final List<Op> ops;

    FieldKind(List<Op> ops) {
        this.ops = ops;
    }

    public List<Op> ops() {
        return ops;
    }
}
