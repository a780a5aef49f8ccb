package com.fankeep.core.segment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule evaluated over {@link SegmentFacts}: the set of matching slots. Means exactly what {@link RuleSql} means
 * (two-valued, so NOT is the complement among live customers); {@code SegmentFactsTest} holds the two equal.
 */
final class FactsEvaluator {

    private final SegmentFacts f;
    private final Clock clock;
    private final int n;

    FactsEvaluator(SegmentFacts facts, Clock clock) {
        this.f = facts;
        this.clock = clock;
        this.n = facts.size();
    }

    BitSet matching(Rule rule) {
        return switch (rule) {
            case Rule.And a -> {
                BitSet out = null;
                for (Rule r : a.rules()) {
                    BitSet b = matching(r);
                    if (out == null) {
                        out = b;
                    } else {
                        out.and(b);
                    }
                }
                yield out;
            }
            case Rule.Or o -> {
                BitSet out = new BitSet(n);
                for (Rule r : o.rules()) {
                    out.or(matching(r));
                }
                yield out;
            }
            case Rule.Not x -> not(matching(x.rule()));
            case Rule.Clause c -> c.op() == Op.NE ? not(clause(c.field(), Op.EQ, c.value(), c.subject()))
                    : clause(c.field(), c.op(), c.value(), c.subject());
        };
    }

    private BitSet not(BitSet b) {
        BitSet all = new BitSet(n);
        all.set(0, n);
        all.andNot(b);
        return all;
    }

    private BitSet clause(SegmentField field, Op op, String v, String subject) {
        return switch (field) {
            case CITY -> text(f.city(), op, v, RuleSql.placeNames(v, "市"));
            case PROVINCE -> text(f.province(), op, v, RuleSql.placeNames(v, "省", "市"));
            case TIER -> text(f.tier(), Op.EQ, "", Set.of(v.equals("none") ? "" : v));
            case RECOVERY -> text(f.recovery(), Op.EQ, "", Set.of(v));
            case ORDERS -> number(f.orders(), op, new BigDecimal(v));
            case SPEND -> spend(op, new BigDecimal(v));
            case FIRST_ORDER -> date(f.firstOrder(), op, v);
            case LAST_ORDER -> date(f.lastOrder(), op, v);
            case PLATFORM -> flags(f.platforms(), v);
            case HAS -> flags(f.kinds(), v);
            case FUNNEL -> flags(f.funnel(), v);
            case ITEM -> posted(f.items(), op, v);
            case SKU -> posted(f.skus(), op, v);
            case TAG -> posted(f.tags(), op, v);
            case GROUP -> posted(f.groups(), op, v);
            case REFERRED_BY -> {
                long id = Long.parseLong(v);
                BitSet out = new BitSet(n);
                long[] by = f.referredBy();
                for (int i = 0; i < n; i++) {
                    if (by[i] == id) {
                        out.set(i);
                    }
                }
                yield out;
            }
            case REFERRED -> number(f.referred(), op, new BigDecimal(v));
            case BIRTHDAY_MONTH -> {
                byte[] m = f.birthdayMonth();
                Threshold t = new Threshold(new BigDecimal(v), 0);
                BitSet out = new BitSet(n);
                for (int i = 0; i < n; i++) {
                    if (m[i] != 0 && t.holds(op, m[i])) {
                        out.set(i);
                    }
                }
                yield out;
            }
            case DO_NOT_CONTACT -> (BitSet) f.doNotContact().clone();
            case CAMPAIGN -> posted(f.campaigns(), Op.EQ, SegmentFacts.participation(subject, v));
            case LAUNCH -> posted(f.launches(), Op.EQ, SegmentFacts.participation(subject, v));
            // any gift in the span: the latest for "within" and "after", the earliest for "before"
            case GIFT -> date(op == Op.BEFORE ? f.firstGift() : f.lastGift(), op, v);
        };
    }

    /** A code per customer: which codes pass, then one pass over the codes. */
    private BitSet text(SegmentFacts.Codes codes, Op op, String v, Set<String> names) {
        boolean[] pass = passing(codes.values(), op, v, names);
        int[] c = codes.code();
        BitSet out = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if (pass[c[i]]) {
                out.set(i);
            }
        }
        return out;
    }

    private BitSet posted(SegmentFacts.Postings p, Op op, String v) {
        boolean[] pass = passing(p.values(), op, v, Set.of(v));
        BitSet out = new BitSet(n);
        for (int k = 0; k < pass.length; k++) {
            if (pass[k]) {
                for (int slot : p.slots()[k]) {
                    out.set(slot);
                }
            }
        }
        return out;
    }

    /** Same test as RuleSql's: contains ignoring case (SQL lower on both sides), else equal to one of the names. */
    private static boolean[] passing(List<String> values, Op op, String v, Set<String> names) {
        boolean[] pass = new boolean[values.size()];
        String needle = v.toLowerCase(Locale.ROOT);
        for (int k = 0; k < pass.length; k++) {
            String s = values.get(k);
            pass[k] = op == Op.CONTAINS ? s.toLowerCase(Locale.ROOT).contains(needle) : names.contains(s);
        }
        return pass;
    }

    private BitSet flags(SegmentFacts.Flags flags, String v) {
        int bit = flags.bit(v);
        BitSet out = new BitSet(n);
        if (bit == 0) {
            return out;
        }
        int[] b = flags.bits();
        for (int i = 0; i < n; i++) {
            if ((b[i] & bit) != 0) {
                out.set(i);
            }
        }
        return out;
    }

    private BitSet number(int[] values, Op op, BigDecimal v) {
        Threshold t = new Threshold(v, 0);
        BitSet out = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if (t.holds(op, values[i])) {
                out.set(i);
            }
        }
        return out;
    }

    private BitSet spend(Op op, BigDecimal v) {
        Threshold t = new Threshold(v, 2);
        long[] fen = f.spendFen();
        BitSet out = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if (t.holds(op, fen[i])) {
                out.set(i);
            }
        }
        return out;
    }

    private BitSet date(long[] at, Op op, String v) {
        long from = Long.MIN_VALUE;
        long until = Long.MAX_VALUE; // exclusive
        switch (op) {
            case WITHIN -> from = nanos(RuleSql.withinCutoff(clock, Integer.parseInt(v)));
            case BEFORE -> until = nanos(RuleSql.dayStart(clock.getZone(), LocalDate.parse(v)));
            case AFTER -> from = nanos(RuleSql.dayStart(clock.getZone(), LocalDate.parse(v).plusDays(1)));
            default -> throw new IllegalArgumentException(op.name());
        }
        BitSet out = new BitSet(n);
        for (int i = 0; i < n; i++) {
            long t = at[i];
            if (t != SegmentFacts.NONE && t >= from && t < until) {
                out.set(i);
            }
        }
        return out;
    }

    private static long nanos(OffsetDateTime t) {
        return t.toEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** A decimal threshold in whole units of 10^-scale, so each customer's value compares as a long. */
    private static final class Threshold {
        private final long floor;
        private final boolean exact;

        Threshold(BigDecimal v, int scale) {
            BigDecimal s = v.movePointRight(scale);
            BigDecimal fl = s.setScale(0, RoundingMode.FLOOR);
            if (fl.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                floor = Long.MAX_VALUE;
                exact = false;
            } else if (fl.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
                floor = Long.MIN_VALUE;
                exact = false;
            } else {
                floor = fl.longValueExact();
                exact = fl.compareTo(s) == 0;
            }
        }

        /** Sign of x minus the threshold. */
        int compare(long x) {
            return exact ? Long.compare(x, floor) : (x <= floor ? -1 : 1);
        }

        boolean holds(Op op, long x) {
            return op.accepts(compare(x));
        }
    }
}
