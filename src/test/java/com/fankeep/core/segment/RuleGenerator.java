package com.fankeep.core.segment;

import com.fankeep.core.bench.SegmentData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Random rules for the property tests, from a seed that the failing test prints. Values are drawn from the generated
 * shop's data (so counts are not all zero) and, with {@code odd}, from texts that need quoting and escaping.
 */
final class RuleGenerator {

    /** The seed: {@code -Dsegment.seed=…} to replay a failure, else a new one each run. */
    static long seed() {
        String s = System.getProperty("segment.seed");
        return s != null ? Long.parseLong(s) : System.nanoTime();
    }

    static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    private static final String[] ODD = {"", " ", "a b", "say \"hi\"", "back\\slash", "(上海)", "and", "or", "not", "城市",
            "=", ">=", "x!=y", "“引号”", "tab\there", "0", "-1", "2024-01-01", "180d", "has"};
    private static final String[] WORDS = {"手链", "耳环", "蜡烛", "礼盒", "ring", "BAG", "手工", "SKU-1", "-3", "学生", "同城", "铁粉", "vip"};

    private final RandomGenerator r;
    private final boolean odd;

    RuleGenerator(RandomGenerator r, boolean odd) {
        this.r = r;
        this.odd = odd;
    }

    Rule rule(int maxClauses) {
        return rule(0, maxClauses);
    }

    private Rule rule(int depth, int budget) {
        int pick = r.nextInt(10);
        if (budget <= 1 || depth >= 4 || pick < 4) {
            return r.nextInt(6) == 0 ? new Rule.Not(clause()) : clause();
        }
        if (pick == 9) {
            return new Rule.Not(rule(depth + 1, budget));
        }
        int n = 2 + r.nextInt(Math.min(3, budget - 1));
        List<Rule> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(rule(depth + 1, Math.max(1, budget / n)));
        }
        return pick < 7 ? new Rule.And(parts) : new Rule.Or(parts);
    }

    Rule.Clause clause() {
        SegmentField f = SegmentField.values()[r.nextInt(SegmentField.values().length)];
        Op op = f.ops().get(r.nextInt(f.ops().size()));
        return new Rule.Clause(f, op, value(f, op), f.kind() == FieldKind.PARTICIPATION ? subject(f) : "");
    }

    /** Names of the campaigns and launches {@code ParticipationFactsTest} makes (and, odd, names needing quotes). */
    static final String[] CAMPAIGNS = {"新年贺卡", "试用装 A", "and"};
    static final String[] LAUNCHES = {"春茶", "秋茶 2026"};

    private String subject(SegmentField f) {
        if (odd && r.nextInt(3) == 0) {
            String s = ODD[r.nextInt(ODD.length)];
            if (!s.isBlank()) {
                return s;
            }
        }
        String[] names = f == SegmentField.CAMPAIGN ? CAMPAIGNS : LAUNCHES;
        return r.nextInt(8) == 0 ? "无此名" : names[r.nextInt(names.length)];
    }

    private String value(SegmentField f, Op op) {
        return switch (f.kind()) {
            case FLAG -> "";
            case CHOICE, HAS, PARTICIPATION -> f.choiceCodes().get(r.nextInt(f.choiceCodes().size()));
            case ID -> Long.toString(1 + r.nextInt(odd ? 1_000_000 : 3_000));
            case NUMBER -> switch (f) {
                case SPEND -> new BigDecimal(r.nextInt(100_000)).movePointLeft(r.nextInt(3)).stripTrailingZeros().toPlainString();
                case BIRTHDAY_MONTH -> Integer.toString(1 + r.nextInt(12));
                case REFERRED -> Integer.toString(r.nextInt(4));
                default -> Integer.toString(r.nextInt(8));
            };
            case DATE -> op == Op.WITHIN ? Integer.toString(r.nextInt(2_000))
                    : LocalDate.of(2021, 1, 1).plusDays(r.nextInt(6 * 365)).toString();
            case TEXT -> text(f, op);
        };
    }

    private String text(SegmentField f, Op op) {
        if (odd && r.nextInt(3) == 0) {
            return ODD[r.nextInt(ODD.length)];
        }
        String v = switch (f) {
            case CITY -> SegmentData.CITIES[r.nextInt(SegmentData.CITIES.length)][0];
            case PROVINCE -> SegmentData.CITIES[r.nextInt(SegmentData.CITIES.length)][1];
            case TAG -> SegmentData.TAGS[r.nextInt(SegmentData.TAGS.length)];
            case GROUP -> SegmentData.GROUPS[r.nextInt(SegmentData.GROUPS.length)];
            default -> WORDS[r.nextInt(WORDS.length)];
        };
        if (op == Op.CONTAINS && v.length() > 1 && r.nextBoolean()) {
            int from = r.nextInt(v.length() - 1);
            v = v.substring(from, from + 1 + r.nextInt(v.length() - from - 1));
        }
        return v;
    }
}
