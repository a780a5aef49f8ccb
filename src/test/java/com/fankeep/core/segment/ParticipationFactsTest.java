package com.fankeep.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Campaign and launch participation in the rule language ({@code campaign "X" = shipped}, {@code gift within 30d},
 * {@code launch "X" = reserved}): counts from the facts and from SQL equal a plain computation over the rows this test
 * wrote itself, for generated rules; printed rules read back; a later write is seen. Seed printed;
 * {@code -Dsegment.seed=N} replays.
 */
class ParticipationFactsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String[] ENTRY_STATES = {"invited", "claimed", "address_confirmed", "shipped", "delivered", "thanked",
            "declined", "expired", "cancelled", "waitlisted"};
    private static final String[] RESERVATION_STATES = {"requested", "allocated", "waitlisted", "cancelled", "expired"};

    record Entry(String campaign, String state, Instant shippedAt) {
    }

    record Reservation(String launch, String state) {
    }

    @TempDir
    static Path temp;
    private static Database db;
    private static FanData data;
    private static long seed;
    private static final List<Long> live = new ArrayList<>();
    private static final Map<Long, List<Entry>> entries = new HashMap<>();
    private static final Map<Long, List<String>> votes = new HashMap<>();
    private static final Map<Long, List<Reservation>> reservations = new HashMap<>();
    private static final Map<Long, String> tiers = new HashMap<>();

    @BeforeAll
    static void write() {
        db = TestDatabases.fresh(temp);
        data = new FanData(db);
        seed = RuleGenerator.seed();
        RandomGenerator r = RuleGenerator.random(seed);
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long id = data.customer("粉" + i, i % 3 == 0 ? "vip" : null);
            all.add(id);
            tiers.put(id, i % 3 == 0 ? "vip" : "none");
        }
        // two campaigns share a name: the rule means either of them
        List<String> campaignNames = List.of(RuleGenerator.CAMPAIGNS[0], RuleGenerator.CAMPAIGNS[0], RuleGenerator.CAMPAIGNS[1],
                RuleGenerator.CAMPAIGNS[2]);
        for (String name : campaignNames) {
            data.exec("insert into gift_campaign (name) values (?)", name);
            long campaign = data.ids("select max(id) from gift_campaign").getFirst();
            for (long id : all) {
                if (r.nextInt(3) != 0) {
                    continue;
                }
                String state = ENTRY_STATES[r.nextInt(ENTRY_STATES.length)];
                Instant shipped = r.nextInt(3) == 0 ? null : NOW.minus(Duration.ofHours(r.nextInt(24 * 700)));
                data.exec("insert into campaign_entry (campaign_id, customer_id, state, shipped_at) values (?, ?, ?, ?)", campaign, id,
                        state, shipped == null ? null : OffsetDateTime.ofInstant(shipped, ZoneOffset.UTC));
                entries.computeIfAbsent(id, k -> new ArrayList<>()).add(new Entry(name, state, shipped));
            }
        }
        for (String name : RuleGenerator.LAUNCHES) {
            data.exec("insert into launch (name) values (?)", name);
            long launch = data.ids("select max(id) from launch").getFirst();
            for (long id : all) {
                if (r.nextInt(3) == 0) {
                    data.exec("insert into launch_vote (launch_id, customer_id, choice) values (?, ?, 'A')", launch, id);
                    votes.computeIfAbsent(id, k -> new ArrayList<>()).add(name);
                }
                if (r.nextInt(3) == 0) {
                    String state = RESERVATION_STATES[r.nextInt(RESERVATION_STATES.length)];
                    data.exec("insert into launch_reservation (launch_id, customer_id, requested_at, state) values (?, ?, ?, ?)", launch,
                            id, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC), state);
                    reservations.computeIfAbsent(id, k -> new ArrayList<>()).add(new Reservation(name, state));
                }
            }
        }
        // a merged-away and an erased customer keep their rows but are in no segment
        data.exec("update customer set merged_into_id = ? where id = ?", all.get(1), all.get(0));
        data.exec("update customer set erased_at = current_timestamp where id = ?", all.get(2));
        live.addAll(all.subList(3, all.size()));
        live.add(all.get(1));
        live.sort(null);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void generatedParticipationRulesCountAsComputedByHandInSqlAndInMemory() {
        RandomGenerator r = RuleGenerator.random(seed + 1);
        SegmentService segments = new SegmentService(db, Clock.fixed(NOW, ZONE));
        int nonEmpty = 0;
        for (int i = 0; i < 400; i++) {
            Rule rule = rule(r, 0);
            String text = RulePrinter.print(rule);
            List<Long> expected = live.stream().filter(id -> matches(rule, id)).toList();
            assertThat(segments.countInSql(rule)).as("seed %d, SQL: %s", seed, text).isEqualTo(expected.size());
            assertThat(segments.memberIds(text)).as("seed %d, facts: %s", seed, text).containsExactlyElementsOf(expected);
            for (boolean zh : new boolean[] {false, true}) {
                assertThat(RuleParser.parse(RulePrinter.print(rule, zh))).as("seed %d: %s", seed, RulePrinter.print(rule, zh))
                        .isEqualTo(rule);
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("most rules select someone").isGreaterThan(150);
    }

    @Test
    void theTextFormsReadAsDocumented() {
        assertThat(RuleParser.parse("活动 新年贺卡 = 已发货 且 新品 \"秋茶 2026\" != 分到 或 赠品 近 30天")).isEqualTo(
                RuleParser.parse("campaign 新年贺卡 = shipped and launch \"秋茶 2026\" != allocated or gift within 30d"));
        assertThat(RulePrinter.print(RuleParser.parse("campaign \"试用装 A\" = any"))).isEqualTo("campaign \"试用装 A\" = any");
    }

    @Test
    void aNewClaimOrVoteIsSeenByTheNextCount() {
        SegmentService segments = new SegmentService(db, Clock.fixed(NOW, ZONE));
        long someone = live.getLast();
        String rule = "launch 春茶 = voted and campaign 试用装 = any";
        assertThat(segments.count(rule)).isZero();
        data.exec("insert into gift_campaign (name) values ('试用装')");
        data.exec("insert into campaign_entry (campaign_id, customer_id, state) values ((select max(id) from gift_campaign), ?, 'claimed')",
                someone);
        data.exec("insert into launch_vote (launch_id, customer_id, choice) values ((select min(id) from launch), ?, 'B')", someone);
        assertThat(segments.memberIds(rule)).containsExactly(someone);
        data.exec("delete from campaign_entry where campaign_id = (select max(id) from gift_campaign)");
        data.exec("delete from gift_campaign where name = '试用装'");
        assertThat(segments.count(rule)).isZero();
        data.exec("delete from launch_vote where choice = 'B'"); // the other tests' rows as they were
        assertThat(segments.count("launch 春茶 = voted")).isEqualTo(live.stream().filter(id -> votes.getOrDefault(id, List.of())
                .contains("春茶")).count());
    }

    // --- the rules and their meaning, written out again

    private static Rule rule(RandomGenerator r, int depth) {
        int pick = r.nextInt(10);
        if (depth >= 3 || pick < 5) {
            return r.nextInt(5) == 0 ? new Rule.Not(clause(r)) : clause(r);
        }
        List<Rule> parts = new ArrayList<>();
        for (int i = 0, n = 2 + r.nextInt(2); i < n; i++) {
            parts.add(rule(r, depth + 1));
        }
        return pick < 8 ? new Rule.And(parts) : new Rule.Or(parts);
    }

    private static Rule.Clause clause(RandomGenerator r) {
        SegmentField f = switch (r.nextInt(7)) {
            case 0, 1, 2 -> SegmentField.CAMPAIGN;
            case 3, 4 -> SegmentField.LAUNCH;
            case 5 -> SegmentField.GIFT;
            default -> SegmentField.TIER;
        };
        if (f == SegmentField.GIFT) {
            Op op = f.ops().get(r.nextInt(f.ops().size()));
            String v = op == Op.WITHIN ? Integer.toString(r.nextInt(800)) : LocalDate.of(2024, 6, 1).plusDays(r.nextInt(800)).toString();
            return new Rule.Clause(f, op, v);
        }
        if (f == SegmentField.TIER) {
            return new Rule.Clause(f, Op.EQ, r.nextBoolean() ? "vip" : "none");
        }
        String[] names = f == SegmentField.CAMPAIGN ? RuleGenerator.CAMPAIGNS : RuleGenerator.LAUNCHES;
        String name = r.nextInt(10) == 0 ? "无此名" : names[r.nextInt(names.length)];
        return new Rule.Clause(f, r.nextInt(4) == 0 ? Op.NE : Op.EQ, f.choiceCodes().get(r.nextInt(f.choiceCodes().size())), name);
    }

    private static boolean matches(Rule rule, long id) {
        return switch (rule) {
            case Rule.And a -> a.rules().stream().allMatch(x -> matches(x, id));
            case Rule.Or o -> o.rules().stream().anyMatch(x -> matches(x, id));
            case Rule.Not n -> !matches(n.rule(), id);
            case Rule.Clause c -> c.op() == Op.NE ? !holds(c, id) : holds(c, id);
        };
    }

    private static boolean holds(Rule.Clause c, long id) {
        List<Entry> es = entries.getOrDefault(id, List.of());
        return switch (c.field()) {
            case CAMPAIGN -> es.stream().anyMatch(e -> e.campaign().equals(c.subject()) && (c.value().equals("any") || e.state().equals(c.value())));
            case GIFT -> es.stream().anyMatch(e -> e.shippedAt() != null && switch (c.op()) {
                case WITHIN -> !e.shippedAt().isBefore(NOW.minus(Duration.ofDays(Long.parseLong(c.value()))));
                case BEFORE -> e.shippedAt().isBefore(LocalDate.parse(c.value()).atStartOfDay(ZONE).toInstant());
                case AFTER -> !e.shippedAt().isBefore(LocalDate.parse(c.value()).plusDays(1).atStartOfDay(ZONE).toInstant());
                default -> throw new IllegalArgumentException(c.op().name());
            });
            case LAUNCH -> {
                boolean voted = votes.getOrDefault(id, List.of()).contains(c.subject());
                List<Reservation> rs = reservations.getOrDefault(id, List.of()).stream().filter(x -> x.launch().equals(c.subject())).toList();
                yield switch (c.value()) {
                    case "voted" -> voted;
                    case "reserved" -> rs.stream().anyMatch(x -> !x.state().equals("cancelled") && !x.state().equals("expired"));
                    case "allocated" -> rs.stream().anyMatch(x -> x.state().equals("allocated"));
                    case "any" -> voted || !rs.isEmpty();
                    default -> throw new IllegalArgumentException(c.value());
                };
            }
            case TIER -> tiers.get(id).equals(c.value());
            default -> throw new IllegalArgumentException(c.field().name());
        };
    }

}
