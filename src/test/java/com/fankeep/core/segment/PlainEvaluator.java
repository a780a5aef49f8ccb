package com.fankeep.core.segment;

import com.fankeep.core.bench.SegmentData;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The meaning of a rule written down a second time, in plain Java over the generated customers — not through the
 * parser's SQL — so a count that differs shows a defect in one of them. Mirrors the documented semantics: != is
 * "not =", text = is exact (place names also with or without 市/省), contains ignores case, dates compare in the
 * shop's zone, bought means any order not unpaid, cancelled or closed.
 */
final class PlainEvaluator {

    private final Instant now;
    private final ZoneId zone;
    private final Map<Long, Integer> referred = new HashMap<>();

    PlainEvaluator(List<SegmentData.Customer> all, Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
        for (SegmentData.Customer c : all) {
            if (!c.erased() && c.referredById() != null) {
                referred.merge(c.referredById(), 1, Integer::sum);
            }
        }
    }

    boolean matches(Rule rule, SegmentData.Customer c) {
        return switch (rule) {
            case Rule.And a -> a.rules().stream().allMatch(x -> matches(x, c));
            case Rule.Or o -> o.rules().stream().anyMatch(x -> matches(x, c));
            case Rule.Not n -> !matches(n.rule(), c);
            case Rule.Clause k -> k.op() == Op.NE ? !test(k.field(), Op.EQ, k.value(), c) : test(k.field(), k.op(), k.value(), c);
        };
    }

    private boolean test(SegmentField f, Op op, String v, SegmentData.Customer c) {
        return switch (f) {
            case CITY -> text(c.city(), op, v, places(v, "市"));
            case PROVINCE -> text(c.province(), op, v, places(v, "省", "市"));
            case TIER -> (c.tier() == null ? "none" : c.tier()).equals(v);
            case ORDERS -> number(BigDecimal.valueOf(c.orderCount()), op, v);
            case SPEND -> number(c.spend(), op, v);
            case FIRST_ORDER -> date(c.firstOrderAt(), op, v);
            case LAST_ORDER -> date(c.lastOrderAt(), op, v);
            case PLATFORM -> c.orders().stream().anyMatch(o -> o.platform().equals(v))
                    || c.channels().stream().anyMatch(ch -> ch.kind().equals("nickname") && v.equals(ch.platform()));
            case ITEM -> bought(c).stream().anyMatch(l -> text(l.title(), op, v, Set.of(v)));
            case SKU -> bought(c).stream().anyMatch(l -> text(l.sku(), op, v, Set.of(v)));
            case TAG -> c.tags().stream().anyMatch(t -> text(t, op, v, Set.of(v)));
            case HAS -> c.channels().stream().anyMatch(ch -> ch.kind().equals(v));
            case FUNNEL -> c.channels().stream().anyMatch(ch -> !ch.kind().equals("nickname") && ch.funnelState().equals(v));
            case RECOVERY -> c.recoveryState().equals(v);
            case GROUP -> c.groups().stream().anyMatch(g -> text(g, op, v, Set.of(v)));
            case REFERRED_BY -> c.referredById() != null && c.referredById() == Long.parseLong(v);
            case REFERRED -> number(BigDecimal.valueOf(referred.getOrDefault(c.id(), 0)), op, v);
            case BIRTHDAY_MONTH -> c.birthdayMonth() != null && number(BigDecimal.valueOf(c.birthdayMonth()), op, v);
            case DO_NOT_CONTACT -> c.doNotContact();
            // the generated shop has no campaigns or launches (ParticipationFactsTest checks those facts)
            case CAMPAIGN, LAUNCH, GIFT -> false;
        };
    }

    private static List<SegmentData.Line> bought(SegmentData.Customer c) {
        return c.orders().stream().filter(o -> !Set.of("unpaid", "cancelled", "closed").contains(o.status()))
                .flatMap(o -> o.lines().stream()).toList();
    }

    private static boolean text(String value, Op op, String v, Set<String> equalNames) {
        String s = value == null ? "" : value;
        if (op == Op.CONTAINS) {
            return s.toLowerCase(Locale.ROOT).contains(v.toLowerCase(Locale.ROOT));
        }
        return equalNames.contains(s);
    }

    /** 上海 = 上海市; 浙江 = 浙江省. */
    private static Set<String> places(String v, String... suffixes) {
        Set<String> out = new HashSet<>();
        out.add(v);
        String stem = v;
        for (String s : suffixes) {
            if (v.endsWith(s) && v.length() > s.length()) {
                stem = v.substring(0, v.length() - s.length());
            }
        }
        if (!stem.isEmpty()) {
            out.add(stem);
            for (String s : suffixes) {
                out.add(stem + s);
            }
        }
        return out;
    }

    private static boolean number(BigDecimal x, Op op, String v) {
        int cmp = x.compareTo(new BigDecimal(v));
        return switch (op) {
            case EQ -> cmp == 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private boolean date(Instant at, Op op, String v) {
        if (at == null) {
            return false;
        }
        return switch (op) {
            case WITHIN -> !at.isBefore(now.minus(Duration.ofDays(Long.parseLong(v))));
            case BEFORE -> at.isBefore(LocalDate.parse(v).atStartOfDay(zone).toInstant());
            case AFTER -> !at.isBefore(LocalDate.parse(v).plusDays(1).atStartOfDay(zone).toInstant());
            default -> throw new IllegalArgumentException(op.name());
        };
    }
}
